"use client";
// Live preview of the execution role's trust policy, built in the browser from what the user types.
import { useMemo } from "react";
import { buildGatewayTrustPolicy, formatPolicy, gatewaySourceArnPattern } from "@/lib/policies/trust-policy";
import { trustGatewayNameSchema } from "@/lib/schemas/role";
import { Callout } from "@/components/ui/alert";
import { PolicyJson } from "./policy-json";

export function trustPolicyFilename(roleName: string): string {
  const name = roleName.trim();
  return `${/^[\w+=,.@-]+$/.test(name) ? name : "execution-role"}-trust-policy.json`;
}

export function TrustPolicyPreview({ accountId, region, gatewayName, roleName }: { accountId: string; region: string; gatewayName: string; roleName: string }) {
  const preview = useMemo(() => {
    const name = trustGatewayNameSchema.safeParse(gatewayName);
    if (!name.success) return { ok: false as const, message: "Fix the gateway name to see the trust policy for it." };
    try {
      const input = { accountId, region, gatewayName: name.data || undefined };
      return { ok: true as const, text: formatPolicy(buildGatewayTrustPolicy(input)), sourceArn: gatewaySourceArnPattern(input), scoped: Boolean(name.data) };
    } catch (err) {
      return { ok: false as const, message: err instanceof Error ? err.message : "The trust policy cannot be built." };
    }
  }, [accountId, region, gatewayName]);

  return (
    <div className="min-w-0 space-y-3">
      {preview.ok ? (
        <>
          <PolicyJson id="trust-policy-preview" title="Trust policy" text={preview.text} filename={trustPolicyFilename(roleName)} />
          <p className="text-xs text-muted-foreground">
            Only <code className="font-mono">bedrock-agentcore.amazonaws.com</code> may assume the role, and only on behalf of account{" "}
            <code className="font-mono">{accountId}</code> (<code className="font-mono">aws:SourceAccount</code>) for{" "}
            {preview.scoped ? "gateways whose ID matches" : "any gateway matching"} <code className="font-mono break-all">{preview.sourceArn}</code> (
            <code className="font-mono">aws:SourceArn</code>). The two conditions protect against the confused-deputy problem.
          </p>
        </>
      ) : (
        <Callout tone="warning">{preview.message}</Callout>
      )}
    </div>
  );
}
