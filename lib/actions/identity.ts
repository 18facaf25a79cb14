"use server";
// Server actions for inbound identity: Cognito quick create step by step, pool/client pickers, secrets, test tokens, discovery checks.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getRegion } from "@/lib/aws/config";
import { oidcHost, poolRegion } from "@/lib/aws/cognito/endpoints";
import { listPoolClients, listUserPools, revealClientSecret, type AppClientInfo } from "@/lib/aws/cognito/pools";
import { assertQuickCreatePool, cleanupCognito, finishQuickCreate, newQuickCreateReport, runQuickCreatePhase, type CleanupReport } from "@/lib/aws/cognito/quick-create";
import { getTestToken, type TestToken } from "@/lib/aws/cognito/tokens";
import { verifyDiscoveryUrl, type DiscoveryCheck } from "@/lib/aws/oidc";
import type { FieldErrors } from "@/lib/schemas/form-errors";
import {
  SCOPE_MAX,
  SCOPE_PATTERN,
  clientIdSchema,
  cognitoDiscoveryUrl,
  poolIdSchema,
  quickCreateReportSchema,
  quickCreateSchema,
  type QuickCreateReport,
  type QuickCreateResult,
  type QuickCreateStep,
} from "@/lib/schemas/cognito";
import { action, arg, form } from "./action";
import { fail } from "./result";

const BAD_REPORT = "The quick-create progress sent back is not valid. Start again.";

/** The form field a failed step's validation error belongs to. */
const STEP_FIELD: Partial<Record<QuickCreateStep, string>> = {
  pool: "poolName",
  domain: "domainPrefix",
  resourceServer: "resourceServerIdentifier",
  client: "clientName",
};

/** Field errors for a report's failed steps whose AWS error is about the input. */
function reportFieldErrors(report: QuickCreateReport): FieldErrors {
  const out: FieldErrors = {};
  for (const [step, e] of Object.entries(report.errors)) {
    const field = STEP_FIELD[step as QuickCreateStep];
    if (field && e && /InvalidParameter|ScopeDoesNotExist|InvalidOAuthFlow|LimitExceeded/.test(e.errorName ?? "")) out[field] = e.message;
  }
  return out;
}

/** Step 1: validates the form and creates the user pool (tagged as made for a gateway). */
export const quickCreatePoolAction = action(form(quickCreateSchema)).handle<QuickCreateReport>(async ([values]) => {
  const report = await runQuickCreatePhase(newQuickCreateReport(values, await getRegion()), "pool");
  const e = report.errors.pool;
  if (e) return fail(e.message, reportFieldErrors(report), e.errorName);
  return { ok: true, data: report };
});

const reportArg = arg(quickCreateReportSchema, BAD_REPORT);
const phaseArg = arg(z.enum(["domainAndResourceServer", "client", "domainActive"]), BAD_REPORT);
const poolGone = (poolId: string | undefined) => fail(`User pool ${poolId} no longer exists.`, {}, "ResourceNotFoundException");

/**
 * The next steps: "domainAndResourceServer" (both in parallel), "client", then "domainActive" (waits up to
 * ~15 s per call; call again while the domain is CREATING). Step failures come back in `report.errors`.
 */
export const quickCreatePhaseAction = action(reportArg, phaseArg).handle<QuickCreateReport>(async ([report, phase]) => {
  if (phase !== "domainActive" && !(await assertQuickCreatePool(report))) return poolGone(report.poolId);
  return { ok: true, data: await runQuickCreatePhase(report, phase, { domainWaitMs: 15_000 }) };
});

/** Last step: the result, ids and URLs only (the client secret comes from revealClientSecretAction, on a click). */
export const finishQuickCreateAction = action(reportArg).handle<QuickCreateResult>(async ([report]) => {
  if (!(await assertQuickCreatePool(report))) return poolGone(report.poolId);
  const result = await finishQuickCreate(report);
  revalidatePath("/identity");
  return { ok: true, data: result };
});

/** Deletes what a stopped quick create made (only a pool tagged with the report's run id). */
export const cleanupQuickCreateAction = action(reportArg).handle<CleanupReport>(async ([report]) => {
  const out = await cleanupCognito(report);
  revalidatePath("/identity");
  return { ok: true, data: out };
});

export type PoolOption = { id: string; name: string };

/** One page (60) of the region's user pools, ids and names only, for pickers. */
export const listUserPoolsAction = action(arg(z.string().max(4096).optional(), "That page token is not valid.")).handle<{ pools: PoolOption[]; nextToken?: string }>(
  async ([nextToken]) => {
    const page = await listUserPools(await getRegion(), { pageSize: 60, nextToken, details: false });
    return { ok: true, data: { pools: page.items.map((p) => ({ id: p.id, name: p.name })), nextToken: page.nextToken } };
  },
);

/** A pool's discovery URL and app clients (without secrets), for pickers. */
export const listPoolClientsAction = action(arg(poolIdSchema, "That is not a user pool id.")).handle<{ discoveryUrl: string; clients: AppClientInfo[] }>(
  async ([poolId]) => {
    const region = poolRegion(poolId, await getRegion());
    const clients = await listPoolClients(region, poolId);
    return { ok: true, data: { discoveryUrl: cognitoDiscoveryUrl(oidcHost(), poolId, region), clients } };
  },
);

const NOT_A_CLIENT = "That is not a user pool and app client id.";
const poolArg = arg(poolIdSchema, NOT_A_CLIENT);
const clientArg = arg(clientIdSchema, NOT_A_CLIENT);

/** Reads an app client's secret: only ever called from the user's Reveal click. */
export const revealClientSecretAction = action(poolArg, clientArg).handle<{ secret: string }>(async ([poolId, clientId]) => {
  const secret = await revealClientSecret(poolRegion(poolId, await getRegion()), poolId, clientId);
  if (!secret) return fail("This app client has no secret (a public client).", {}, "NoClientSecret");
  return { ok: true, data: { secret } };
});

const scopesArg = arg(
  z.array(z.string().max(SCOPE_MAX).regex(new RegExp(SCOPE_PATTERN))).max(50).optional(),
  "A requested scope is not a valid scope name.",
  { scopes: "Use identifier/scope names." },
);

/** Runs the client-credentials grant on the server and returns the token, decoded and verified, with a curl. */
export const getTestTokenAction = action(poolArg, clientArg, scopesArg).handle<TestToken>(async ([poolId, clientId, scopes]) => {
  const token = await getTestToken(poolRegion(poolId, await getRegion()), poolId, clientId, scopes ?? []);
  return { ok: true, data: token };
});

/** Fetches a discovery document on the server and reports its issuer and JWKS, or why it is not usable. */
export const verifyDiscoveryUrlAction = action(arg(z.string().trim().min(1, "Enter a discovery URL.").max(2048))).handle<DiscoveryCheck>(async ([url]) => ({
  ok: true,
  data: await verifyDiscoveryUrl(url),
}));
