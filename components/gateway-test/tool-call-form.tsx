"use client";
// Calls one tool: arguments from a form generated from its input schema (or raw JSON), checked in the browser with the server's schema.
import { useMemo, useState } from "react";
import { callGatewayToolAction } from "@/lib/actions/gateway-test";
import type { TestAuth, TestRefused, TestTool } from "@/lib/models/gateway-test";
import { zodFromJsonSchema } from "@/lib/schemas/json-schema-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { RunResult, useGatewayRun } from "./use-gateway-run";
import { draftToArguments, initialDraft, issuesByPath, setDraft, type Draft, type JsonSchema } from "./form-values";
import { SchemaField } from "./schema-fields";

type Props = { gatewayId: string; auth: TestAuth; tool: TestTool; onRefused: (r: TestRefused) => void };

export function ToolCallForm({ gatewayId, auth, tool, onRefused }: Props) {
  const schema = tool.inputSchema as JsonSchema;
  const validator = useMemo(() => zodFromJsonSchema(tool.inputSchema), [tool.inputSchema]);
  const [mode, setMode] = useState<"form" | "json">("form");
  const [draft, setDraftState] = useState<Draft>(() => initialDraft(schema));
  const [raw, setRaw] = useState("{}");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = useGatewayRun(onRefused);
  const { pending } = run;

  function argumentsToSend(): Record<string, unknown> | null {
    let args: unknown;
    if (mode === "json") {
      try {
        args = JSON.parse(raw);
      } catch (e) {
        setErrors({ _raw: `That is not JSON: ${(e as Error).message}` });
        return null;
      }
      if (!args || typeof args !== "object" || Array.isArray(args)) {
        setErrors({ _raw: "The arguments must be a JSON object." });
        return null;
      }
    } else args = draftToArguments(schema, draft);
    const r = validator.safeParse(args);
    if (!r.success) {
      const byPath = issuesByPath(r.error.issues);
      setErrors(mode === "json" ? { _raw: Object.entries(byPath).map(([k, m]) => `${k || "arguments"}: ${m}`).join("\n") } : byPath);
      return null;
    }
    setErrors({});
    return args as Record<string, unknown>;
  }

  async function call() {
    if (pending) return;
    const args = argumentsToSend();
    if (!args) return;
    await run.run(() => callGatewayToolAction(gatewayId, auth, tool.name, args));
  }

  return (
    <form
      noValidate
      aria-label={`Call ${tool.name}`}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void call();
      }}
    >
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Arguments as</legend>
        {(
          [
            ["form", "Form"],
            ["json", "Raw JSON"],
          ] as const
        ).map(([m, label]) => (
          <label key={m} className="flex items-center gap-2">
            <input
              type="radio"
              name={`args-mode-${tool.name}`}
              checked={mode === m}
              onChange={() => {
                if (m === "json") setRaw(JSON.stringify(draftToArguments(schema, draft), null, 2));
                setErrors({});
                setMode(m);
              }}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {mode === "form" ? (
        <SchemaField schema={schema} path={[]} label="Arguments" draft={draft} errors={errors} onChange={(path, v) => setDraftState((d) => setDraft(d, path, v))} />
      ) : (
        <Field id={`args-json-${tool.name}`} label="Arguments (JSON)" error={errors._raw} hint="A JSON object, checked against the tool's input schema before it is sent.">
          {(p) => <Textarea {...p} rows={8} spellCheck={false} className="whitespace-pre-wrap font-mono text-xs" value={raw} onChange={(e) => setRaw(e.target.value)} />}
        </Field>
      )}
      {Object.keys(errors).length && mode === "form" ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          Some arguments need attention.
        </p>
      ) : null}
      <Button type="submit" aria-disabled={pending || undefined}>
        {pending ? "Calling…" : `Call ${tool.toolName}`}
      </Button>
      <div aria-live="polite" className="space-y-3">
        {pending ? <p className="text-sm text-muted-foreground">Calling {tool.name}…</p> : null}
        <RunResult run={run} label={`Result of ${tool.name}`} />
      </div>
    </form>
  );
}
