"use client";
// Form state on a shared zod schema: values, live validation as the user types, touched fields and server errors.
import { useMemo, useState } from "react";
import type { z } from "zod";
import { issuesToFieldErrors, type FieldErrors } from "@/lib/schemas/form-errors";

const covers = (prefix: string, key: string) => key === prefix || key.startsWith(`${prefix}.`);

/** Any zod schema: only safeParse is used, so transforms and refinements are fine. */
export type Validator = { safeParse(value: unknown): { success: true } | { success: false; error: { issues: z.core.$ZodIssue[] } } };

export function useZodForm<T>(schema: Validator, initial: T) {
  const [values, setValues] = useState(initial);
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

  function touch(key: string) {
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  }

  /** Applies a change to one field (by its dotted key): marks it touched and drops its server error. */
  function update(key: string, mutate: (draft: T) => void) {
    setValues((v) => {
      const draft = structuredClone(v);
      mutate(draft);
      return draft;
    });
    touch(key);
    setServerErrors((e) => {
      const stale = Object.keys(e).filter((k) => covers(key, k) || covers(k, key));
      if (stale.length === 0) return e;
      const next = { ...e };
      for (const k of stale) delete next[k];
      return next;
    });
  }

  /** Sets a top-level field to a value taken now (flat forms; nested ones use update). */
  function set<K extends keyof T & string>(key: K, value: T[K]) {
    update(key, (draft) => void (draft[key] = value));
  }

  /** The first error at or under a field (list fields report per item, e.g. tokenEndpointAuthMethods.0). */
  const errorFor = (key: string) => errors[key] ?? Object.entries(errors).find(([k]) => covers(key, k))?.[1];

  return {
    values,
    errors,
    errorFor,
    isValid: Object.keys(clientErrors).length === 0,
    update,
    set,
    touch,
    markSubmitted: () => setSubmitted(true),
    setServerErrors,
  };
}

export type ZodFormApi<T> = ReturnType<typeof useZodForm<T>>;
