"use client";
// Why the gateway refused a request: the reasons found, the decoded token, and the one-click fix when there is one.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { fixAllowedClientsAction } from "@/lib/actions/gateway-test";
import type { Refusal, RefusalReason } from "@/lib/models/gateway-test";
import { Callout } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { KeyValueTable } from "@/components/ui/key-value-table";
import { ExchangeView } from "./exchange-view";
import type { ExchangeMessage } from "@/lib/models/gateway-test";

function FixButton({ gatewayId, fix, onFixed }: { gatewayId: string; fix: NonNullable<RefusalReason["fix"]>; onFixed: () => void }) {
  const router = useRouter();
  const [state, setState] = useState<{ pending: boolean; failure?: string }>({ pending: false });
  async function apply() {
    if (state.pending) return;
    setState({ pending: true });
    try {
      const r = await fixAllowedClientsAction(gatewayId, fix.clientId);
      if (!r.ok) return setState({ pending: false, failure: r.message });
      const dropped = r.data.droppedAudiences;
      // Cognito access tokens carry no aud: audiences left in place would keep refusing them, so the fix replaces them.
      toast.success(`Client ${fix.clientId} added to the gateway's allowed clients${dropped.length ? `; the audience check (${dropped.join(", ")}) was removed, since Cognito tokens carry no aud` : ""}.`);
      setState({ pending: false });
      router.refresh();
      onFixed();
    } catch {
      setState({ pending: false, failure: "The console could not reach its server. Try again." });
    }
  }
  return (
    <div className="mt-2 space-y-2">
      <Button size="sm" onClick={() => void apply()} aria-disabled={state.pending || undefined}>
        {state.pending ? "Updating the gateway…" : fix.label}
      </Button>
      {state.failure ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {state.failure}
        </p>
      ) : null}
    </div>
  );
}

export function RefusalPanel({ gatewayId, refusal, exchange, onFixed }: { gatewayId: string; refusal: Refusal; exchange: ExchangeMessage[]; onFixed: () => void }) {
  return (
    <section aria-label="Why was it refused?" className="space-y-3">
      <Callout tone="danger" role="alert">
        <h3 className="font-medium">The gateway refused the request (HTTP {refusal.status})</h3>
        {refusal.gatewayMessage ? <p className="mt-1 text-muted-foreground">The gateway said: {refusal.gatewayMessage}</p> : null}
      </Callout>
      <div className="space-y-2">
        <h3 className="text-sm font-medium">Why was it refused?</h3>
        {refusal.reasons.length ? (
          <ul className="space-y-2" aria-label="Reasons">
            {refusal.reasons.map((r, i) => (
              <li key={i} data-reason={r.kind} className="rounded-md border p-3 text-sm">
                <p>{r.message}</p>
                {r.fix ? <FixButton gatewayId={gatewayId} fix={r.fix} onFixed={onFixed} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">The token matches the gateway&apos;s authorizer as far as the console can tell; see the gateway&apos;s own words above.</p>
        )}
      </div>
      {refusal.token ? (
        <details className="rounded-md border" open>
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium">The token, decoded (not verified)</summary>
          <div className="grid gap-4 border-t p-3 md:grid-cols-2">
            <KeyValueTable label="Token header" keyHeading="Name" values={refusal.token.header} />
            <KeyValueTable label="Token claims" keyHeading="Name" values={refusal.token.claims} />
          </div>
        </details>
      ) : null}
      <ExchangeView exchange={exchange} />
    </section>
  );
}
