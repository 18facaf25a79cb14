// The gateway's execution role, checked before each target call: AWS assumes the role and evaluates its policies.
import type { Store } from "../../core/store";
import { authorizeGatewayRole } from "../iam/role-access";
import type { GatewayRecord } from "../agentcore-control/models";

export interface RoleCheck {
  action: string;
  resource: string;
}

export type RoleDecision = { allowed: true } | { allowed: false; message: string };

/**
 * The role must exist in this account, trust bedrock-agentcore.amazonaws.com for this account and this gateway's ARN,
 * and allow the call through its inline and attached policies (sandbox/services/iam/role-access.ts).
 */
export async function checkRole(store: Store, scope: { accountId: string; region: string; gateway: GatewayRecord }, check: RoleCheck): Promise<RoleDecision> {
  const roleArn = scope.gateway.roleArn;
  if (!roleArn) return { allowed: false, message: `The gateway has no execution role, so it cannot call ${check.action} on ${check.resource}.` };
  const decision = authorizeGatewayRole(store, { accountId: scope.accountId, region: scope.region, roleArn, gatewayArn: scope.gateway.gatewayArn }, check);
  if (decision.allowed) return { allowed: true };
  return { allowed: false, message: `AccessDeniedException: the gateway's execution role ${roleArn} is not allowed to call ${check.action} on ${check.resource}: ${decision.reason}` };
}
