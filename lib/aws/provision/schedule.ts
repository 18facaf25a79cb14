// Runs a provisioning plan: every step starts as soon as the steps it depends on are done, so independent steps run in parallel.
import type { PlanStep, ProvisionReport, ProvisionStep } from "@/lib/schemas/provision";
import { stepDone } from "@/lib/schemas/provision";

/** What a step's executor hands back: "created" or "reused", and the resource's identifier. */
export type StepOutcome = { status: "created" | "reused"; id?: string };
export type StepError = { message: string; errorName?: string };
export type Executor = (step: ProvisionStep) => Promise<StepOutcome>;

/**
 * Runs the plan on `report` (changed in place): steps already done are not run again ("check" always is); a failed step
 * records its error and every step after it is "skipped". `toError` turns a thrown value into the step's error.
 * `onChange` is told after every step.
 */
export async function runPlan(
  plan: PlanStep[],
  report: ProvisionReport,
  exec: Executor,
  toError: (step: ProvisionStep, err: unknown) => StepError,
  onChange?: (report: ProvisionReport) => void,
): Promise<boolean> {
  const running = new Map<ProvisionStep, Promise<boolean>>();
  const run = (p: PlanStep): Promise<boolean> => {
    const known = running.get(p.step);
    if (known) return known;
    const promise = (async () => {
      const deps = await Promise.all(p.dependsOn.map((d) => run(plan.find((x) => x.step === d)!)));
      // Nothing is created (or trusted) before the check has passed, whatever the step's own dependencies.
      const check = plan.find((x) => x.step === "check");
      const checked = p.step === "check" || !check || (await run(check));
      // A step done by an earlier submit keeps its state (the check, which every step waits for, has verified it).
      if (p.step !== "check" && stepDone(report, p.step)) return checked;
      if (!checked || !deps.every(Boolean)) {
        report.steps[p.step] = { status: "skipped" };
        return false;
      }
      report.steps[p.step] = { status: "pending", id: report.steps[p.step]?.id };
      try {
        const out = await exec(p.step);
        report.steps[p.step] = out;
        return true;
      } catch (err) {
        report.steps[p.step] = { status: "failed", error: toError(p.step, err) };
        return false;
      } finally {
        onChange?.(report);
      }
    })();
    running.set(p.step, promise);
    return promise;
  };
  const results = await Promise.all(plan.map(run));
  return results.every(Boolean);
}
