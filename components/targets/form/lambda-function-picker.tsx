"use client";
// Fills a Lambda target from a function of the account (ListFunctions), or, in the sandbox, from a new starter function.
import { RefreshCw } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { createStarterFunctionAction, listFunctionsAction } from "@/lib/actions/gateway-test";
import type { LambdaFunctionSummary } from "@/lib/models/gateway-test";
import type { TargetFormValues } from "@/lib/schemas/target";
import type { ZodFormApi } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

const UNREACHABLE = "The console could not reach its server. Try again.";

export function LambdaFunctionPicker({ form }: { form: ZodFormApi<TargetFormValues> }) {
  const [listed, setListed] = useState<{ functions: LambdaFunctionSummary[]; sandbox: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [starterName, setStarterName] = useState("starter-tools");
  const [pending, setPending] = useState<"list" | "create" | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const load = useCallback(async () => {
    setPending("list");
    try {
      const r = await listFunctionsAction();
      if (r.ok) {
        setListed(r.data);
        setProblem(null);
      } else setProblem(`Functions could not be listed: ${r.message}`);
    } catch {
      setProblem(UNREACHABLE);
    } finally {
      setPending(null);
    }
  }, []);
  useEffect(() => {
    void (async () => load())();
  }, [load]);

  async function createStarter() {
    if (pending) return;
    setPending("create");
    setCreated(null);
    try {
      const r = await createStarterFunctionAction(starterName.trim());
      if (!r.ok) return setProblem(`The starter function was not created: ${r.message}`);
      const schema = typeof r.data.toolSchema === "string" ? r.data.toolSchema : JSON.stringify(r.data.toolSchema, null, 2);
      form.change("lambda", (d) => {
        d.lambda.arn = r.data.functionArn;
        d.lambda.source = "inline";
        d.lambda.inline = schema;
      });
      setProblem(null);
      setCreated(`Created ${r.data.functionArn}; its ARN and tool schema are filled in below.`);
      void load();
    } catch {
      setProblem(UNREACHABLE);
    } finally {
      setPending(null);
    }
  }

  const arn = form.values.lambda.arn;
  return (
    <div className="space-y-3 rounded-md border p-3">
      <Field id="lambda-pick" label="Pick an existing function" hint={listed && !listed.functions.length ? "No functions in this region yet." : "Fills in the function ARN."}>
        {(p) => (
          <div className="flex gap-2">
            <Select {...p} value={listed?.functions.some((f) => f.arn === arn) ? arn : ""} onChange={(e) => e.target.value && form.set("lambda.arn", e.target.value)} disabled={!listed?.functions.length}>
              <option value="">{listed ? "Choose a function" : pending === "list" ? "Loading functions…" : "Functions not loaded"}</option>
              {listed?.functions.map((f) => (
                <option key={f.arn} value={f.arn}>
                  {f.name}
                  {f.runtime ? ` (${f.runtime})` : ""}
                </option>
              ))}
            </Select>
            <Button variant="outline" size="icon" aria-label="Reload functions" onClick={() => void load()} aria-disabled={pending === "list" || undefined}>
              <RefreshCw aria-hidden="true" />
            </Button>
          </div>
        )}
      </Field>
      {listed?.sandbox ? (
        <div className="flex items-end gap-2">
          <Field id="lambda-starter-name" label="Starter function name" className="flex-1" hint="Sandbox only: a Node.js function that answers each tool of its schema.">
            {(p) => <Input {...p} autoComplete="off" value={starterName} onChange={(e) => setStarterName(e.target.value)} />}
          </Field>
          <Button variant="outline" onClick={() => void createStarter()} aria-disabled={pending === "create" || !starterName.trim() || undefined} className="mb-6">
            {pending === "create" ? "Creating…" : "Create a starter function"}
          </Button>
        </div>
      ) : null}
      <div aria-live="polite" className="text-sm">
        {created ? <p className="text-success">{created}</p> : null}
        {problem ? (
          <p role="alert" className="text-destructive">
            {problem}
          </p>
        ) : null}
      </div>
    </div>
  );
}
