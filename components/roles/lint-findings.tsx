// The linter's findings as a list: severity, the message, and the fix to apply.
import type { LintFinding, LintSeverity } from "@/lib/policies/lint";
import { Badge } from "@/components/ui/badge";

const TONE: Record<LintSeverity, "danger" | "warning" | "info"> = { error: "danger", warning: "warning", info: "info" };
const LABEL: Record<LintSeverity, string> = { error: "Error", warning: "Warning", info: "Note" };

export function LintFindings({ findings, label }: { findings: readonly LintFinding[]; label: string }) {
  if (findings.length === 0) return null;
  return (
    <ul aria-label={label} className="space-y-2">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className="rounded-md border px-3 py-2 text-sm" data-severity={f.severity}>
          <div className="flex items-start gap-2">
            <Badge tone={TONE[f.severity]} className="mt-0.5">
              {LABEL[f.severity]}
            </Badge>
            <p className="min-w-0 break-words">{f.message}</p>
          </div>
          {f.fix ? (
            f.fix.includes("\n") ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-muted-foreground">Suggested fix</summary>
                <pre className="mt-1 overflow-auto rounded bg-muted/50 p-2 font-mono text-xs">{f.fix}</pre>
              </details>
            ) : (
              <p className="mt-1 text-xs text-muted-foreground">Fix: {f.fix}</p>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );
}
