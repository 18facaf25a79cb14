// Sums up linter findings as one verdict: OK, warnings or errors.
import type { LintFinding } from "@/lib/policies/lint";

export type VerdictLevel = "ok" | "warnings" | "errors";
export type Verdict = { level: VerdictLevel; errors: number; warnings: number; notes: number; label: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function verdictOf(findings: readonly LintFinding[]): Verdict {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const notes = findings.length - errors - warnings;
  const level: VerdictLevel = errors ? "errors" : warnings ? "warnings" : "ok";
  const parts = [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""].filter(Boolean);
  return { level, errors, warnings, notes, label: parts.length ? parts.join(", ") : "OK" };
}
