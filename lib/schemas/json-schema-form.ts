// A tool's JSON Schema (inputSchema) as a zod schema, so the browser and the server check tool arguments alike.
import { z } from "zod";

const MAX_DEPTH = 32;
const MAX_NODES = 5_000;

/** Refuses schemas too deep or too large to turn into a validator (a hostile gateway could send anything). */
function tooLarge(schema: unknown): boolean {
  let nodes = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return true;
    if (Array.isArray(v)) return v.some((x) => walk(x, depth + 1));
    if (v && typeof v === "object") return Object.values(v).some((x) => walk(x, depth + 1));
    return false;
  };
  return walk(schema, 0);
}

/**
 * The zod schema for a JSON Schema: strings, numbers, integers, booleans, enums, arrays, nested objects and required
 * members (zod's own converter). A schema it cannot read, or one too large, accepts any JSON object, and the gateway decides.
 */
export function zodFromJsonSchema(schema: unknown): z.ZodType {
  const fallback = z.record(z.string(), z.unknown());
  if (!schema || typeof schema !== "object" || Array.isArray(schema) || tooLarge(schema)) return fallback;
  try {
    return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    return fallback;
  }
}
