import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError, loaded } from "@/lib/aws/errors";
import { listGateways } from "@/lib/aws/gateways";
import { listRolesTrustingAgentCore } from "@/lib/aws/iam";
import { allPages } from "@/lib/aws/paging";
import { getCallerIdentity } from "@/lib/aws/sts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorCallout } from "@/components/ui/error-callout";
import { CreateRoleForm } from "@/components/roles/create-role-form";
import { ManagementPolicySection, type GatewayChoices } from "@/components/roles/management-policy-section";
import { PolicyLinter } from "@/components/roles/policy-linter";
import { TrustingRoles, TrustingRolesSkeleton } from "@/components/roles/trusting-roles";

export const metadata: Metadata = { title: "Roles & policies" };

function Section({ id, title, description, children, flush }: { id: string; title: string; description: string; children: ReactNode; flush?: boolean }) {
  return (
    <Card aria-labelledby={`${id}-heading`}>
      <CardHeader className="flex-col gap-1">
        <CardTitle id={`${id}-heading`}>{title}</CardTitle>
        <p className="text-sm text-muted-foreground">{description}</p>
      </CardHeader>
      {flush ? children : <CardContent>{children}</CardContent>}
    </Card>
  );
}

/** The generator's checkbox list offers at most this many gateways (and says when there are more). */
const MAX_GATEWAY_CHOICES = 1000;

async function gatewayChoices(region: string): Promise<GatewayChoices> {
  const all = await allPages((nextToken) => listGateways(region, { pageSize: 100, nextToken }), { maxItems: MAX_GATEWAY_CHOICES + 1 });
  return { gateways: all.slice(0, MAX_GATEWAY_CHOICES).map((g) => ({ gatewayId: g.gatewayId, name: g.name })), truncated: all.length > MAX_GATEWAY_CHOICES };
}

export default async function RolesPage() {
  const region = await getRegion();
  let accountId: string | null = null;
  let failure: ConsoleError | null = null;
  try {
    accountId = (await getCallerIdentity(region)).account;
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    failure = err;
  }
  // Started now, awaited inside each Suspense boundary, so the forms above render without waiting for the lists.
  const reads = accountId ? { roles: loaded(listRolesTrustingAgentCore(region)), choices: loaded(gatewayChoices(region)) } : null;

  return (
    <div className="max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Roles &amp; policies</h1>
        <p className="text-sm text-muted-foreground">
          The execution role a gateway assumes to reach its targets, and the policies for the people who manage gateways.
        </p>
      </div>
      {failure || !accountId || !reads ? (
        <ErrorCallout
          title="The AWS account could not be identified, so no policy can be built"
          message={failure?.message ?? "STS returned no account ID."}
          errorName={failure?.awsName}
        />
      ) : (
        <>
          <Section id="create-role" title="Create execution role" description="A role AgentCore may assume only for your gateways, with the confused-deputy conditions filled in.">
            <CreateRoleForm accountId={accountId} region={region} />
          </Section>
          <Section id="trusting-roles" title="Roles that trust AgentCore" description="Every IAM role whose trust policy names bedrock-agentcore.amazonaws.com, checked by the linter." flush>
            <Suspense fallback={<TrustingRolesSkeleton />}>
              <TrustingRoles accountId={accountId} region={region} roles={reads.roles} />
            </Suspense>
          </Section>
          <Section id="policy-linter" title="Policy linter" description="Paste a trust or permission policy to see what is wrong with it and how to fix it.">
            <PolicyLinter accountId={accountId} region={region} />
          </Section>
          <Section id="management-policies" title="Management policies" description="For the people and pipelines that manage gateways: full access or read-only, for every gateway or only some.">
            <Suspense fallback={<Skeleton className="h-64 w-full" />}>
              <ManagementPolicySection accountId={accountId} region={region} choices={reads.choices} />
            </Suspense>
          </Section>
        </>
      )}
    </div>
  );
}
