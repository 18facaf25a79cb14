"use client";
// Form state for the flat credential provider forms: values, live validation with the shared schema, touched fields and server errors.
import { useMemo, useState } from "react";
import type { z } from "zod";
import { issuesToFieldErrors, type FieldErrors } from "@/lib/schemas/form-errors";

const covers = (prefix: string, key: string) => key === prefix || key.startsWith(`${prefix}.`);

export function useProviderForm<V extends Record<string, unknown>>(schema: z.ZodType, initial: V) {
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

  /** Sets one field: marks it touched and drops its server error. */
  function set<K extends keyof V & string>(key: K, value: V[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    touch(key);
    setServerErrors((e) => {
      const stale = Object.keys(e).filter((k) => covers(key, k));
      if (stale.length === 0) return e;
      const next = { ...e };
      for (const k of stale) delete next[k];
      return next;
    });
  }

  /** The first error under a field (list fields report per item, e.g. tokenEndpointAuthMethods.0). */
  const errorFor = (key: string) => errors[key] ?? Object.entries(errors).find(([k]) => covers(key, k))?.[1];

  return {
    values,
    errors,
    errorFor,
    isValid: Object.keys(clientErrors).length === 0,
    set,
    touch,
    markSubmitted: () => setSubmitted(true),
    setServerErrors,
  };
}

export type ProviderFormApi<V extends Record<string, unknown>> = ReturnType<typeof useProviderForm<V>>;
