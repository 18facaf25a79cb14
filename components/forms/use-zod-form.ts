"use client";
// Form state on a shared zod schema: values, live validation as the user types, touched fields and server errors, bound by typed paths.
import { useMemo, useState } from "react";
import type { z } from "zod";
import { issuesToFieldErrors, type FieldErrors } from "@/lib/schemas/form-errors";
import { covers, getPath, setPath, type Path, type PathValue, type StringPath } from "./field-path";
import { useFormDraft, type DraftOptions } from "./use-form-draft";

/** Any zod schema: only safeParse is used, so transforms and refinements are fine. */
export type Validator = { safeParse(value: unknown): { success: true } | { success: false; error: { issues: z.core.$ZodIssue[] } } };

/** What a text input needs to show and edit one string field. */
export type TextBinding = { value: string; onChange: (e: { target: { value: string } }) => void; onBlur: () => void };

export type ZodFormOptions = {
  /** Keep the unsaved input in sessionStorage under this key (see use-form-draft.ts). */
  draft?: DraftOptions;
};

export function useZodForm<T>(schema: Validator, initial: T, options?: ZodFormOptions) {
  const [values, setValues] = useState(initial);
  const draft = useFormDraft(options?.draft, values, initial, setValues);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const clientErrors = useMemo(() => {
    const r = schema.safeParse(values);
    return r.success ? {} : issuesToFieldErrors(r.error.issues);
  }, [schema, values]);

  const errors = useMemo(() => {
    const out: FieldErrors = {};
    for (const [k, msg] of Object.entries(clientErrors)) {
      if (submitted || [...touched].some((t) => covers(t, k))) out[k] = msg;
    }
    for (const [k, msg] of Object.entries(serverErrors)) out[k] ??= msg;
    return out;
  }, [clientErrors, serverErrors, submitted, touched]);

  function touch(path: Path<T>) {
    setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));
  }

  // Every change goes through here: the field is touched and a server error at, above or under it no longer applies.
  function apply(path: Path<T>, next: (v: T) => T) {
    setValues(next);
    touch(path);
    setServerErrors((e) => {
      const stale = Object.keys(e).filter((k) => covers(path, k) || covers(k, path));
      if (stale.length === 0) return e;
      const out = { ...e };
      for (const k of stale) delete out[k];
      return out;
    });
  }

  /** Sets the field at a path to a value. */
  function set<P extends Path<T>>(path: P, value: PathValue<T, P>) {
    apply(path, (v) => setPath(v, path, value));
  }

  /** Edits the field at a path: the recipe gets a private copy to mutate (or returns the new value, for plain values). */
  function update<P extends Path<T>>(path: P, recipe: (draft: PathValue<T, P>) => PathValue<T, P> | void) {
    apply(path, (v) => {
      const draft = structuredClone(getPath(v, path));
      const out = recipe(draft);
      return setPath(v, path, out === undefined ? draft : out);
    });
  }

  /** A change to one field that also adjusts others (the gateway's name renames its default role): the recipe mutates a copy of the whole form. */
  function change(path: Path<T>, recipe: (draft: T) => void) {
    apply(path, (v) => {
      const draft = structuredClone(v);
      recipe(draft);
      return draft;
    });
  }

  /** Value, onChange and onBlur for a text input on a string field. */
  function bind<P extends StringPath<T>>(path: P): TextBinding {
    return {
      value: getPath(values, path) as string,
      onChange: (e) => set(path, e.target.value as PathValue<T, P>),
      onBlur: () => touch(path),
    };
  }

  /** The first error at or under a field (list fields report per item, e.g. tokenEndpointAuthMethods.0). */
  const errorFor = (path: Path<T>) => errors[path] ?? Object.entries(errors).find(([k]) => covers(path, k))?.[1];

  return {
    values,
    errors,
    errorFor,
    isValid: Object.keys(clientErrors).length === 0,
    set,
    update,
    change,
    bind,
    touch,
    markSubmitted: () => setSubmitted(true),
    setServerErrors,
    draft,
  };
}

export type ZodFormApi<T> = ReturnType<typeof useZodForm<T>>;
