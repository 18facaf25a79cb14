// A zod schema from a tool's JSON input schema, so the Test tab's form and its server action check arguments alike (pure, client-safe).
import { z } from "zod";

type Json = Record<string, unknown>;

/** Deeper schemas are accepted as they are (`unknown`): a hostile schema cannot make the check recurse without end. */
const MAX_DEPTH = 32;

const isObj = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function typed(type: string, s: Json, depth: number): z.ZodType {
  switch (type) {
    case "string": {
      let t = z.string({ error: "Enter text." });
      const min = num(s.minLength);
      const max = num(s.maxLength);
      if (min !== undefined) t = t.min(min, `At least ${min} characters.`);
      if (max !== undefined) t = t.max(max, `At most ${max} characters.`);
      if (typeof s.pattern === "string") {
        try {
          t = t.regex(new RegExp(s.pattern), `Must match ${s.pattern}.`);
        } catch {
          // A pattern JavaScript cannot compile is not checked here; the tool itself still sees the value.
        }
      }
      return t;
    }
    case "number":
    case "integer": {
      let t = type === "integer" ? z.number({ error: "Enter a whole number." }).int("Enter a whole number.") : z.number({ error: "Enter a number." });
      const min = num(s.minimum);
      const max = num(s.maximum);
      if (min !== undefined) t = t.min(min, `At least ${min}.`);
      if (max !== undefined) t = t.max(max, `At most ${max}.`);
      return t;
    }
    case "boolean":
      return z.boolean({ error: "Choose true or false." });
    case "null":
      return z.null();
    case "array": {
      let t = z.array(isObj(s.items) ? build(s.items, depth + 1) : z.unknown(), { error: "Enter a list." });
      const min = num(s.minItems);
      const max = num(s.maxItems);
      if (min !== undefined) t = t.min(min, `At least ${min} item${min === 1 ? "" : "s"}.`);
      if (max !== undefined) t = t.max(max, `At most ${max} item${max === 1 ? "" : "s"}.`);
      return t;
    }
    case "object": {
      const props = isObj(s.properties) ? s.properties : {};
      const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === "string") : []);
      const shape: Record<string, z.ZodType> = {};
      for (const [key, sub] of Object.entries(props)) {
        const field = build(isObj(sub) ? sub : {}, depth + 1);
        shape[key] = required.has(key) ? requiredField(field) : field.optional();
      }
      // Required names the schema does not describe are still required.
      for (const key of required) if (!(key in shape)) shape[key] = requiredField(z.unknown());
      return s.additionalProperties === false ? z.strictObject(shape, { error: "Enter an object." }) : z.looseObject(shape, { error: "Enter an object." });
    }
    default:
      return z.unknown();
  }
}

/** A required member: a missing value says "Required" instead of the type's message. */
const requiredField = (t: z.ZodType) => z.any().refine((v) => v !== undefined, { message: "Required." }).pipe(t);

function build(s: Json, depth: number): z.ZodType {
  if (depth > MAX_DEPTH) return z.unknown();
  if (Array.isArray(s.enum)) return enumOf(s.enum);
  if ("const" in s) return enumOf([s.const]);
  const types = Array.isArray(s.type) ? s.type.filter((t): t is string => typeof t === "string") : typeof s.type === "string" ? [s.type] : [];
  if (types.length === 0) {
    // No type: infer the obvious ones, as most tool schemas leave `type` out of nested objects and arrays now and then.
    if (isObj(s.properties)) return typed("object", s, depth);
    if (isObj(s.items)) return typed("array", s, depth);
    return z.unknown();
  }
  const members = types.map((t) => typed(t, s, depth));
  return members.length === 1 ? members[0] : z.union(members as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

function enumOf(values: unknown[]): z.ZodType {
  const literals = values.filter((v): v is string | number | boolean | null => v === null || ["string", "number", "boolean"].includes(typeof v));
  const allowed = literals.map((v) => JSON.stringify(v)).join(", ");
  return z.unknown().refine((v) => literals.some((l) => l === v), { message: literals.length ? `Choose one of ${allowed}.` : "No value is allowed here (the schema's enum is empty)." });
}

/**
 * The zod schema for a JSON Schema (the subset tool schemas use): string, number, integer, boolean, null, enum/const,
 * array (items, minItems, maxItems), object (properties, required, additionalProperties: false), type lists, and the
 * common string and number bounds. Anything else (`$ref`, `oneOf`…) is accepted as is: the tool checks it.
 */
export function zodFromJsonSchema(schema: unknown): z.ZodType {
  return build(isObj(schema) ? schema : {}, 0);
}

/** The arguments of a tool call: its input schema's root, which MCP requires to be an object. */
export function toolArgumentsSchema(inputSchema: unknown): z.ZodType<Record<string, unknown>> {
  const root = isObj(inputSchema) ? { ...inputSchema, type: "object" } : { type: "object" };
  return zodFromJsonSchema(root) as z.ZodType<Record<string, unknown>>;
}
