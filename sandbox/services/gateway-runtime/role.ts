// The gateway's execution role, checked before each target call (AWS assumes the role and evaluates its policies).
import type { Store } from "../../core/store";
import type { GatewayRecord } from "../agentcore-control/models";

export interface RoleCheck {
  action: string;
  resource: string;
}

export type RoleDecision = { allowed: true } | { allowed: false; message: string };

/**
 * WIRED LATER: the lead connects this to authorizeGatewayRole(store, {accountId, region, roleArn, gatewayArn}, {action,
 * resource}) from sandbox/services/iam/role-access.ts. Until then every call is allowed.
 */
export async function checkRole(store: Store, scope: { accountId: string; region: string; gateway: GatewayRecord }, check: RoleCheck): Promise<RoleDecision> {
  void store;
  void scope;
  void check;
  return { allowed: true };
}
