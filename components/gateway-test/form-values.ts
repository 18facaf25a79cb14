// The schema-driven argument form's values: a draft of strings shaped like the tool's input schema, turned into arguments.
import type { z } from "zod";

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  description?: string;
  title?: string;
  default?: unknown;
};

/** What the form holds: every leaf is the text of its control; arrays and objects mirror the schema. */
export type Draft = string | Draft[] | { [key: string]: Draft };

export type FieldKind = "string" | "number" | "integer" | "boolean" | "enum" | "array" | "object" | "json";

/** The control a schema node gets (type lists like ["string", "null"] use their first non-null type). */
export function fieldKind(s: JsonSchema | undefined): FieldKind {
  if (!s || typeof s !== "object") return "json";
  if (Array.isArray(s.enum) && s.enum.length) return "enum";
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  if (t === "object" || (!t && s.properties)) return "object";
  if (t === "string" || t === "number" || t === "integer" || t === "boolean" || t === "array") return t;
  return "json";
}

const asObject = (d: Draft | undefined): Record<string, Draft> => (d && typeof d === "object" && !Array.isArray(d) ? d : {});

/** The empty draft for a schema (a default value, when the schema gives one, is filled in). */
export function initialDraft(s: JsonSchema | undefined): Draft {
  const kind = fieldKind(s);
  if (kind === "object") return Object.fromEntries(Object.entries(s?.properties ?? {}).map(([k, p]) => [k, initialDraft(p)]));
  if (kind === "array") return [];
  if (s?.default === undefined) return "";
  return kind === "json" ? JSON.stringify(s.default) : String(s.default);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The argument value of a draft, or undefined for "not given" (an empty optional field is left out). Text that does not
 * convert stays text, so the zod check names the field ("expected number") instead of the form guessing silently.
 */
export function draftToValue(s: JsonSchema | undefined, draft: Draft | undefined, required = false): unknown {
  const kind = fieldKind(s);
  if (kind === "object") {
    const d = asObject(draft);
    const req = new Set(s?.required ?? []);
    const out: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(s?.properties ?? {})) {
      const v = draftToValue(p, d[k], req.has(k));
      if (v !== undefined) out[k] = v;
    }
    return Object.keys(out).length || required ? out : undefined;
  }
  if (kind === "array") {
    const items = Array.isArray(draft) ? draft.map((x) => draftToValue(s?.items, x, true)).filter((v) => v !== undefined) : [];
    return items.length || required ? items : undefined;
  }
  const text = typeof draft === "string" ? draft : "";
  const trimmed = text.trim();
  if (kind === "string") return text === "" ? undefined : text;
  if (trimmed === "") return undefined;
  switch (kind) {
    case "number":
    case "integer":
      return NUMBER.test(trimmed) ? Number(trimmed) : text;
    case "boolean":
      return trimmed === "true" ? true : trimmed === "false" ? false : text;
    case "enum":
      return s?.enum?.find((e) => enumKey(e) === text) ?? text;
    default:
      try {
        return JSON.parse(trimmed);
      } catch {
        return text;
      }
  }
}

/** The option value of an enum member (enums may mix strings, numbers, booleans and null). */
export const enumKey = (v: unknown) => JSON.stringify(v);

/** The arguments of a whole form: always an object, as MCP's tools/call expects. */
export const draftToArguments = (s: JsonSchema, draft: Draft) => (draftToValue(s, draft, true) ?? {}) as Record<string, unknown>;

/** The id of a field's control, from its path in the arguments. */
export const fieldId = (path: (string | number)[]) => ["arg", ...path].join("-").replace(/[^A-Za-z0-9_-]/g, "_");

/** zod's issues by field path ("a.b.0"), in words a person reads at the field. */
export function issuesByPath(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.map(String).join(".");
    if (out[key]) continue;
    let message = i.message;
    if (i.code === "invalid_type") {
      // zod leaves the input out of its issues; its message says what it received.
      if (/received undefined$/.test(i.message)) message = "Required.";
      else if (i.expected === "number") message = "Enter a number.";
      else if (i.expected === "int") message = "Enter a whole number.";
      else if (i.expected === "boolean") message = "Choose true or false.";
    }
    const options = enumOptions(i);
    if (options) message = `Choose one of ${options.map((v) => JSON.stringify(v)).join(", ")}.`;
    out[key] = message;
  }
  return out;
}

/** The allowed values of an enum issue (zod reports a mixed enum as a union of literals). */
function enumOptions(i: z.core.$ZodIssue): unknown[] | null {
  if (i.code === "invalid_value") return [...i.values];
  if (i.code !== "invalid_union" || !i.errors.length) return null;
  const flat = i.errors.flat();
  return flat.every((e) => e.code === "invalid_value" && e.path.length === 0) ? flat.flatMap((e) => (e.code === "invalid_value" ? e.values : [])) : null;
}

/** Puts `value` at `path` in a draft, returning a new draft (the form's state is never mutated). */
export function setDraft(draft: Draft, path: (string | number)[], value: Draft): Draft {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(draft)) {
    const copy = [...draft];
    copy[Number(head)] = setDraft(copy[Number(head)] ?? "", rest, value);
    return copy;
  }
  const obj = asObject(draft);
  return { ...obj, [head]: setDraft(obj[head] ?? "", rest, value) };
}
