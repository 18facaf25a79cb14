// The provisioning plan of a gateway create (its steps and their dependencies) and the one report shape every provisioning flow returns. Pure.
import { z } from "zod";
import { clientIdSchema, domainPrefixSchema, poolIdSchema, resourceServerIdentifierSchema } from "./cognito";

export const PROVISION_STEPS = ["check", "role", "pool", "domain", "resourceServer", "client", "gateway"] as const;
export type ProvisionStep = (typeof PROVISION_STEPS)[number];

export const PROVISION_STEP_LABELS: Record<ProvisionStep, string> = {
  check: "Check names are free",
  role: "Execution role",
  pool: "Cognito user pool",
  domain: "Cognito domain",
  resourceServer: "Resource server and scopes",
  client: "App client (client credentials)",
  gateway: "Gateway",
};

/** The tag naming the plan a role or user pool was made by, so a resubmit finds its own resources and nobody else's. */
export const PLAN_TAG_KEY = "agentcore-console:plan-id";

export const STEP_STATUSES = ["pending", "created", "reused", "failed", "skipped"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

const stepStateSchema = z.object({
  status: z.enum(STEP_STATUSES),
  /** The resource's identifier: role ARN, pool id, domain prefix, resource server identifier, client id, gateway id. */
  id: z.string().max(2048).optional(),
  error: z.object({ message: z.string().max(2000), errorName: z.string().max(200).optional() }).optional(),
});
export type StepState = z.infer<typeof stepStateSchema>;

/**
 * What a plan has done so far, step by step: ids only (never a secret), so it can be shown, and sent back with a resubmit to
 * resume the same plan (the server checks every id it is given: only resources tagged with this plan id are reused).
 */
export const provisionReportSchema = z.object({
  planId: z.string().regex(/^[0-9a-f-]{36}$/, "That is not a plan id."),
  region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/),
  steps: z.partialRecord(z.enum(PROVISION_STEPS), stepStateSchema),
  roleName: z.string().max(64).optional(),
  poolId: poolIdSchema.optional(),
  domain: domainPrefixSchema.optional(),
  resourceServerIdentifier: resourceServerIdentifierSchema.optional(),
  clientId: clientIdSchema.optional(),
});
export type ProvisionReport = z.infer<typeof provisionReportSchema>;

export type PlanStep = { step: ProvisionStep; dependsOn: ProvisionStep[] };

/** What a gateway create needs, as the planner sees it. */
export type PlanInput = { newRole: boolean; cognito: boolean };

/**
 * The plan of a gateway create: check → role ‖ (pool → (domain ‖ resource server → client)) → gateway.
 * The gateway needs the role and the client, not the domain: the domain only serves tokens, and warms up on its own.
 */
export function planGateway(input: PlanInput): PlanStep[] {
  const plan: PlanStep[] = [{ step: "check", dependsOn: [] }];
  const gatewayNeeds: ProvisionStep[] = ["check"];
  if (input.newRole) {
    plan.push({ step: "role", dependsOn: ["check"] });
    gatewayNeeds.push("role");
  }
  if (input.cognito) {
    plan.push(
      { step: "pool", dependsOn: ["check"] },
      { step: "domain", dependsOn: ["pool"] },
      { step: "resourceServer", dependsOn: ["pool"] },
      { step: "client", dependsOn: ["resourceServer"] },
    );
    gatewayNeeds.push("client");
  }
  plan.push({ step: "gateway", dependsOn: gatewayNeeds });
  return plan;
}

/** A step that needs no work again: it made (or found) its resource. */
export const stepDone = (report: Pick<ProvisionReport, "steps">, step: ProvisionStep) => {
  const s = report.steps[step]?.status;
  return s === "created" || s === "reused";
};

/**
 * The waves the remaining steps run in (every step of a wave can run in parallel; a wave starts when the one before it
 * has finished). Steps already done are left out; "check" always runs again.
 */
export function planWaves(plan: PlanStep[], report: Pick<ProvisionReport, "steps">): ProvisionStep[][] {
  const remaining = plan.filter((p) => p.step === "check" || !stepDone(report, p.step));
  const level = new Map<ProvisionStep, number>();
  const depth = (s: ProvisionStep): number => {
    const known = level.get(s);
    if (known !== undefined) return known;
    const p = plan.find((x) => x.step === s);
    const own = remaining.some((r) => r.step === s) ? 1 : 0;
    const d = (p ? Math.max(-1, ...p.dependsOn.map(depth)) : -1) + own;
    level.set(s, d);
    return d;
  };
  const waves: ProvisionStep[][] = [];
  for (const p of remaining) (waves[depth(p.step)] ??= []).push(p.step);
  return waves.filter(Boolean);
}

/** Human lines of what the plan created (not what it reused), e.g. "Cognito user pool us-east-1_abc". */
export function createdLines(report: ProvisionReport, plan: PlanStep[]): string[] {
  return plan
    .filter((p) => p.step !== "check" && report.steps[p.step]?.status === "created")
    .map((p) => `${PROVISION_STEP_LABELS[p.step]} ${report.steps[p.step]?.id ?? ""}`.trim());
}
