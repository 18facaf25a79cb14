// The existing-role picker's trust verdicts, worked out in the browser from the listed roles' trust policies.
import { gatewayTrustVerdict, type TrustVerdict } from "@/lib/policies/trust-match";
import type { GatewaySchemaContext } from "@/lib/schemas/gateway";

export type TrustedRole = { roleName: string; roleArn: string; trustPolicy: string };

/** The verdict for one listed role and the gateway name typed so far; undefined while the name or account is unknown. */
export function pickerVerdict(role: TrustedRole, accountId: string | null, region: string, gatewayName: string): TrustVerdict | undefined {
  if (!accountId || !gatewayName.trim()) return undefined;
  try {
    return gatewayTrustVerdict(role.roleName, role.trustPolicy, { accountId, region, gatewayName: gatewayName.trim() });
  } catch {
    return undefined; // a name that is not valid yet: its own field says so
  }
}

export function roleTrustContext(roles: readonly TrustedRole[] | null, accountId: string | null, region: string): GatewaySchemaContext["roleTrust"] {
  return (roleArn, gatewayName) => {
    const role = roles?.find((r) => r.roleArn === roleArn);
    return role ? pickerVerdict(role, accountId, region, gatewayName) : undefined;
  };
}
