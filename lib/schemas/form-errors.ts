// Turns zod issues and AWS ValidationException field lists into { "dotted.path": message } for the forms.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

export function firstError(errors: FieldErrors | undefined, path: string): string | undefined {
  return errors?.[path];
}
