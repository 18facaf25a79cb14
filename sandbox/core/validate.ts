// Generic, model-driven validation of a decoded input against its Smithy shape, with AWS-style messages.
import type { ServiceModel, Shape, Traits } from "./model";

export interface FieldError {
  name: string;
  message: string;
}

export interface ValidateOptions {
  /** Member names (top level) to skip, e.g. members the transport already vetted. */
  skip?: string[];
}

const regexCache = new Map<string, RegExp | null>();
function regex(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    // Smithy patterns are ECMA-262; \p{…} classes (IAM) need the unicode flag, while some
    // patterns use identity escapes (\:) that only the legacy syntax accepts: try both.
    // A few models carry Java inline flags such as "^(?s)…": turn them into JS flags.
    let source = pattern;
    let inline = "";
    const m = /^(\^?)\(\?([ims]+)\)/.exec(pattern);
    if (m) {
      source = m[1] + pattern.slice(m[0].length);
      inline = m[2];
    }
    let re: RegExp | null = null;
    for (const flags of ["u", ""]) {
      try {
        re = new RegExp(source, flags + inline);
        break;
      } catch {
        // try the next syntax
      }
    }
    regexCache.set(pattern, re);
  }
  return regexCache.get(pattern)!;
}

const fail = (name: string, constraint: string): FieldError => ({
  name,
  message: `Value at '${name}' failed to satisfy constraint: ${constraint}`,
});

const NUMERIC = new Set(["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal", "intEnum"]);
const INTEGRAL = new Set(["byte", "short", "integer", "long", "bigInteger", "intEnum"]);

function typeName(shape: Shape): string {
  return shape.type === "enum" ? "string" : shape.type === "intEnum" ? "integer" : shape.type;
}

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null;
}

function sizeOf(shape: Shape, value: unknown): number | undefined {
  switch (shape.type) {
    case "string":
    case "enum":
      return typeof value === "string" ? [...value].length : undefined;
    case "blob":
      if (typeof value === "string") return Buffer.from(value, "base64").length;
      if (value instanceof Uint8Array) return value.length;
      return undefined;
    case "list":
    case "set":
      return Array.isArray(value) ? value.length : undefined;
    case "map":
      return value && typeof value === "object" ? Object.keys(value).length : undefined;
    default:
      return undefined;
  }
}

function checkType(shape: Shape, value: unknown): boolean {
  switch (shape.type) {
    case "string":
    case "enum":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "blob":
      return typeof value === "string" || value instanceof Uint8Array;
    case "timestamp":
      return typeof value === "number" || typeof value === "string" || value instanceof Date;
    case "list":
    case "set":
      return Array.isArray(value);
    case "map":
    case "structure":
    case "union":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "document":
      return true;
    default:
      if (NUMERIC.has(shape.type)) {
        if (typeof value !== "number" || Number.isNaN(value)) return false;
        return !INTEGRAL.has(shape.type) || Number.isInteger(value);
      }
      return true;
  }
}

function enumValues(shape: Shape): (string | number)[] | undefined {
  if (shape.type === "enum" || shape.type === "intEnum") {
    return Object.entries(shape.members ?? {}).map(([k, m]) => (m.traits?.["smithy.api#enumValue"] as string | number | undefined) ?? k);
  }
  const legacy = shape.traits?.["smithy.api#enum"] as { value: string }[] | undefined;
  return legacy?.map((e) => e.value);
}

function traitsOf(shape: Shape, memberTraits: Traits | undefined): Traits {
  // Member traits override the target's (Smithy trait application rules).
  return { ...(shape.traits ?? {}), ...(memberTraits ?? {}) };
}

/** Validates `value` against shape `shapeId`; returns every violated constraint. */
export function validateShape(model: ServiceModel, shapeId: string, value: unknown, options: ValidateOptions = {}): FieldError[] {
  const errors: FieldError[] = [];
  const shape = model.shape(shapeId);
  if (shape.type !== "structure") {
    visit(model, shapeId, undefined, value, "", errors);
    return errors;
  }
  visitStructure(model, shape, (value ?? {}) as Record<string, unknown>, "", errors, new Set(options.skip ?? []));
  return errors;
}

function join(path: string, member: string): string {
  return path ? `${path}.${member}` : member;
}

function visitStructure(model: ServiceModel, shape: Shape, obj: Record<string, unknown>, path: string, errors: FieldError[], skip = new Set<string>()) {
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    if (skip.has(name)) continue;
    const v = obj[name];
    const memberPath = join(path, name);
    if (isAbsent(v)) {
      if (ref.traits && "smithy.api#required" in ref.traits && !("smithy.api#default" in ref.traits)) {
        errors.push(fail(memberPath, "Member must not be null"));
      }
      continue;
    }
    visit(model, ref.target, ref.traits, v, memberPath, errors);
  }
}

function visit(model: ServiceModel, shapeId: string, memberTraits: Traits | undefined, value: unknown, path: string, errors: FieldError[]) {
  const shape = model.shape(shapeId);
  const traits = traitsOf(shape, memberTraits);
  const name = path || "input";
  if (!checkType(shape, value)) {
    errors.push(fail(name, `Member must be of type ${typeName(shape)}`));
    return;
  }

  const length = traits["smithy.api#length"] as { min?: number; max?: number } | undefined;
  if (length) {
    const size = sizeOf(shape, value);
    if (size !== undefined) {
      if (length.min !== undefined && size < length.min) errors.push(fail(name, `Member must have length greater than or equal to ${length.min}`));
      if (length.max !== undefined && size > length.max) errors.push(fail(name, `Member must have length less than or equal to ${length.max}`));
    }
  }

  const pattern = traits["smithy.api#pattern"] as string | undefined;
  if (pattern && typeof value === "string") {
    const re = regex(pattern);
    if (re && !re.test(value)) errors.push(fail(name, `Member must satisfy regular expression pattern: ${pattern}`));
  }

  const range = traits["smithy.api#range"] as { min?: number; max?: number } | undefined;
  if (range && typeof value === "number") {
    if (range.min !== undefined && value < range.min) errors.push(fail(name, `Member must have value greater than or equal to ${range.min}`));
    if (range.max !== undefined && value > range.max) errors.push(fail(name, `Member must have value less than or equal to ${range.max}`));
  }

  const allowed = enumValues(shape);
  if (allowed && !allowed.includes(value as string | number)) {
    errors.push(fail(name, `Member must satisfy enum value set: [${allowed.join(", ")}]`));
  }

  switch (shape.type) {
    case "structure":
      visitStructure(model, shape, value as Record<string, unknown>, path, errors);
      break;
    case "union": {
      const obj = value as Record<string, unknown>;
      const members = shape.members ?? {};
      const set = Object.keys(obj).filter((k) => !isAbsent(obj[k]) && k !== "__type");
      const known = set.filter((k) => Object.prototype.hasOwnProperty.call(members, k));
      if (set.length !== 1 || known.length !== 1) {
        errors.push(fail(name, `Member must have exactly one of [${Object.keys(members).join(", ")}] set`));
      }
      for (const k of known) visit(model, members[k].target, members[k].traits, obj[k], join(path, k), errors);
      break;
    }
    case "list":
    case "set": {
      const arr = value as unknown[];
      const ref = shape.member!;
      if (traits["smithy.api#uniqueItems"] !== undefined || shape.type === "set") {
        const seen = new Set(arr.map((x) => JSON.stringify(x)));
        if (seen.size !== arr.length) errors.push(fail(name, "Member must have unique items"));
      }
      const sparse = "smithy.api#sparse" in traits;
      arr.forEach((item, i) => {
        const itemPath = `${name}[${i}]`;
        if (isAbsent(item)) {
          if (!sparse) errors.push(fail(itemPath, "Member must not be null"));
          return;
        }
        visit(model, ref.target, ref.traits, item, itemPath, errors);
      });
      break;
    }
    case "map": {
      const obj = value as Record<string, unknown>;
      for (const [k, v] of Object.entries(obj)) {
        visit(model, shape.key!.target, shape.key!.traits, k, `${name}.key`, errors);
        if (isAbsent(v)) {
          if (!("smithy.api#sparse" in traits)) errors.push(fail(`${name}.value`, "Member must not be null"));
          continue;
        }
        visit(model, shape.value!.target, shape.value!.traits, v, `${name}.value`, errors);
      }
      break;
    }
  }
}

/** AWS-style summary: "2 validation errors detected: …; …". */
export function summarize(errors: FieldError[]): string {
  const n = errors.length;
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${errors.map((e) => e.message).join("; ")}`;
}
