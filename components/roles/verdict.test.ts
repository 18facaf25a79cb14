import { describe, expect, it } from "vitest";
import type { LintFinding } from "@/lib/policies/lint";
import { verdictOf } from "./verdict";

const f = (severity: LintFinding["severity"]): LintFinding => ({ severity, code: "wildcard-action", message: "m" });

describe("verdictOf", () => {
  it("is OK without findings, and with notes only", () => {
    expect(verdictOf([])).toEqual({ level: "ok", errors: 0, warnings: 0, notes: 0, label: "OK" });
    expect(verdictOf([f("info")])).toMatchObject({ level: "ok", notes: 1, label: "OK" });
  });

  it("counts warnings, and errors win over warnings", () => {
    expect(verdictOf([f("warning")])).toMatchObject({ level: "warnings", label: "1 warning" });
    expect(verdictOf([f("warning"), f("warning"), f("info")])).toMatchObject({ level: "warnings", label: "2 warnings" });
    expect(verdictOf([f("error"), f("warning"), f("error")])).toMatchObject({ level: "errors", errors: 2, warnings: 1, label: "2 errors, 1 warning" });
  });
});
