// IAM's model validation: the core's generic checks (required, length, range, type) plus pattern checks done
// the way IAM (Java) does them — whole-value matches with Unicode property classes — and IAM's message style:
// "1 validation error detected: Value 'a b' at 'roleName' failed to satisfy constraint: Member must satisfy
// regular expression pattern: [\w+=,.@-]+".
import { ServiceModel, type Shape, type SmithyModel } from "../../core/model";
import { ServiceError } from "../../core/types";
import { validateShape, type FieldError } from "../../core/validate";

const PATTERN = "smithy.api#pattern";

/** The pattern as IAM prints it: without the anchors the Smithy model adds. */
export function displayPattern(pattern: string): string {
  return pattern.replace(/^\^/, "").replace(/\$$/, "");
}

const compiled = new Map<string, RegExp>();
/** Whole-value match (Java `matches`), with Unicode semantics so `\p{L}` means "any letter". */
function fullMatch(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const body = displayPattern(pattern);
    try {
      re = new RegExp(`^(?:${body})$`, "u");
    } catch {
      re = new RegExp(`^(?:${body})$`);
    }
    compiled.set(pattern, re);
  }
  return re;
}

function withoutPatterns(model: SmithyModel): SmithyModel {
  const copy = structuredClone(model);
  for (const shape of Object.values(copy.shapes)) {
    if (shape.traits) delete shape.traits[PATTERN];
    for (const m of Object.values(shape.members ?? {})) if (m.traits) delete m.traits[PATTERN];
  }
  return copy;
}

type Path = (string | number)[];

function pathName(path: Path): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

/** Pattern checks over `value` of shape `shapeId`, with member names as the core reports them. */
function patternErrors(model: ServiceModel, shapeId: string, value: unknown, path: Path, errors: FieldError[], memberPattern?: string): void {
  if (value === undefined || value === null) return;
  const shape: Shape = model.shape(shapeId);
  const pattern = memberPattern ?? (shape.traits?.[PATTERN] as string | undefined);
  switch (shape.type) {
    case "structure":
      if (typeof value !== "object" || Array.isArray(value)) return;
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        patternErrors(model, ref.target, (value as Record<string, unknown>)[name], [...path, name], errors, ref.traits?.[PATTERN] as string | undefined);
      }
      return;
    case "list":
    case "set":
      if (!Array.isArray(value)) return;
      value.forEach((item, i) => patternErrors(model, shape.member!.target, item, [...path, i], errors, shape.member!.traits?.[PATTERN] as string | undefined));
      return;
    case "string":
      if (pattern && typeof value === "string" && !fullMatch(pattern).test(value)) {
        const name = pathName(path);
        errors.push({ name, message: `Value at '${name}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${displayPattern(pattern)}` });
      }
      return;
    default:
      return;
  }
}

/** `Tags[0].Key` → `tags.1.member.key`: how awsQuery services name members in their messages. */
export function queryMemberName(name: string): string {
  return name
    .replace(/\[(\d+)\]/g, (_, i: string) => `.${Number(i) + 1}.member`)
    .split(".")
    .map((seg) => (/^\d+$/.test(seg) ? seg : seg.charAt(0).toLowerCase() + seg.slice(1)))
    .join(".");
}

function valueAt(input: unknown, name: string): unknown {
  let v: unknown = input;
  for (const seg of name.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== "")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[/^\d+$/.test(seg) && Array.isArray(v) ? Number(seg) : seg];
  }
  return v;
}

/** Longer values (policy documents) are not echoed back. */
const MAX_ECHO = 1024;

/** IAM's `ValidationError` (400, Sender) for a list of failed constraints. */
export function iamValidationError(fields: FieldError[], input: Record<string, unknown>): ServiceError {
  const parts = fields.map((f) => {
    const constraint = f.message.includes("failed to satisfy constraint: ") ? f.message.slice(f.message.indexOf("failed to satisfy constraint: ") + 30) : f.message;
    const v = valueAt(input, f.name);
    let value = "";
    if (v === undefined || v === null) value = " null";
    else if ((typeof v === "string" && v.length <= MAX_ECHO) || typeof v === "number" || typeof v === "boolean") value = ` '${String(v)}'`;
    return `Value${value} at '${queryMemberName(f.name)}' failed to satisfy constraint: ${constraint}`;
  });
  const n = parts.length;
  return new ServiceError("ValidationError", `${n} validation error${n === 1 ? "" : "s"} detected: ${parts.join("; ")}`, { status: 400 });
}

export class IamValidator {
  private readonly lenient: ServiceModel;

  constructor(private readonly model: ServiceModel) {
    this.lenient = new ServiceModel(withoutPatterns(model.model));
  }

  /** Every failed model constraint of the operation's input, in the core's FieldError form. */
  errors(operation: string, input: Record<string, unknown>): FieldError[] {
    const inputId = this.model.inputShapeId(operation);
    if (!inputId) return [];
    const errors = validateShape(this.lenient, inputId, input);
    const patterns: FieldError[] = [];
    patternErrors(this.model, inputId, input, [], patterns);
    // A member that already failed its length check is not reported twice for its pattern when empty.
    for (const p of patterns) if (!errors.some((e) => e.name === p.name && input && valueAt(input, p.name) === "")) errors.push(p);
    return errors;
  }

  check(operation: string, input: Record<string, unknown>): void {
    const errors = this.errors(operation, input);
    if (errors.length) throw iamValidationError(errors, input);
  }
}
