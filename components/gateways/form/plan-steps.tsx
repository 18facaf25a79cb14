"use client";
// The steps of a gateway create's plan and where each stands: shown (in a live region) while the create runs and after it stopped.
import { PROVISION_STEP_LABELS, planGateway, type PlanInput, type ProvisionReport, type StepStatus } from "@/lib/schemas/provision";

const STATUS_TEXT: Record<StepStatus | "running" | "waiting", string> = {
  running: "in progress…",
  waiting: "not started",
  pending: "in progress…",
  created: "created",
  reused: "reused",
  failed: "failed",
  skipped: "not started",
};

export function PlanSteps({ input, report, running }: { input: PlanInput; report?: ProvisionReport; running: boolean }) {
  const plan = planGateway(input);
  const status = (step: (typeof plan)[number]["step"]) => {
    const s = report?.steps[step]?.status;
    if (running && (s === undefined || s === "failed" || s === "skipped" || s === "pending" || step === "check")) return "running";
    if (step === "check" && s === "reused") return "created";
    return s ?? "waiting";
  };
  return (
    <section aria-label="Create steps" className="rounded-md border p-4 text-sm">
      <h2 className="font-medium">{running ? "Creating…" : "Create steps"}</h2>
      <ol role="status" aria-live="polite" className="mt-2 space-y-1">
        {plan.map((p) => {
          const s = status(p.step);
          const id = report?.steps[p.step]?.id;
          return (
            <li key={p.step} data-status={s}>
              <span className="font-medium">{PROVISION_STEP_LABELS[p.step]}</span>: {p.step === "check" && s === "created" ? "passed" : STATUS_TEXT[s]}
              {id && p.step !== "check" ? <span className="ml-1 font-mono text-xs text-muted-foreground">{id}</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
