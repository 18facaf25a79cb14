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
import { issuesToFieldErrors, type FieldErrors } from "@/lib/schemas/form-errors";
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
import { fail, runAction, type ActionResult } from "./result";

const INVALID_FORM = "Some fields need attention. Fix them and submit again.";
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
export async function quickCreatePoolAction(values: unknown): Promise<ActionResult<QuickCreateReport>> {
  const parsed = quickCreateSchema.safeParse(values);
  if (!parsed.success) return fail(INVALID_FORM, issuesToFieldErrors(parsed.error.issues));
  return runAction(async () => {
    const region = await getRegion();
    const report = await runQuickCreatePhase(newQuickCreateReport(parsed.data, region), "pool");
    const e = report.errors.pool;
    if (e) return fail(e.message, reportFieldErrors(report), e.errorName);
    return { ok: true, data: report };
  });
}

const phaseSchema = z.enum(["domainAndResourceServer", "client", "domainActive"]);

/**
 * The next steps: "domainAndResourceServer" (both in parallel), "client", then "domainActive" (waits up to
 * ~15 s per call; call again while the domain is CREATING). Step failures come back in `report.errors`.
 */
export async function quickCreatePhaseAction(report: unknown, phase: unknown): Promise<ActionResult<QuickCreateReport>> {
  const r = quickCreateReportSchema.safeParse(report);
  const p = phaseSchema.safeParse(phase);
  if (!r.success || !p.success) return fail(BAD_REPORT);
  return runAction(async () => {
    if (p.data !== "domainActive" && !(await assertQuickCreatePool(r.data))) return fail(`User pool ${r.data.poolId} no longer exists.`, {}, "ResourceNotFoundException");
    const next = await runQuickCreatePhase(r.data, p.data, { domainWaitMs: 15_000 });
    return { ok: true, data: next };
  });
}

/** Last step: the result, ids and URLs only (the client secret comes from revealClientSecretAction, on a click). */
export async function finishQuickCreateAction(report: unknown): Promise<ActionResult<QuickCreateResult>> {
  const r = quickCreateReportSchema.safeParse(report);
  if (!r.success) return fail(BAD_REPORT);
  return runAction(async () => {
    if (!(await assertQuickCreatePool(r.data))) return fail(`User pool ${r.data.poolId} no longer exists.`, {}, "ResourceNotFoundException");
    const result = await finishQuickCreate(r.data);
    revalidatePath("/identity");
    return { ok: true, data: result };
  });
}

/** Deletes what a stopped quick create made (only a pool tagged with the report's run id). */
export async function cleanupQuickCreateAction(report: unknown): Promise<ActionResult<CleanupReport>> {
  const r = quickCreateReportSchema.safeParse(report);
  if (!r.success) return fail(BAD_REPORT);
  return runAction(async () => {
    const out = await cleanupCognito(r.data);
    revalidatePath("/identity");
    return { ok: true, data: out };
  });
}

const tokenSchema = z.string().max(4096).optional();

export type PoolOption = { id: string; name: string };

/** One page (60) of the region's user pools, ids and names only, for pickers. */
export async function listUserPoolsAction(nextToken?: unknown): Promise<ActionResult<{ pools: PoolOption[]; nextToken?: string }>> {
  const t = tokenSchema.safeParse(nextToken);
  if (!t.success) return fail("That page token is not valid.");
  return runAction(async () => {
    const page = await listUserPools(await getRegion(), { pageSize: 60, nextToken: t.data, details: false });
    return { ok: true, data: { pools: page.items.map((p) => ({ id: p.id, name: p.name })), nextToken: page.nextToken } };
  });
}

/** A pool's discovery URL and app clients (without secrets), for pickers. */
export async function listPoolClientsAction(poolId: unknown): Promise<ActionResult<{ discoveryUrl: string; clients: AppClientInfo[] }>> {
  const p = poolIdSchema.safeParse(poolId);
  if (!p.success) return fail("That is not a user pool id.");
  return runAction(async () => {
    const region = poolRegion(p.data, await getRegion());
    const clients = await listPoolClients(region, p.data);
    return { ok: true, data: { discoveryUrl: cognitoDiscoveryUrl(oidcHost(), p.data, region), clients } };
  });
}

/** Reads an app client's secret: only ever called from the user's Reveal click. */
export async function revealClientSecretAction(poolId: unknown, clientId: unknown): Promise<ActionResult<{ secret: string }>> {
  const p = poolIdSchema.safeParse(poolId);
  const c = clientIdSchema.safeParse(clientId);
  if (!p.success || !c.success) return fail("That is not a user pool and app client id.");
  return runAction(async () => {
    const secret = await revealClientSecret(poolRegion(p.data, await getRegion()), p.data, c.data);
    if (!secret) return fail("This app client has no secret (a public client).", {}, "NoClientSecret");
    return { ok: true, data: { secret } };
  });
}

const scopesSchema = z.array(z.string().max(SCOPE_MAX).regex(new RegExp(SCOPE_PATTERN))).max(50).optional();

/** Runs the client-credentials grant on the server and returns the token, decoded and verified, with a curl. */
export async function getTestTokenAction(poolId: unknown, clientId: unknown, scopes?: unknown): Promise<ActionResult<TestToken>> {
  const p = poolIdSchema.safeParse(poolId);
  const c = clientIdSchema.safeParse(clientId);
  const s = scopesSchema.safeParse(scopes);
  if (!p.success || !c.success) return fail("That is not a user pool and app client id.");
  if (!s.success) return fail("A requested scope is not a valid scope name.", { scopes: "Use identifier/scope names." });
  return runAction(async () => {
    const token = await getTestToken(poolRegion(p.data, await getRegion()), p.data, c.data, s.data ?? []);
    return { ok: true, data: token };
  });
}

const urlSchema = z.string().trim().min(1, "Enter a discovery URL.").max(2048);

/** Fetches a discovery document on the server and reports its issuer and JWKS, or why it is not usable. */
export async function verifyDiscoveryUrlAction(url: unknown): Promise<ActionResult<DiscoveryCheck>> {
  const u = urlSchema.safeParse(url);
  if (!u.success) return fail(u.error.issues[0]?.message ?? "Enter a discovery URL.");
  return runAction(async () => ({ ok: true, data: await verifyDiscoveryUrl(u.data) }));
}
