"use client";
// The controls for a tool's input schema: one labelled field per member, nested objects as fieldsets, arrays as lists.
import { Plus, X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { enumKey, fieldId, fieldKind, initialDraft, type Draft, type JsonSchema } from "./form-values";

type Path = (string | number)[];
type Props = {
  schema: JsonSchema | undefined;
  path: Path;
  label: string;
  required?: boolean;
  draft: Draft | undefined;
  errors: Record<string, string>;
  onChange: (path: Path, value: Draft) => void;
};

const hintOf = (s: JsonSchema | undefined, kind: string) => [s?.description, kind === "integer" ? "A whole number." : kind === "number" ? "A number." : kind === "json" ? "Any JSON value." : ""].filter(Boolean).join(" ") || undefined;

/** An object's or an array's members, grouped under its label, description and error. */
function GroupFieldset({ className, label, required, description, error, children }: { className: string; label: string; required?: boolean; description?: string; error?: string; children: ReactNode }) {
  return (
    <fieldset className={`${className} rounded-md border p-3`}>
      <legend className="px-1 text-sm font-medium">
        {label}
        {required ? <span className="font-normal text-muted-foreground"> (required)</span> : null}
      </legend>
      {description ? <p className="text-xs text-muted-foreground">{description}</p> : null}
      {error ? <p className="text-xs font-medium text-destructive">{error}</p> : null}
      {children}
    </fieldset>
  );
}

export function SchemaField({ schema, path, label, required, draft, errors, onChange }: Props) {
  const kind = fieldKind(schema);
  const id = fieldId(path);
  const error = errors[path.map(String).join(".")];
  if (kind === "object") {
    const obj = draft && typeof draft === "object" && !Array.isArray(draft) ? draft : {};
    const req = new Set(schema?.required ?? []);
    const members = Object.entries(schema?.properties ?? {});
    const body = members.map(([k, p]) => <SchemaField key={k} schema={p} path={[...path, k]} label={p.title ?? k} required={req.has(k)} draft={obj[k]} errors={errors} onChange={onChange} />);
    if (path.length === 0) return <div className="space-y-4">{members.length ? body : <p className="text-sm text-muted-foreground">This tool takes no arguments.</p>}</div>;
    return (
      <GroupFieldset className="space-y-4" label={label} required={required} description={schema?.description} error={error}>
        {body}
      </GroupFieldset>
    );
  }
  if (kind === "array") {
    const items = Array.isArray(draft) ? draft : [];
    return (
      <GroupFieldset className="space-y-3" label={label} required={required} description={schema?.description} error={error}>
        {items.map((item, i) => (
          <div key={i} className="flex items-start gap-2">
            <div className="flex-1">
              <SchemaField schema={schema?.items} path={[...path, i]} label={`${label} ${i + 1}`} draft={item} errors={errors} onChange={onChange} />
            </div>
            <Button variant="ghost" size="icon" aria-label={`Remove ${label} ${i + 1}`} onClick={() => onChange(path, items.filter((_, j) => j !== i))}>
              <X aria-hidden="true" />
            </Button>
          </div>
        ))}
        <Button variant="outline" size="sm" onClick={() => onChange(path, [...items, initialDraft(schema?.items)])}>
          <Plus aria-hidden="true" /> Add {label}
        </Button>
      </GroupFieldset>
    );
  }
  const text = typeof draft === "string" ? draft : "";
  const set = (v: string) => onChange(path, v);
  return (
    <Field id={id} label={label} required={required} error={error} hint={hintOf(schema, kind)}>
      {(p) =>
        kind === "boolean" ? (
          <Select {...p} value={text} onChange={(e) => set(e.target.value)}>
            <option value="">Not set</option>
            <option value="true">true</option>
            <option value="false">false</option>
          </Select>
        ) : kind === "enum" ? (
          <Select {...p} value={text} onChange={(e) => set(e.target.value)}>
            <option value="">Not set</option>
            {schema?.enum?.map((v) => (
              <option key={enumKey(v)} value={enumKey(v)}>
                {typeof v === "string" ? v : JSON.stringify(v)}
              </option>
            ))}
          </Select>
        ) : kind === "json" ? (
          <Textarea {...p} rows={3} spellCheck={false} className="font-mono text-xs" value={text} onChange={(e) => set(e.target.value)} />
        ) : (
          <Input {...p} inputMode={kind === "integer" ? "numeric" : kind === "number" ? "decimal" : undefined} autoComplete="off" value={text} onChange={(e) => set(e.target.value)} />
        )
      }
    </Field>
  );
}
