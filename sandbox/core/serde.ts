// Model-driven (de)serialization helpers: JSON output shaping, awsQuery form decoding and XML output.
import type { ServiceModel, Shape, Traits } from "./model";
import { dict } from "./dict";

export type TimestampFormat = "date-time" | "epoch-seconds" | "http-date";

export function toDate(v: unknown): Date | undefined {
  if (v instanceof Date) return v;
  if (typeof v === "number") return new Date(v * 1000);
  if (typeof v === "string") {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

export function formatTimestamp(v: unknown, format: TimestampFormat): string | number | undefined {
  const d = toDate(v);
  if (!d) return undefined;
  if (format === "epoch-seconds") return d.getTime() / 1000;
  if (format === "http-date") return d.toUTCString();
  return d.toISOString();
}

function tsFormat(shape: Shape, traits: Traits | undefined, fallback: TimestampFormat): TimestampFormat {
  return ((traits?.["smithy.api#timestampFormat"] ?? shape.traits?.["smithy.api#timestampFormat"]) as TimestampFormat | undefined) ?? fallback;
}

/**
 * Shapes a handler's value into the JSON the wire carries for `shapeId`: keeps only modelled members
 * (so handlers may return whole records), formats timestamps, drops nulls.
 */
export function toJsonWire(model: ServiceModel, shapeId: string, value: unknown, defaultTs: TimestampFormat, traits?: Traits): unknown {
  if (value === undefined || value === null) return undefined;
  const shape = model.shape(shapeId);
  switch (shape.type) {
    case "structure":
    case "union": {
      if (typeof value !== "object") return undefined;
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (ref.traits && ("smithy.api#httpHeader" in ref.traits || "smithy.api#httpResponseCode" in ref.traits || "smithy.api#httpLabel" in ref.traits || "smithy.api#httpQuery" in ref.traits)) continue;
        const wireName = (ref.traits?.["smithy.api#jsonName"] as string | undefined) ?? name;
        const v = toJsonWire(model, ref.target, (value as Record<string, unknown>)[name], defaultTs, ref.traits);
        if (v !== undefined) out[wireName] = v;
      }
      return out;
    }
    case "list":
    case "set":
      return Array.isArray(value) ? value.map((x) => toJsonWire(model, shape.member!.target, x, defaultTs, shape.member!.traits) ?? null) : undefined;
    case "map": {
      if (typeof value !== "object") return undefined;
      const out: Record<string, unknown> = dict();
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const w = toJsonWire(model, shape.value!.target, v, defaultTs, shape.value!.traits);
        if (w !== undefined) out[k] = w;
      }
      return out;
    }
    case "timestamp":
      return formatTimestamp(value, tsFormat(shape, traits, defaultTs));
    case "blob":
      return Buffer.isBuffer(value) || value instanceof Uint8Array ? Buffer.from(value).toString("base64") : value;
    default:
      return value;
  }
}

function scalarFromString(shape: Shape, raw: string): unknown {
  switch (shape.type) {
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : raw;
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "intEnum":
    case "bigInteger":
    case "bigDecimal": {
      const n = Number(raw);
      return raw.trim() === "" || Number.isNaN(n) ? raw : n;
    }
    default:
      return raw;
  }
}

/** Converts an httpLabel / httpQuery / httpHeader string to the member's type. */
export function fromBindingString(model: ServiceModel, shapeId: string, raw: string | string[]): unknown {
  const shape = model.shape(shapeId);
  if (shape.type === "list" || shape.type === "set") {
    const items = Array.isArray(raw) ? raw : raw.split(",").map((s) => s.trim());
    return items.map((x) => scalarFromString(model.shape(shape.member!.target), x));
  }
  return scalarFromString(shape, Array.isArray(raw) ? raw[0] : raw);
}

/** Decodes awsQuery form parameters (`Tags.member.1.Key=…`) into the input structure `shapeId`. */
export function fromQueryParams(model: ServiceModel, shapeId: string, params: URLSearchParams): Record<string, unknown> {
  const flat = new Map<string, string>();
  for (const [k, v] of params) flat.set(k, v);
  return (decodeQuery(model, shapeId, "", flat) as Record<string, unknown>) ?? dict();
}

function decodeQuery(model: ServiceModel, shapeId: string, prefix: string, flat: Map<string, string>, traits?: Traits): unknown {
  const shape = model.shape(shapeId);
  const flattened = traits && "smithy.api#xmlFlattened" in traits;
  switch (shape.type) {
    case "structure":
    case "union": {
      const out: Record<string, unknown> = dict();
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const wire = (ref.traits?.["smithy.api#xmlName"] as string | undefined) ?? name;
        const v = decodeQuery(model, ref.target, prefix ? `${prefix}.${wire}` : wire, flat, ref.traits);
        if (v !== undefined) out[name] = v;
      }
      return prefix && !Object.keys(out).length ? undefined : out;
    }
    case "list":
    case "set": {
      const base = flattened ? prefix : `${prefix}.member`;
      if (flat.get(prefix) === "") return [];
      const items: unknown[] = [];
      for (let i = 1; ; i++) {
        const v = decodeQuery(model, shape.member!.target, `${base}.${i}`, flat, shape.member!.traits);
        if (v === undefined) break;
        items.push(v);
      }
      return items.length ? items : undefined;
    }
    case "map": {
      const base = flattened ? prefix : `${prefix}.entry`;
      const out: Record<string, unknown> = dict();
      for (let i = 1; ; i++) {
        const k = flat.get(`${base}.${i}.key`);
        if (k === undefined) break;
        out[k] = decodeQuery(model, shape.value!.target, `${base}.${i}.value`, flat, shape.value!.traits);
      }
      return Object.keys(out).length ? out : undefined;
    }
    default: {
      const raw = flat.get(prefix);
      return raw === undefined ? undefined : scalarFromString(shape, raw);
    }
  }
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Serializes `value` as the XML body of shape `shapeId` (awsQuery output rules). */
export function toXml(model: ServiceModel, shapeId: string, value: unknown, traits?: Traits): string {
  if (value === undefined || value === null) return "";
  const shape = model.shape(shapeId);
  switch (shape.type) {
    case "structure":
    case "union": {
      let xml = "";
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const v = (value as Record<string, unknown>)[name];
        if (v === undefined || v === null) continue;
        const el = (ref.traits?.["smithy.api#xmlName"] as string | undefined) ?? name;
        const target = model.shape(ref.target);
        if ((target.type === "list" || target.type === "set" || target.type === "map") && ref.traits && "smithy.api#xmlFlattened" in ref.traits) {
          xml += toXmlFlattened(model, ref.target, v, el);
        } else {
          xml += `<${el}>${toXml(model, ref.target, v, ref.traits)}</${el}>`;
        }
      }
      return xml;
    }
    case "list":
    case "set": {
      const el = (shape.member!.traits?.["smithy.api#xmlName"] as string | undefined) ?? "member";
      return (value as unknown[]).map((x) => `<${el}>${toXml(model, shape.member!.target, x, shape.member!.traits)}</${el}>`).join("");
    }
    case "map":
      return Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `<entry><key>${escapeXml(k)}</key><value>${toXml(model, shape.value!.target, v, shape.value!.traits)}</value></entry>`)
        .join("");
    case "timestamp":
      return escapeXml(String(formatTimestamp(value, tsFormat(shape, traits, "date-time")) ?? ""));
    case "blob":
      return Buffer.isBuffer(value) ? value.toString("base64") : escapeXml(String(value));
    default:
      return escapeXml(String(value));
  }
}

function toXmlFlattened(model: ServiceModel, shapeId: string, value: unknown, el: string): string {
  const shape = model.shape(shapeId);
  if (shape.type === "map") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `<${el}><key>${escapeXml(k)}</key><value>${toXml(model, shape.value!.target, v)}</value></${el}>`)
      .join("");
  }
  return (value as unknown[]).map((x) => `<${el}>${toXml(model, shape.member!.target, x)}</${el}>`).join("");
}
