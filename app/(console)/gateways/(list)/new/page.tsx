import type { Metadata } from "next";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { listRolesTrustingAgentCore } from "@/lib/aws/iam";
import { getCallerIdentity } from "@/lib/aws/sts";
import { lintTrustPolicy } from "@/lib/policies/lint";
import { emptyGatewayForm } from "@/lib/schemas/gateway";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { GatewayForm } from "@/components/gateways/form/gateway-form";
import type { RoleOption } from "@/components/gateways/form/role-section";
import { verdictOf } from "@/components/roles/verdict";

export const metadata: Metadata = { title: "Create gateway" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

async function roleOptions(region: string, accountId: string | null): Promise<RoleOption[] | null> {
  try {
    const roles = await listRolesTrustingAgentCore(region);
    return roles.map((r) => {
      const findings = accountId ? lintTrustPolicy(r.trustPolicy.text, { accountId, region }) : [];
      const v = verdictOf(findings);
      return { roleName: r.roleName, roleArn: r.roleArn, trustPolicy: r.trustPolicy.text, verdict: { level: v.level, label: v.label, messages: findings.filter((f) => f.severity !== "info").map((f) => f.message) } };
    });
  } catch (err) {
    if (err instanceof ConsoleError) return null;
    throw err;
  }
}

export default async function NewGatewayPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const region = await getRegion();
  const accountId = await getCallerIdentity(region).then((i) => i.account, () => null);
  const roles = await roleOptions(region, accountId);
  const initial = emptyGatewayForm();
  // "Use in a new gateway" from the Identity page hands over a discovery URL and a client id (never a secret).
  const discoveryUrl = one(sp.discoveryUrl);
  if (discoveryUrl) {
    initial.jwtSource = "oidc";
    initial.jwt.discoveryUrl = discoveryUrl;
    initial.jwt.allowedClients = [one(sp.clientId)];
  }
  return (
    <div className="space-y-5">
      <Breadcrumb links={[{ href: "/gateways", label: "Gateways" }]} current="Create" />
      <h1 className="text-2xl font-semibold tracking-tight">Create gateway</h1>
      <GatewayForm mode="create" initial={initial} roles={roles} accountId={accountId} region={region} />
    </div>
  );
}
