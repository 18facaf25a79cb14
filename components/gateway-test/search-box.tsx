"use client";
// Semantic search over the gateway's tools (x_amz_bedrock_agentcore_search), for gateways created with SEMANTIC search.
import { useState } from "react";
import { searchGatewayToolsAction } from "@/lib/actions/gateway-test";
import type { TestAuth, TestRefused } from "@/lib/models/gateway-test";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RunResult, useGatewayRun } from "./use-gateway-run";

export function SearchBox({ gatewayId, auth, onRefused }: { gatewayId: string; auth: TestAuth; onRefused: (r: TestRefused) => void }) {
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | undefined>();
  const run = useGatewayRun(onRefused);
  const { pending } = run;

  async function search() {
    if (pending) return;
    if (!query.trim()) return setError("Describe the tool you are looking for.");
    setError(undefined);
    await run.run(() => searchGatewayToolsAction(gatewayId, auth, query.trim()));
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
        <RunResult run={run} label="Search result" />
      </div>
    </form>
  );
}
