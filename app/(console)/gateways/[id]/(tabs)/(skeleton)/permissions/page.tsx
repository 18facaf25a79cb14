import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRegion } from "@/lib/aws/config";
import { ConsoleError } from "@/lib/aws/errors";
import { getGatewayForRequest } from "@/lib/aws/gateway-cache";
import { gatewayPermissions } from "@/lib/aws/permissions";
import { trustTighteningFor } from "@/lib/aws/role-trust";
import { Callout } from "@/components/ui/alert";
import { TitledCard } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import { ApplyPolicyDialog } from "@/components/permissions/apply-policy-dialog";
import { GatewaysOnRole } from "@/components/permissions/gateways-on-role";
import { PolicyDiff } from "@/components/permissions/policy-diff";
import { StatementExplanations } from "@/components/permissions/statement-explanations";
import { TightenTrust } from "@/components/permissions/tighten-trust";
import { LintFindings } from "@/components/roles/lint-findings";
import { PolicyJson } from "@/components/roles/policy-json";

export const metadata: Metadata = { title: "Permissions" };

export default async function PermissionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ highlight?: string | string[] }> }) {
  const gateway = await getGatewayForRequest((await params).id).catch(() => null);
  // ?highlight=ACTION comes from a tool call the role refused (the Test tab): the statement granting it is marked.
  const h = (await searchParams).highlight;
  const highlight = typeof h === "string" && /^[\w-]+:[\w*]+$/.test(h) ? h : undefined;
  if (!gateway) notFound();
  let p;
  const region = await getRegion();
  // The trust offer is optional: a failure to read it hides the card, it never hides the permissions.
  const tightening = trustTighteningFor(region, gateway).catch(() => null);
  try {
    p = await gatewayPermissions(region, gateway);
  } catch (err) {
    if (!(err instanceof ConsoleError)) throw err;
    return <ErrorCallout title="The permissions could not be worked out" message={err.message} errorName={err.awsName} />;
  }
  const { generated, generatedText, policyName, plan } = p;
  const trust = await tightening;

  return (
    <div className="space-y-5">
      <p className="max-w-3xl text-sm text-muted-foreground">
        The least-privilege policy the gateway&apos;s execution role needs to reach its {p.targets.length} target{p.targets.length === 1 ? "" : "s"}: exact ARNs, no wildcards
        where an ARN is known. The console keeps it as this gateway&apos;s own inline policy <code className="font-mono">{policyName}</code> on the role, so gateways sharing a
        role never overwrite each other&apos;s permissions.
      </p>
      {generated.policy === null ? (
        <Callout>{generated.message}</Callout>
      ) : (
        <TitledCard title="Generated policy" contentClassName="space-y-4">
          <PolicyJson id="generated-policy" title="Permission policy" text={generatedText ?? ""} filename={`${gateway.name}-permissions.json`} />
          <StatementExplanations explanations={generated.explanations} statements={generated.policy.Statement} highlight={highlight} />
        </TitledCard>
      )}
      {generated.notes.length ? (
        <Callout tone="warning">
          <p className="font-medium">Check these yourself</p>
          <ul className="mt-1 list-disc pl-5">
            {generated.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </Callout>
      ) : null}
      <TitledCard title="The role now" contentClassName="space-y-4">
        {!p.roleName ? (
          <Callout tone="warning">The gateway&apos;s role ARN ({gateway.roleArn ?? "none"}) is not an IAM role ARN.</Callout>
        ) : !p.role ? (
          <Callout tone="warning">The role {p.roleName} does not exist in this account: create it on the Roles &amp; policies page, or edit the gateway to use another role.</Callout>
        ) : (
          <>
            <p className="text-sm">
              Role <code className="font-mono">{p.role.roleArn}</code> has {p.role.inlinePolicies.length} inline and {p.role.attachedPolicies.length} attached
              polic{p.role.attachedPolicies.length + p.role.inlinePolicies.length === 1 ? "y" : "ies"}
              {p.role.attachedPolicies.length ? " (attached managed policies are not read here)" : ""}.
            </p>
            <GatewaysOnRole gateways={p.gatewaysOnRole} currentId={gateway.gatewayId} roleName={p.roleName} />
            {generatedText && plan ? (
              p.currentText === null ? (
                <p className="text-sm text-muted-foreground">It has no {policyName} policy yet; applying adds it.</p>
              ) : plan.upToDate ? (
                <p className="text-sm text-success">Its {policyName} policy matches the generated one.</p>
              ) : (
                <div className="space-y-2">
                  <h3 className="text-sm font-medium">Changes applying would make to {policyName}</h3>
                  <PolicyDiff before={p.currentText} after={generatedText} />
                </div>
              )
            ) : null}
            {plan?.legacyNote ? <Callout>{plan.legacyNote}</Callout> : null}
            {generated.policy ? <LintFindings findings={p.findings} label="What the role's inline policies lack or over-grant" /> : null}
            {plan ? <ApplyPolicyDialog gatewayId={gateway.gatewayId} roleName={p.roleName} plan={plan} /> : null}
          </>
        )}
      </TitledCard>
      {trust?.offer ? <TightenTrust gatewayId={gateway.gatewayId} gatewayName={gateway.name} offer={trust} /> : null}
    </div>
  );
}
