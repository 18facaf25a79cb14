"use client";
// Full-access or read-only policy for the people who manage gateways, optionally limited to chosen gateways.
import { useMemo, useState } from "react";
import { agentCoreArn, partitionForRegion } from "@/lib/policies/arn";
import { buildGatewayFullAccessPolicy, buildGatewayReadOnlyPolicy } from "@/lib/policies/management-policies";
import { formatPolicy } from "@/lib/policies/policy-document";
import { Callout } from "@/components/ui/alert";
import { PolicyJson } from "./policy-json";
import { RadioCard } from "@/components/ui/radio-card";

export type GatewayChoice = { gatewayId: string; name: string };
type Access = "full" | "read";

const ACCESS: Record<Access, { label: string; hint: string; title: string }> = {
  full: { label: "Full access", hint: "Create, change and delete gateways, targets and credential providers.", title: "Full access policy" },
  read: { label: "Read-only", hint: "List and read gateways, targets and credential providers.", title: "Read-only policy" },
};

export function ManagementPolicyGenerator({ accountId, region, gateways, truncated }: { accountId: string; region: string; gateways: GatewayChoice[]; truncated?: boolean }) {
  const [access, setAccess] = useState<Access>("full");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());

  const result = useMemo(() => {
    const gatewayArns = gateways.filter((g) => chosen.has(g.gatewayId)).map((g) => agentCoreArn(partitionForRegion(region), region, accountId, `gateway/${g.gatewayId}`));
    try {
      const input = { accountId, region, gatewayArns };
      const built = access === "full" ? buildGatewayFullAccessPolicy(input) : buildGatewayReadOnlyPolicy(input);
      return { ok: true as const, text: formatPolicy(built.policy), explanations: built.explanations };
    } catch (err) {
      return { ok: false as const, message: err instanceof Error ? err.message : "The policy cannot be built." };
    }
  }, [access, chosen, gateways, accountId, region]);

  function toggle(id: string, on: boolean) {
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-5">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Access</legend>
          {(Object.keys(ACCESS) as Access[]).map((a) => (
            <RadioCard key={a} name="management-access" value={a} checked={access === a} onChange={() => setAccess(a)} label={ACCESS[a].label} hint={ACCESS[a].hint} />
          ))}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Gateways</legend>
          <p className="text-xs text-muted-foreground">
            Choose none for every gateway of account {accountId} in {region}, or pick the gateways the policy is limited to.
          </p>
          {gateways.length === 0 ? <p className="text-sm text-muted-foreground">No gateways in this region yet.</p> : null}
          <ul className="max-h-64 space-y-1 overflow-auto">
            {gateways.map((g) => (
              <li key={g.gatewayId}>
                <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-1 text-sm hover:bg-accent">
                  <input type="checkbox" checked={chosen.has(g.gatewayId)} onChange={(e) => toggle(g.gatewayId, e.target.checked)} />
                  <span>{g.name}</span>
                  <span className="font-mono text-xs text-muted-foreground">{g.gatewayId}</span>
                </label>
              </li>
            ))}
          </ul>
          {truncated ? <p className="text-xs text-muted-foreground">Only the first {gateways.length} gateways are listed.</p> : null}
        </fieldset>
      </div>
      {result.ok ? (
        <div className="min-w-0 space-y-3">
          <PolicyJson id="management-policy" title={ACCESS[access].title} text={result.text} filename={`agentcore-gateway-${access === "full" ? "full-access" : "read-only"}-policy.json`} />
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">Why each statement</summary>
            <dl className="mt-2 space-y-2">
              {result.explanations.map((e) => (
                <div key={e.sid}>
                  <dt className="font-mono text-xs">{e.sid}</dt>
                  <dd className="text-xs text-muted-foreground">{e.why}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
      ) : (
        <Callout tone="danger">{result.message}</Callout>
      )}
    </div>
  );
}
