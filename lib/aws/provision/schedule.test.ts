// The planner and the scheduler: the dependency graph, what runs in parallel, and resume from every partial state.
import { describe, expect, it } from "vitest";
import { PROVISION_STEPS, planGateway, planWaves, type ProvisionReport, type ProvisionStep } from "@/lib/schemas/provision";
import { runPlan } from "./schedule";

const full = planGateway({ newRole: true, cognito: true });
const report = (steps: ProvisionReport["steps"] = {}): ProvisionReport => ({ planId: "00000000-0000-4000-8000-000000000000", region: "us-east-1", steps });
const toError = (_: ProvisionStep, err: unknown) => ({ message: String(err) });

describe("planGateway", () => {
  it("checks first, runs the role beside the Cognito chain, and makes the gateway wait for the client, not the domain", () => {
    expect(planWaves(full, report())).toEqual([["check"], ["role", "pool"], ["domain", "resourceServer"], ["client"], ["gateway"]]);
    expect(full.find((p) => p.step === "gateway")?.dependsOn).toEqual(["check", "role", "client"]);
  });

  it("plans only what the form asks for", () => {
    expect(planWaves(planGateway({ newRole: false, cognito: false }), report())).toEqual([["check"], ["gateway"]]);
    expect(planWaves(planGateway({ newRole: true, cognito: false }), report())).toEqual([["check"], ["role"], ["gateway"]]);
  });
});

describe("runPlan", () => {
  it("starts each step as soon as its dependencies are done (critical path: check → pool → resource server → client → gateway)", async () => {
    const started: string[] = [];
    let clock = 0;
    const at: Partial<Record<ProvisionStep, number>> = {};
    // Each step "takes" one tick; a step's start tick is the max of its dependencies' end ticks.
    const ends = new Map<ProvisionStep, number>();
    const ok = await runPlan(
      full,
      report(),
      async (step) => {
        const deps = full.find((p) => p.step === step)!.dependsOn;
        const start = Math.max(0, ...deps.map((d) => ends.get(d) ?? 0), step === "check" ? 0 : (ends.get("check") ?? 0));
        at[step] = start;
        started.push(step);
        ends.set(step, start + 1);
        clock = Math.max(clock, start + 1);
        await Promise.resolve();
        return { status: "created", id: step };
      },
      toError,
    );
    expect(ok).toBe(true);
    expect(at).toEqual({ check: 0, role: 1, pool: 1, domain: 2, resourceServer: 2, client: 3, gateway: 4 });
    expect(clock).toBe(5);
    expect(started.indexOf("role")).toBeLessThan(started.indexOf("domain"));
  });

  it("runs the independent steps at the same time", async () => {
    let inFlight = 0;
    let most = 0;
    await runPlan(
      full,
      report(),
      async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return { status: "created" };
      },
      toError,
    );
    expect(most).toBe(2);
  });

  it("creates nothing when the check fails, and keeps what an earlier submit made", async () => {
    const ran: string[] = [];
    const r = report({ pool: { status: "created", id: "us-east-1_abc" } });
    const ok = await runPlan(
      full,
      r,
      async (step) => {
        ran.push(step);
        if (step === "check") throw new Error("name taken");
        return { status: "created" };
      },
      toError,
    );
    expect(ok).toBe(false);
    expect(ran).toEqual(["check"]);
    expect(r.steps.pool).toEqual({ status: "created", id: "us-east-1_abc" });
    expect(r.steps.gateway?.status).toBe("skipped");
  });

  it("skips what depends on a failed step and still runs what does not", async () => {
    const r = report();
    await runPlan(
      full,
      r,
      async (step) => {
        if (step === "resourceServer") throw new Error("boom");
        return { status: "created" };
      },
      toError,
    );
    expect(Object.fromEntries(Object.entries(r.steps).map(([k, v]) => [k, v.status]))).toEqual({
      check: "created",
      role: "created",
      pool: "created",
      domain: "created",
      resourceServer: "failed",
      client: "skipped",
      gateway: "skipped",
    });
  });

  // Every partial state a failed submit can leave: the steps before it in the plan are done.
  const order = full.map((p) => p.step).filter((s) => s !== "check");
  it.each(order.map((_, i) => [i, order.slice(0, i)] as const))("resumes after %i done steps, running each remaining step once", async (_, done) => {
    const r = report(Object.fromEntries(done.map((s) => [s, { status: "created", id: s }])));
    const ran: string[] = [];
    const ok = await runPlan(
      full,
      r,
      async (step) => {
        ran.push(step);
        return { status: step === "check" ? "reused" : "created", id: step };
      },
      toError,
    );
    expect(ok).toBe(true);
    expect(ran.sort()).toEqual(["check", ...order.filter((s) => !done.includes(s))].sort());
    for (const s of PROVISION_STEPS) expect(r.steps[s]?.status).toMatch(/created|reused/);
  });
});
