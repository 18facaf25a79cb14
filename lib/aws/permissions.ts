// Server-only: the least-privilege policy a gateway's role needs for its targets, and how the role compares.
import "server-only";
import { buildExecutionRolePolicy, type ExecutionRolePolicyResult } from "@/lib/policies/execution-permissions";
import { gatewayPolicyName, planRolePolicyApply, type RolePolicyApplyPlan } from "@/lib/policies/gateway-role-policy";
import { lintPermissionPolicy, type LintFinding } from "@/lib/policies/lint";
import { formatPolicy, type PolicyDocument } from "@/lib/policies/policy-document";
import { getApiKeyProvider, getOauth2Provider } from "./credential-providers";
import type { Gateway } from "./gateways";
import { getRoleWithPolicies, type RoleWithPolicies } from "./iam";
import { gatewaysUsingRole, type RoleGateway } from "./role-gateways";
import { getCallerIdentity } from "./sts";
import { getAllTargets, type Target } from "./targets";

export type GatewayPermissions = {
  generated: ExecutionRolePolicyResult;
  generatedText: string | null;
  roleName: string | null;
  role: RoleWithPolicies | null;
  /** This gateway's own inline policy on the role now, as text; null when the role has none. */
  currentText: string | null;
  /** The inline policy "Apply to role" writes for this gateway (one per gateway, so gateways sharing a role never overwrite each other). */
  policyName: string;
  /** What Apply would add and remove; null when there is no role or nothing to grant. */
  plan: RolePolicyApplyPlan | null;
  /** Every gateway that uses the same role, this one included. */
  gatewaysOnRole: RoleGateway[];
  /** What the role's inline policies (all of them, together) lack or over-grant for these targets. */
  findings: LintFinding[];
  targets: Target[];
};

export function roleNameFromArn(roleArn: string | undefined): string | null {
  const m = roleArn?.match(/:role\/(?:.*\/)?([\w+=,.@-]+)$/);
  return m ? m[1] : null;
}

/** providerArn → the Secrets Manager secret holding its key or client secret (needed for secretsmanager:GetSecretValue). */
async function providerSecrets(region: string, targets: Target[]): Promise<Record<string, string>> {
  const arns = new Set<string>();
  for (const t of targets) {
    for (const c of t.credentialProviderConfigurations ?? []) {
      const arn = c.credentialProvider?.apiKeyCredentialProvider?.providerArn ?? c.credentialProvider?.oauthCredentialProvider?.providerArn;
      if (arn) arns.add(arn);
    }
  }
  const entries = await Promise.all(
    [...arns].map(async (arn) => {
      const name = arn.split("/").pop() ?? "";
      const p = arn.includes("/apikeycredentialprovider/") ? await getApiKeyProvider(region, name) : await getOauth2Provider(region, name);
      return p?.secretArn ? ([arn, p.secretArn] as const) : null;
    }),
  );
  return Object.fromEntries(entries.filter((e): e is readonly [string, string] => e !== null));
}

function combined(role: RoleWithPolicies): PolicyDocument | null {
  const statements = role.inlinePolicies.flatMap((p) => {
    const doc = p.document as { Statement?: unknown } | null;
    if (!doc || typeof doc !== "object") return [];
    return Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  });
  return statements.length ? ({ Version: "2012-10-17", Statement: statements } as PolicyDocument) : null;
}

export async function gatewayPermissions(region: string, gateway: Gateway): Promise<GatewayPermissions> {
  const roleName = roleNameFromArn(gateway.roleArn);
  const [identity, targets, role, onRole] = await Promise.all([
    getCallerIdentity(region),
    getAllTargets(region, gateway.gatewayId),
    roleName ? getRoleWithPolicies(region, roleName) : Promise.resolve(null),
    roleName && gateway.roleArn ? gatewaysUsingRole(region, gateway.roleArn) : Promise.resolve([]),
  ]);
  // The scan may not have seen this gateway (created after the list was read): it always uses its own role.
  const gatewaysOnRole = onRole.some((g) => g.gatewayId === gateway.gatewayId)
    ? onRole
    : [...onRole, { gatewayId: gateway.gatewayId, name: gateway.name, status: gateway.status, roleArn: gateway.roleArn ?? "" }];
  const generated = buildExecutionRolePolicy({
    accountId: identity.account,
    region,
    gateway: {
      gatewayId: gateway.gatewayId,
      gatewayArn: gateway.gatewayArn,
      name: gateway.name,
      kmsKeyArn: gateway.kmsKeyArn,
      workloadIdentityArn: gateway.workloadIdentityDetails?.workloadIdentityArn,
    },
    targets,
    providerSecretArns: await providerSecrets(region, targets),
  });
  const policyName = gatewayPolicyName(gateway.gatewayId);
  const current = role?.inlinePolicies.find((p) => p.policyName === policyName) ?? null;
  // Another gateway's policy on a shared role counts: what it grants is present, though not this gateway's to remove.
  const all = role ? combined(role) : null;
  // With no inline policy at all there is nothing to lint: the page says the role lacks everything above.
  const findings = generated.policy && all ? lintPermissionPolicy(all, { requiredPolicy: generated.policy }) : [];
  const plan =
    role && generated.policy
      ? planRolePolicyApply({
          gatewayId: gateway.gatewayId,
          generated: generated.policy,
          inlinePolicies: role.inlinePolicies,
          otherGatewaysOnRole: gatewaysOnRole.filter((g) => g.gatewayId !== gateway.gatewayId).length,
        })
      : null;
  return {
    generated,
    generatedText: generated.policy ? formatPolicy(generated.policy) : null,
    roleName,
    role,
    currentText: current ? (current.document ? JSON.stringify(current.document, null, 2) : current.text) : null,
    policyName,
    plan,
    gatewaysOnRole,
    findings,
    targets,
  };
}
