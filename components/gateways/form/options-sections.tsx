"use client";
// The gateway form's MCP options, advanced settings (debug errors, KMS key) and tags.
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { MCP_INSTRUCTIONS_MAX, MCP_VERSIONS } from "@/lib/schemas/constraints";
import type { GatewayFormApi } from "./use-gateway-form";

const checkbox = "size-4 rounded border-input accent-current focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

export function McpSection({ form, semanticLocked }: { form: GatewayFormApi; semanticLocked: boolean }) {
  const { values, errors, set, update, bind } = form;
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Supported MCP versions</legend>
        <p className="text-xs text-muted-foreground">Leave all unchecked to accept the service&apos;s default versions.</p>
        <div className="flex flex-wrap gap-4">
          {MCP_VERSIONS.map((v) => (
            <label key={v} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className={checkbox}
                checked={values.mcp.supportedVersions.includes(v)}
                onChange={(e) =>
                  update("mcp.supportedVersions", (versions) => {
                    const chosen = new Set(versions);
                    if (e.target.checked) chosen.add(v);
                    else chosen.delete(v);
                    return MCP_VERSIONS.filter((x) => chosen.has(x));
                  })
                }
              />
              {v}
            </label>
          ))}
        </div>
        {errors["mcp.supportedVersions"] ? <p className="text-xs font-medium text-destructive">{errors["mcp.supportedVersions"]}</p> : null}
      </fieldset>
      <Field
        id="mcp-instructions"
        label="Instructions"
        error={errors["mcp.instructions"]}
        hint={`Sent to MCP clients at initialization to explain how to use this gateway's tools. ${values.mcp.instructions.length}/${MCP_INSTRUCTIONS_MAX} characters.`}
      >
        {(p) => <Textarea {...p} rows={3} {...bind("mcp.instructions")} />}
      </Field>
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            className={checkbox}
            checked={values.mcp.semanticSearch}
            disabled={semanticLocked}
            aria-describedby="mcp-semantic-hint"
            onChange={(e) => set("mcp.semanticSearch", e.target.checked)}
          />
          Semantic tool search
        </label>
        <p id="mcp-semantic-hint" className="text-xs text-muted-foreground">
          Adds a search tool that finds the right tools by meaning. It cannot be turned off later
          {semanticLocked ? ": it is on for this gateway." : "."}
        </p>
        {errors["mcp.semanticSearch"] ? <p className="text-xs font-medium text-destructive">{errors["mcp.semanticSearch"]}</p> : null}
      </div>
    </div>
  );
}

export function AdvancedSection({ form }: { form: GatewayFormApi }) {
  const { values, errors, set, bind } = form;
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            className={checkbox}
            checked={values.debugExceptions}
            aria-describedby="debug-hint"
            onChange={(e) => set("debugExceptions", e.target.checked)}
          />
          Detailed error messages (exception level DEBUG)
        </label>
        <p id="debug-hint" className="text-xs text-muted-foreground">
          Returns granular errors to callers. Useful while building; turn it off in production.
        </p>
      </div>
      <Field id="kms-key-arn" label="KMS key ARN" error={errors.kmsKeyArn} hint="Optional customer managed key to encrypt the gateway's data. Leave empty for an AWS owned key.">
        {(p) => (
          <Input
            {...p}
            placeholder="arn:aws:kms:us-east-1:123456789012:key/…"
            {...bind("kmsKeyArn")}
          />
        )}
      </Field>
    </div>
  );
}

export function TagsSection({ form }: { form: GatewayFormApi }) {
  const { values, errors, update } = form;
  return (
    <fieldset className="space-y-3">
      <legend className="sr-only">Tags</legend>
      {values.tags.map((t, i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
          <Field id={`tag-${i}-key`} label={`Tag ${i + 1} key`} error={errors[`tags.${i}.key`]}>
            {(p) => <Input {...p} value={t.key} onChange={(e) => update(`tags.${i}`, (tag) => void (tag.key = e.target.value))} />}
          </Field>
          <Field id={`tag-${i}-value`} label={`Tag ${i + 1} value`} error={errors[`tags.${i}.value`]}>
            {(p) => <Input {...p} value={t.value} onChange={(e) => update(`tags.${i}`, (tag) => void (tag.value = e.target.value))} />}
          </Field>
          <Button variant="ghost" size="icon" className="mt-6" aria-label={`Remove tag ${i + 1}`} onClick={() => update("tags", (tags) => void tags.splice(i, 1))}>
            <X aria-hidden="true" />
          </Button>
        </div>
      ))}
      {errors.tags ? <p className="text-xs font-medium text-destructive">{errors.tags}</p> : null}
      <Button variant="outline" size="sm" onClick={() => update("tags", (tags) => void tags.push({ key: "", value: "" }))}>
        <Plus aria-hidden="true" /> Add tag
      </Button>
    </fieldset>
  );
}
