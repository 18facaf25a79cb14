"use client";
// One test request to the gateway (a tool call or a search): its pending state, failure and outcome, shared by the search box and the call form.
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { TestRefused, ToolCallOutcome } from "@/lib/models/gateway-test";
import { Callout } from "@/components/ui/alert";
import { CallResult } from "./call-result";

export type GatewayRun = { pending: boolean; failure: string | null; outcome: ToolCallOutcome | null };

/** A refusal goes to onRefused (the panel explains it); anything else is shown by <RunResult>. */
export function useGatewayRun(onRefused: (r: TestRefused) => void) {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<ToolCallOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function run(send: () => Promise<ActionResult<ToolCallOutcome | TestRefused>>) {
    setPending(true);
    setFailure(null);
    setOutcome(null);
    try {
      const r = await send();
      if (!r.ok) setFailure(r.message);
      else if ("refused" in r.data) onRefused(r.data);
      else setOutcome(r.data);
    } catch {
      setFailure("The console could not reach its server. Try again.");
    } finally {
      setPending(false);
    }
  }

  return { pending, failure, outcome, run };
}

export function RunResult({ run, label }: { run: GatewayRun; label: string }) {
  return (
    <>
      {run.failure ? (
        <Callout tone="danger" role="alert">
          {run.failure}
        </Callout>
      ) : null}
      {run.outcome ? <CallResult outcome={run.outcome} label={label} /> : null}
    </>
  );
}
