"use client";
// Form state for "Create execution role": values, live validation with the shared schema, touched fields and server errors.
import { useMemo, useState } from "react";
import { issuesToFieldErrors, type FieldErrors } from "@/lib/schemas/form-errors";
import { executionRoleSchema, type ExecutionRoleFormValues } from "@/lib/schemas/role";

type Key = keyof ExecutionRoleFormValues;

export function useRoleForm(initial: ExecutionRoleFormValues) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const clientErrors = useMemo(() => {
    const r = executionRoleSchema.safeParse(values);
    return r.success ? {} : issuesToFieldErrors(r.error.issues);
  }, [values]);

  const errors = useMemo(() => {
    const out: FieldErrors = {};
    for (const [k, msg] of Object.entries(clientErrors)) if (submitted || touched.has(k)) out[k] = msg;
    for (const [k, msg] of Object.entries(serverErrors)) out[k] ??= msg;
    return out;
  }, [clientErrors, serverErrors, submitted, touched]);

  function touch(key: Key) {
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  }

  function set(key: Key, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    touch(key);
    setServerErrors((e) => {
      if (!(key in e)) return e;
      const next = { ...e };
      delete next[key];
      return next;
    });
  }

  return {
    values,
    errors,
    clientErrors,
    isValid: Object.keys(clientErrors).length === 0,
    set,
    touch,
    markSubmitted: () => setSubmitted(true),
    setServerErrors,
  };
}
