// Server-only: a role's trust checked against one gateway (the create form's picker), and tightened to the exact gateway ARN.
import "server-only";
import { UpdateAssumeRolePolicyCommand } from "@aws-sdk/client-iam";
import type { Gateway } from "@/lib/models/gateways";
import type { PolicyDocument } from "@/lib/policies/policy-document";
import { gatewayTrustVerdict } from "@/lib/policies/trust-match";
import { buildExactGatewayTrustPolicy, formatPolicy, isNamePatternTrust } from "@/lib/policies/trust-policy";
import { issuesToFieldErrors, type FieldErrors } from "@/lib/schemas/form-errors";
import { gatewaySchemaWith } from "@/lib/schemas/gateway";
import { GATEWAY_NAME_TAG_KEY, PURPOSE_TAG } from "@/lib/schemas/role";
import { iam } from "./clients";
import { ConsoleError, toConsoleError } from "./errors";
import { getRole } from "./iam";
import { roleNameFromArn } from "./permissions";
import { getCallerIdentity } from "./sts";

/**
 * The create form's rule, checked again on the server: an existing role whose trust would not let a gateway of this
 * name assume it needs "Use it anyway". The same schema as the browser's, with the verdict from GetRole. Field errors
 * when refused, null otherwise (also when the role cannot be read: CreateGateway then says what is wrong).
 */
export async function pickedRoleTrustErrors(region: string, values: unknown): Promise<FieldErrors | null> {
  const v = values as { roleMode?: unknown; roleArn?: unknown; roleTrustOverride?: unknown };
  if (v.roleMode !== "existing" || v.roleTrustOverride === true || typeof v.roleArn !== "string") return null;
  const roleName = roleNameFromArn(v.roleArn.trim());
  if (!roleName) return null;
  const [role, identity] = await Promise.all([getRole(region, roleName), getCallerIdentity(region)]);
  if (!role) return null;
  const schema = gatewaySchemaWith({
    roleTrust: (roleArn, gatewayName) => {
      if (roleArn !== role.roleArn) return undefined;
      try {
        return gatewayTrustVerdict(role.roleName, role.trustPolicy.text, { accountId: identity.account, region, gatewayName });
      } catch {
        return undefined;
      }
    },
  });
  const r = schema.safeParse(values);
  if (r.success) return null;
  const errors = issuesToFieldErrors(r.error.issues.filter((i) => i.path[0] === "roleTrustOverride"));
  return Object.keys(errors).length ? errors : null;
}

/** What the Permissions tab offers: the trust now and the exact one, when the role is the console's and uses the name pattern. */
export type TrustTightening =
  | { offer: true; roleName: string; before: string; after: string }
  | { offer: false; reason: "no-role" | "not-console-role" | "not-name-pattern" | "exact" };

export async function trustTighteningFor(region: string, gateway: Pick<Gateway, "gatewayArn" | "gatewayId" | "name" | "roleArn">): Promise<TrustTightening> {
  const roleName = roleNameFromArn(gateway.roleArn);
  const [role, identity] = await Promise.all([roleName ? getRole(region, roleName) : null, getCallerIdentity(region)]);
  if (!role) return { offer: false, reason: "no-role" };
  const exact = buildExactGatewayTrustPolicy({ accountId: identity.account, gatewayArn: gateway.gatewayArn });
  if (JSON.stringify(role.trustPolicy.document) === JSON.stringify(exact)) return { offer: false, reason: "exact" };
  const tag = (key: string) => role.tags.find((t) => t.key === key)?.value;
  const nameTag = tag(GATEWAY_NAME_TAG_KEY);
  if (tag(PURPOSE_TAG.key) !== PURPOSE_TAG.value || (nameTag !== undefined && nameTag !== gateway.name)) return { offer: false, reason: "not-console-role" };
  if (!isNamePatternTrust(role.trustPolicy.document, { accountId: identity.account, region, gatewayName: gateway.name })) {
    return { offer: false, reason: "not-name-pattern" };
  }
  return { offer: true, roleName: role.roleName, before: formatPolicy(role.trustPolicy.document as PolicyDocument), after: formatPolicy(exact) };
}

/**
 * UpdateAssumeRolePolicy to the exact ARN of the gateway, for a role the console created for it (tagged) whose trust
 * is still the name pattern. Anything else is refused unchanged. Exported for the create flow to call once the gateway exists.
 */
export async function tightenRoleTrust(region: string, gateway: Pick<Gateway, "gatewayArn" | "gatewayId" | "name" | "roleArn">): Promise<{ roleName: string; trustPolicy: string }> {
  const t = await trustTighteningFor(region, gateway);
  if (!t.offer) {
    const why = {
      "no-role": "the gateway's execution role does not exist",
      "not-console-role": "the console did not create the gateway's role for this gateway, so its trust is left to you",
      "not-name-pattern": "the role's trust policy is not the one the console made for this gateway's name, so it is left unchanged",
      exact: "the role already trusts exactly this gateway",
    }[t.reason];
    throw new ConsoleError(t.reason === "no-role" ? "not-found" : "conflict", `The trust was not tightened: ${why}.`, t.reason === "no-role" ? "NoSuchEntity" : "TrustNotTightened");
  }
  try {
    await iam(region).send(new UpdateAssumeRolePolicyCommand({ RoleName: t.roleName, PolicyDocument: t.after }));
  } catch (err) {
    throw toConsoleError(err, `update the trust policy of ${t.roleName}`);
  }
  return { roleName: t.roleName, trustPolicy: t.after };
}
