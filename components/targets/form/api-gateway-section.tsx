"use client";
// API Gateway target settings: REST API id, stage, tool filters (paths × methods) and tool overrides.
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { REST_METHODS, type TargetFormValues } from "@/lib/schemas/target";
import type { ZodFormApi } from "@/components/forms/use-zod-form";

export function ApiGatewaySection({ form }: { form: ZodFormApi<TargetFormValues> }) {
  const { values, errors, update, bind } = form;
  const a = values.apiGateway;
  return (
    <div className="space-y-5">
      <div className="grid grid-cols-2 gap-4">
        <Field id="apigw-rest-api-id" label="REST API id" required error={errors["apiGateway.restApiId"]}>
          {(p) => (
            <Input {...p} placeholder="a1b2c3d4e5" {...bind("apiGateway.restApiId")} />
          )}
        </Field>
        <Field id="apigw-stage" label="Stage" required error={errors["apiGateway.stage"]}>
          {(p) => <Input {...p} placeholder="prod" {...bind("apiGateway.stage")} />}
        </Field>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Tool filters</legend>
        <p className="text-xs text-muted-foreground">Which paths and methods of the stage become tools. Use * for a path segment wildcard.</p>
        {a.filters.map((f, i) => (
          <div key={i} className="flex flex-wrap items-start gap-3 rounded-md border p-3">
            <Field id={`apigw-filter-${i}-path`} label={`Filter ${i + 1} path`} error={errors[`apiGateway.filters.${i}.path`]} className="w-64">
              {(p) => <Input {...p} value={f.path} onChange={(e) => update(`apiGateway.filters.${i}`, (filter) => void (filter.path = e.target.value))} />}
            </Field>
            <fieldset className="space-y-1.5">
              <legend className="text-sm font-medium">{`Filter ${i + 1} methods`}</legend>
              <div className="flex flex-wrap gap-3 pt-1.5">
                {REST_METHODS.map((m) => (
                  <label key={m} className="flex items-center gap-1 text-xs">
                    <input
                      type="checkbox"
                      checked={f.methods.includes(m)}
                      onChange={(e) =>
                        update(`apiGateway.filters.${i}`, (filter) => {
                          const chosen = new Set(filter.methods);
                          if (e.target.checked) chosen.add(m);
                          else chosen.delete(m);
                          filter.methods = REST_METHODS.filter((x) => chosen.has(x));
                        })
                      }
                    />
                    {m}
                  </label>
                ))}
              </div>
              {errors[`apiGateway.filters.${i}.methods`] ? <p className="text-xs font-medium text-destructive">{errors[`apiGateway.filters.${i}.methods`]}</p> : null}
            </fieldset>
            <Button variant="ghost" size="icon" className="ml-auto" aria-label={`Remove filter ${i + 1}`} onClick={() => update("apiGateway.filters", (filters) => void filters.splice(i, 1))}>
              <X aria-hidden="true" />
            </Button>
          </div>
        ))}
        {errors["apiGateway.filters"] ? <p className="text-xs font-medium text-destructive">{errors["apiGateway.filters"]}</p> : null}
        <Button variant="outline" size="sm" onClick={() => update("apiGateway.filters", (filters) => void filters.push({ path: "/", methods: ["GET"] }))}>
          <Plus aria-hidden="true" /> Add filter
        </Button>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Tool overrides</legend>
        <p className="text-xs text-muted-foreground">Give an operation a clearer tool name and description for agents.</p>
        {a.overrides.map((o, i) => {
          const k = `apiGateway.overrides.${i}` as const;
          return (
            <div key={i} className="grid grid-cols-[1fr_1fr_7rem_1.5fr_auto] items-start gap-2 rounded-md border p-3">
              <Field id={`apigw-override-${i}-name`} label={`Override ${i + 1} tool name`} error={errors[`${k}.name`]}>
                {(p) => <Input {...p} value={o.name} onChange={(e) => update(k, (x) => void (x.name = e.target.value))} />}
              </Field>
              <Field id={`apigw-override-${i}-path`} label={`Override ${i + 1} path`} error={errors[`${k}.path`]}>
                {(p) => <Input {...p} value={o.path} onChange={(e) => update(k, (x) => void (x.path = e.target.value))} />}
              </Field>
              <Field id={`apigw-override-${i}-method`} label={`Override ${i + 1} method`}>
                {(p) => (
                  <Select {...p} value={o.method} onChange={(e) => update(k, (x) => void (x.method = e.target.value as (typeof REST_METHODS)[number]))}>
                    {REST_METHODS.map((m) => (
                      <option key={m}>{m}</option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id={`apigw-override-${i}-description`} label={`Override ${i + 1} description`}>
                {(p) => <Input {...p} value={o.description} onChange={(e) => update(k, (x) => void (x.description = e.target.value))} />}
              </Field>
              <Button variant="ghost" size="icon" className="mt-6" aria-label={`Remove override ${i + 1}`} onClick={() => update("apiGateway.overrides", (overrides) => void overrides.splice(i, 1))}>
                <X aria-hidden="true" />
              </Button>
            </div>
          );
        })}
        <Button variant="outline" size="sm" onClick={() => update("apiGateway.overrides", (overrides) => void overrides.push({ name: "", description: "", path: "/", method: "GET" }))}>
          <Plus aria-hidden="true" /> Add override
        </Button>
      </fieldset>
    </div>
  );
}
