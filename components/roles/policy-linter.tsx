"use client";
// Paste a trust or permission policy and see what is wrong with it, as you type.
import { useDeferredValue, useId, useMemo, useRef, useState } from "react";
import { lintPermissionPolicy, lintTrustPolicy, parsePolicyDocument, type LintFinding } from "@/lib/policies/lint";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { LintFindings } from "./lint-findings";
import { verdictOf } from "./verdict";

type Kind = "auto" | "trust" | "permission";

type Outcome =
  | { state: "empty" }
  | { state: "json-error"; message: string; line: number; column: number; position: number }
  | { state: "linted"; kind: "trust" | "permission"; findings: LintFinding[] };

function lint(text: string, kind: Kind, accountId: string, region: string): Outcome {
  if (text.trim() === "") return { state: "empty" };
  const parsed = parsePolicyDocument(text);
  if (!parsed.ok && parsed.error.kind === "json") return { state: "json-error", ...parsed.error };
  // A statement with a Principal means a trust (resource) policy; a role's permission policy never has one.
  const looksLikeTrust = parsed.ok && parsed.policy.statements.some((s) => "Principal" in s || "NotPrincipal" in s);
  const as = kind === "auto" ? (looksLikeTrust ? "trust" : "permission") : kind;
  const findings = as === "trust" ? lintTrustPolicy(text, { accountId, region }) : lintPermissionPolicy(text);
  return { state: "linted", kind: as, findings };
}

export function PolicyLinter({ accountId, region }: { accountId: string; region: string }) {
  const [text, setText] = useState("");
  const [kind, setKind] = useState<Kind>("auto");
  const deferred = useDeferredValue(text);
  const outcome = useMemo(() => lint(deferred, kind, accountId, region), [deferred, kind, accountId, region]);
  const area = useRef<HTMLTextAreaElement>(null);
  const resultId = useId();

  function goTo(position: number) {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(position, Math.min(position + 1, el.value.length));
  }

  return (
    <div className="space-y-4">
      <Field id="lint-kind" label="Check as" hint="Automatic treats a policy with a Principal as a trust policy, any other as a permission policy.">
        {(p) => (
          <Select {...p} className="max-w-xs" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="auto">Automatic</option>
            <option value="trust">Trust policy</option>
            <option value="permission">Permission policy</option>
          </Select>
        )}
      </Field>
      <Field id="lint-policy" label="Policy to check" hint={`Trust policies are checked for gateways of account ${accountId} in ${region}.`}>
        {(p) => (
          <Textarea
            {...p}
            ref={area}
            rows={10}
            spellCheck={false}
            placeholder='{ "Version": "2012-10-17", "Statement": [ … ] }'
            className="font-mono text-xs"
            aria-describedby={[p["aria-describedby"], resultId].filter(Boolean).join(" ")}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <div id={resultId} role="region" aria-label="Linter result" aria-live="polite" className="space-y-3">
        {outcome.state === "empty" ? <p className="text-sm text-muted-foreground">Paste a policy to check it.</p> : null}
        {outcome.state === "json-error" ? (
          <Callout tone="danger">
            <p className="font-medium">
              Not valid JSON: line {outcome.line}, column {outcome.column}
            </p>
            <p className="mt-1">{outcome.message}</p>
            <Button variant="link" size="sm" className="mt-1 h-auto" onClick={() => goTo(outcome.position)}>
              Go to line {outcome.line}, column {outcome.column}
            </Button>
          </Callout>
        ) : null}
        {outcome.state === "linted" ? <LintSummary kind={outcome.kind} findings={outcome.findings} /> : null}
      </div>
    </div>
  );
}

function LintSummary({ kind, findings }: { kind: "trust" | "permission"; findings: LintFinding[] }) {
  const verdict = verdictOf(findings);
  return (
    <>
      <p className="flex items-center gap-2 text-sm">
        <span>Checked as a {kind === "trust" ? "trust" : "permission"} policy:</span>
        <Badge tone={verdict.level === "ok" ? "success" : verdict.level === "warnings" ? "warning" : "danger"}>{verdict.label}</Badge>
      </p>
      {findings.length === 0 ? <p className="text-sm text-muted-foreground">No problems found.</p> : null}
      <LintFindings findings={findings} label="Findings" />
    </>
  );
}
