// The one wrapper every server action goes through: access check, argument schemas, typed handler, one result shape.
import "server-only";
import type { z } from "zod";
import { assertAccess } from "@/lib/auth/session";
import { ConsoleError } from "@/lib/aws/errors";
import { issuesToFieldErrors, type FieldErrors } from "@/lib/schemas/form-errors";
import { fail, type ActionResult, type Provisioned } from "./result";

export const INVALID_FORM = "Some fields need attention. Fix them and submit again.";
const UNEXPECTED = "Something went wrong on the server. Try again.";

/** One argument of an action: its schema, and what a value that does not parse is told. */
export type ArgSpec<S extends z.ZodType = z.ZodType, F extends boolean = boolean> = {
  schema: S;
  /** A form: its issues become field errors under INVALID_FORM. */
  form: F;
  /** The sentence for a bad value; without it, the schema's own first message. */
  invalid?: string;
  fieldErrors?: FieldErrors;
};

/** A form argument: every issue lands on its field. */
export const form = <S extends z.ZodType>(schema: S): ArgSpec<S, true> => ({ schema, form: true });

/** A plain argument (an id, a token, a report): a bad value fails the whole call with one sentence. */
export const arg = <S extends z.ZodType>(schema: S, invalid?: string, fieldErrors?: FieldErrors): ArgSpec<S, false> => ({
  schema,
  form: false,
  invalid,
  fieldErrors,
});

/** What callers pass: a form's values are whatever the browser holds (the schema decides), other arguments are typed. */
type Inputs<A extends readonly ArgSpec[]> = { -readonly [K in keyof A]: A[K] extends ArgSpec<infer S, infer F> ? (F extends true ? unknown : z.input<S>) : never };
type Outputs<A extends readonly ArgSpec[]> = { -readonly [K in keyof A]: A[K] extends ArgSpec<infer S> ? z.output<S> : never };
/** Trailing arguments that accept undefined may be left out by the caller (e.g. a first page has no token). */
type OptionalTail<T extends unknown[]> = T extends [...infer Head, infer Last]
  ? undefined extends Last
    ? [...OptionalTail<Head>, Last?]
    : T
  : T;

/** What a handler may tell the wrapper besides its result. */
export type ActionContext = {
  /** Set by a multi-step action once something exists: any failure after that hands it back, so a retry reuses it. */
  provisioned?: Provisioned;
};

type Options<I> = {
  /** Where an AWS refusal's field list (or an IAM message naming a member) lands on the form. */
  fields?: (err: ConsoleError, input: I) => FieldErrors;
  /** A failure with something provisioned also says, in its message, what already exists. */
  explainProvisioned?: boolean;
};

/** A refusal already placed on form fields (by `nameTaken`), so the action's `fields` mapping is skipped. */
class FieldRefusal extends ConsoleError {
  constructor(
    cause: ConsoleError,
    readonly fieldErrors: FieldErrors,
  ) {
    super(cause.kind, cause.message, cause.awsName, cause.fieldList);
  }
}

/** "This name is already taken", as AWS says it for one call: the error name and, optionally, more about the error. */
export type NameTakenRule = {
  field: string;
  message: string;
  /** ConflictException unless told (IAM says EntityAlreadyExistsException). */
  awsName?: string;
  when?: (err: ConsoleError) => boolean;
};

/**
 * For `.catch()` on the call whose refusal means the name is taken: shows the sentence at the field. Only a refusal whose
 * field list is empty matches (AWS named no field of its own), so a validation error is never mistaken for a duplicate.
 */
export function nameTaken(...rules: NameTakenRule[]): (err: unknown) => never {
  return (err) => {
    if (err instanceof ConsoleError && err.fieldList.length === 0) {
      const rule = rules.find((r) => err.awsName === (r.awsName ?? "ConflictException") && (r.when?.(err) ?? true));
      if (rule) throw new FieldRefusal(err, { [rule.field]: rule.message });
    }
    throw err;
  };
}

/** For `.catch()` where no mapping applies (the same call, when it cannot be a name clash). */
export const rethrow = (err: unknown): never => {
  throw err;
};

/** Next's redirect()/notFound() signals carry a digest and must reach Next unchanged. */
const isNextSignal = (err: unknown) => !!err && typeof err === "object" && "digest" in err;

function parse<A extends readonly ArgSpec[]>(specs: A, params: unknown[]): { ok: true; input: Outputs<A> } | { ok: false; result: ActionResult<never> } {
  const input: unknown[] = [];
  for (const [i, spec] of specs.entries()) {
    const r = spec.schema.safeParse(params[i]);
    if (!r.success) {
      // Field errors carry messages only, never the values: nothing typed in a secret field is sent back.
      if (spec.form) return { ok: false, result: fail(INVALID_FORM, issuesToFieldErrors(r.error.issues)) };
      return { ok: false, result: fail(spec.invalid ?? r.error.issues[0]?.message ?? "That value is not valid.", spec.fieldErrors) };
    }
    input.push(r.data);
  }
  return { ok: true, input: input as Outputs<A> };
}

function withProvisioned<T>(r: ActionResult<T>, ctx: ActionContext, explain: boolean): ActionResult<T> {
  const p = ctx.provisioned;
  if (r.ok || !p) return r;
  const message = explain && p.created.length ? `${r.message} Already created: ${p.created.join("; ")}. Submitting again reuses it.` : r.message;
  return { ...r, message, provisioned: p };
}

/**
 * Declares a server action: `action(form(schema), arg(idSchema, "That is not …")).handle(async ([values, id], ctx) => …)`.
 * The returned function checks access first (before any argument is parsed), parses each argument with its schema, runs
 * the handler, and turns every failure into the one ActionResult: a ConsoleError keeps its message and AWS name with its
 * fields placed; anything else is logged and answered with a generic sentence.
 */
export function action<const A extends readonly ArgSpec[]>(...specs: A) {
  return {
    handle<T>(
      handler: (input: Outputs<A>, ctx: ActionContext) => Promise<ActionResult<T>>,
      options: Options<Outputs<A>> = {},
    ): (...params: OptionalTail<Inputs<A>>) => Promise<ActionResult<T>> {
      return async (...params) => {
        const ctx: ActionContext = {};
        let input: Outputs<A> | undefined;
        try {
          // The proxy already refused strangers; this runs again here so a moved action or a matcher change opens no door.
          await assertAccess();
          const parsed = parse(specs, params);
          if (!parsed.ok) return parsed.result;
          input = parsed.input;
          return withProvisioned(await handler(input, ctx), ctx, !!options.explainProvisioned);
        } catch (err) {
          if (err instanceof ConsoleError) {
            const fields = err instanceof FieldRefusal ? err.fieldErrors : input && options.fields ? options.fields(err, input) : {};
            return withProvisioned(fail(err.message, fields, err.awsName), ctx, !!options.explainProvisioned);
          }
          if (isNextSignal(err)) throw err;
          console.error("[action] unexpected failure:", err instanceof Error ? err.message : String(err));
          return withProvisioned(fail(UNEXPECTED), ctx, !!options.explainProvisioned);
        }
      };
    },
  };
}
