"use client";
// Semantic search over the gateway's tools (x_amz_bedrock_agentcore_search), for gateways created with SEMANTIC search.
import { useState } from "react";
import { searchGatewayToolsAction } from "@/lib/actions/gateway-test";
import type { TestAuth, TestRefused, ToolCallOutcome } from "@/lib/models/gateway-test";
import { Callout } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { CallResult } from "./call-result";

export function SearchBox({ gatewayId, auth, onRefused }: { gatewayId: string; auth: TestAuth; onRefused: (r: TestRefused) => void }) {
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<ToolCallOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function search() {
    if (pending) return;
    if (!query.trim()) return setError("Describe the tool you are looking for.");
    setError(undefined);
    setPending(true);
    setFailure(null);
    setOutcome(null);
    try {
      const r = await searchGatewayToolsAction(gatewayId, auth, query.trim());
      if (!r.ok) setFailure(r.message);
      else if ("refused" in r.data) onRefused(r.data);
      else setOutcome(r.data);
    } catch {
      setFailure("The console could not reach its server. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      role="search"
      aria-label="Search the gateway's tools"
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void search();
      }}
    >
      <Field id="tool-search" label="Search tools" error={error} hint="In plain words; the gateway answers with the tools closest in meaning.">
        {(p) => (
          <div className="flex gap-2">
            <Input {...p} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
            <Button type="submit" aria-disabled={pending || undefined}>
              {pending ? "Searching…" : "Search"}
            </Button>
          </div>
        )}
      </Field>
      <div aria-live="polite">
        {failure ? (
          <Callout tone="danger" role="alert">
            {failure}
          </Callout>
        ) : null}
        {outcome ? <CallResult outcome={outcome} label="Search result" /> : null}
      </div>
    </form>
  );
}
