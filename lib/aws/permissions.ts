// Server-only: the least-privilege policy a gateway's role needs for its targets, and how the role compares.
import "server-only";
import { buildExecutionRolePolicy, type ExecutionRolePolicyResult } from "@/lib/policies/execution-permissions";
import { lintPermissionPolicy, type LintFinding } from "@/lib/policies/lint";
import { formatPolicy, type PolicyDocument } from "@/lib/policies/policy-document";
import { getApiKeyProvider, getOauth2Provider } from "./credential-providers";
import type { Gateway } from "./gateways";
import { getRoleWithPolicies, type RoleWithPolicies } from "./iam";
import { getCallerIdentity } from "./sts";
import { getAllTargets, type Target } from "./targets";

/** The inline policy the console writes on the gateway's role. */
export const TARGET_ACCESS_POLICY_NAME = "AgentCoreGatewayTargetAccess";

export type GatewayPermissions = {
  generated: ExecutionRolePolicyResult;
  generatedText: string | null;
  roleName: string | null;
  role: RoleWithPolicies | null;
  /** The console's inline policy on the role now, as text; null when the role has none. */
  currentText: string | null;
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
  const [identity, targets, role] = await Promise.all([
    getCallerIdentity(region),
    getAllTargets(region, gateway.gatewayId),
    roleName ? getRoleWithPolicies(region, roleName) : Promise.resolve(null),
  ]);
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
  const current = role?.inlinePolicies.find((p) => p.policyName === TARGET_ACCESS_POLICY_NAME) ?? null;
  const all = role ? combined(role) : null;
  // With no inline policy at all there is nothing to lint: the page says the role lacks everything above.
  const findings = generated.policy && all ? lintPermissionPolicy(all, { requiredPolicy: generated.policy }) : [];
  return {
    generated,
    generatedText: generated.policy ? formatPolicy(generated.policy) : null,
    roleName,
    role,
    currentText: current ? (current.document ? JSON.stringify(current.document, null, 2) : current.text) : null,
    findings,
    targets,
  };
}
