"use client";
// Each quick-create step with its state (waiting, running, done with the id it made, failed with why).
import { CheckCircle2, Circle, Loader2, XCircle } from "lucide-react";
import { useEffect, useState } from "react";
import { QUICK_CREATE_STEPS, QUICK_CREATE_STEP_LABELS, fullScopes, stepDone, type QuickCreateReport, type QuickCreateStep } from "@/lib/schemas/cognito";
import { cn } from "@/lib/utils";

type StepState = "pending" | "running" | "done" | "failed";

function detail(report: QuickCreateReport | null, step: QuickCreateStep): string | null {
  if (!report) return null;
  switch (step) {
    case "pool":
      return report.poolId ?? null;
    case "domain":
      return report.domain ?? null;
    case "resourceServer":
      return report.resourceServerIdentifier ? fullScopes(report.input).join(", ") : null;
    case "client":
      return report.clientId ?? null;
    case "domainActive":
      return report.domainStatus ?? null;
  }
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return <span>waited {Math.max(0, Math.round((now - since) / 1000))} s</span>;
}

export function QuickCreateProgress({
  report,
  running,
  domainWaitStarted,
}: {
  report: QuickCreateReport | null;
  running: QuickCreateStep[];
  domainWaitStarted: number | null;
}) {
  const state = (s: QuickCreateStep): StepState =>
    running.includes(s) ? "running" : report && stepDone(report, s) ? "done" : report?.errors[s] ? "failed" : "pending";
  return (
    <ol aria-label="Quick create progress" aria-live="polite" className="space-y-2">
      {QUICK_CREATE_STEPS.map((s) => {
        const st = state(s);
        const d = detail(report, s);
        const error = st === "failed" ? report?.errors[s] : undefined;
        return (
          <li key={s} data-step={s} data-state={st} className="flex items-start gap-3 text-sm">
            {st === "done" ? (
              <CheckCircle2 aria-hidden="true" className="mt-0.5 size-4 text-success" />
            ) : st === "running" ? (
              <Loader2 aria-hidden="true" className="mt-0.5 size-4 animate-spin text-info" />
            ) : st === "failed" ? (
              <XCircle aria-hidden="true" className="mt-0.5 size-4 text-destructive" />
            ) : (
              <Circle aria-hidden="true" className="mt-0.5 size-4 text-muted-foreground" />
            )}
            <div className="min-w-0">
              <span className={cn("font-medium", st === "pending" && "text-muted-foreground")}>{QUICK_CREATE_STEP_LABELS[s]}</span>
              <span className="sr-only">: {st}</span>
              {st === "running" ? (
                <span className="ml-2 text-xs text-muted-foreground">
                  {s === "domainActive" ? (
                    <>
                      {report?.domainStatus ?? "CREATING"}, {domainWaitStarted ? <Elapsed since={domainWaitStarted} /> : null}
                    </>
                  ) : (
                    "working…"
                  )}
                </span>
              ) : null}
              {st === "done" && d ? <code className="ml-2 break-all font-mono text-xs text-muted-foreground">{d}</code> : null}
              {error ? (
                <p className="text-xs text-destructive">
                  {error.message}
                  {error.errorName ? <span className="ml-2 font-mono text-muted-foreground">{error.errorName}</span> : null}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
