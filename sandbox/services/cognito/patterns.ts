// Works around the core validator compiling Smithy patterns without the `u` flag: `\p{L}` would then mean a literal "p{L}".
// Cognito's model uses Unicode property escapes (CallbackURLs, SupportedIdentityProviders, email messages…), so the
// extract is handed to the core with those escapes expanded into equivalent BMP ranges. Once the core compiles
// patterns with `u`, the probe below sees it and the model is used unchanged.
import { ServiceModel, loadModel, type SmithyModel } from "../../core/model";
import { validateShape, type FieldError } from "../../core/validate";

const PROPERTY_ESCAPE = /\\([pP])\{([A-Za-z_=]+)\}/y;

const hex = (n: number) => `\\u${n.toString(16).toUpperCase().padStart(4, "0")}`;

const rangeCache = new Map<string, string>();

/** BMP ranges matching `\p{name}` (or `\P{name}`), as class contents valid with and without the `u` flag. */
function ranges(name: string, negated: boolean): string {
  const key = `${negated ? "P" : "p"}${name}`;
  let out = rangeCache.get(key);
  if (out !== undefined) return out;
  const re = new RegExp(`^\\${negated ? "P" : "p"}{${name}}$`, "u");
  const parts: string[] = [];
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    parts.push(start === end ? hex(start) : `${hex(start)}-${hex(end)}`);
    start = -1;
  };
  for (let cp = 0; cp <= 0xffff; cp++) {
    const surrogate = cp >= 0xd800 && cp <= 0xdfff;
    if (!surrogate && re.test(String.fromCharCode(cp))) {
      if (start < 0) start = cp;
    } else {
      flush(cp - 1);
    }
  }
  flush(0xffff);
  // Astral characters reach a non-unicode regex as surrogate halves: let them through.
  parts.push(`${hex(0xd800)}-${hex(0xdfff)}`);
  out = parts.join("");
  rangeCache.set(key, out);
  return out;
}

/** Rewrites every `\p{X}` / `\P{X}` of a pattern into explicit ranges (inside a class, or as a class of its own). */
export function expandPropertyEscapes(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      PROPERTY_ESCAPE.lastIndex = i;
      const m = PROPERTY_ESCAPE.exec(pattern);
      if (m) {
        const body = ranges(m[2], m[1] === "P");
        out += inClass ? body : `[${body}]`;
        i += m[0].length - 1;
        continue;
      }
      out += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** True when the core's validator already understands `\p{…}` (then nothing needs rewriting). */
function coreUnderstandsPropertyEscapes(): boolean {
  const probe = new ServiceModel({
    smithy: "2.0",
    shapes: {
      "probe#Service": { type: "service" },
      "probe#Input": { type: "structure", members: { value: { target: "probe#Text" } } },
      "probe#Text": { type: "string", traits: { "smithy.api#pattern": "^[\\p{L}]+$" } },
    },
  });
  return validateShape(probe, "probe#Input", { value: "é" }).length === 0;
}

export interface PatchedModel {
  model: ServiceModel;
  /** Puts the model's own patterns back into validation messages. */
  restoreMessages(fields: FieldError[]): FieldError[];
}

export function cognitoModel(): PatchedModel {
  const original = loadModel("cognito-identity-provider");
  if (coreUnderstandsPropertyEscapes()) return { model: original, restoreMessages: (f) => f };
  const json = structuredClone(original.model) as SmithyModel;
  const back = new Map<string, string>();
  const patch = (traits: Record<string, unknown> | undefined) => {
    const p = traits?.["smithy.api#pattern"];
    if (typeof p !== "string" || !(p.includes("\\p{") || p.includes("\\P{"))) return;
    const expanded = expandPropertyEscapes(p);
    back.set(expanded, p);
    traits!["smithy.api#pattern"] = expanded;
  };
  for (const shape of Object.values(json.shapes)) {
    patch(shape.traits);
    for (const ref of [shape.member, shape.key, shape.value, ...Object.values(shape.members ?? {})]) patch(ref?.traits);
  }
  return {
    model: new ServiceModel(json),
    restoreMessages: (fields) =>
      fields.map((f) => {
        let message = f.message;
        for (const [expanded, p] of back) if (message.includes(expanded)) message = message.split(expanded).join(p);
        return { ...f, message };
      }),
  };
}
