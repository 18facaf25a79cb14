// Server-only Cognito quick create: pool, domain, resource server and client-credentials client for a gateway, with resume and cleanup.
import "server-only";
import crypto from "node:crypto";
import {
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeResourceServerCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  ListUserPoolClientsCommand,
  type UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  PURPOSE_TAG_KEY,
  PURPOSE_TAG_VALUE,
  RUN_TAG_KEY,
  QUICK_CREATE_STEPS,
  cognitoDiscoveryUrl,
  cognitoTokenEndpoint,
  fullScopes,
  quickCreateFailed,
  type QuickCreateInput,
  type QuickCreateReport,
  type QuickCreateResult,
  type QuickCreateStep,
} from "@/lib/schemas/cognito";
import { cognito } from "../clients";
import { ConsoleError, isNotFound, toConsoleError } from "../errors";
import { backoff, waitForDomainActive } from "./domains";
import { oidcHost } from "./endpoints";
import type { CleanupReport } from "@/lib/models/identity";

export type { CleanupReport };

const STEP_WHAT: Record<QuickCreateStep, string> = {
  pool: "create the user pool",
  domain: "create the user pool domain",
  resourceServer: "create the resource server",
  client: "create the app client",
  domainActive: "wait for the domain to become ACTIVE",
};

/** A quick create stopped: `report` says exactly what exists, for `cleanupCognito` or `resumeQuickCreate`. */
export class QuickCreateError extends ConsoleError {
  constructor(
    readonly report: QuickCreateReport,
    cause: ConsoleError,
  ) {
    super(cause.kind, cause.message, cause.awsName, cause.fieldList);
    this.name = "QuickCreateError";
  }
}

export function newQuickCreateReport(input: QuickCreateInput, region: string): QuickCreateReport {
  return { runId: crypto.randomUUID(), region, input, errors: {} };
}

/** Runs one step: on failure records the console's sentence in `report.errors[step]` and returns false. */
async function attempt(r: QuickCreateReport, step: QuickCreateStep, body: () => Promise<void>): Promise<boolean> {
  try {
    await body();
    delete r.errors[step];
    return true;
  } catch (err) {
    const e = toConsoleError(err, STEP_WHAT[step]);
    r.errors[step] = { message: e.message, errorName: e.awsName };
    return false;
  }
}

function firstFailure(r: QuickCreateReport): ConsoleError {
  const step = QUICK_CREATE_STEPS.find((s) => r.errors[s]);
  const e = step ? r.errors[step]! : { message: "The quick create did not finish.", errorName: "Unknown" };
  return new ConsoleError("unknown", e.message, e.errorName ?? "Unknown");
}

const steps = {
  async pool(r: QuickCreateReport) {
    if (r.poolId) return;
    const out = await cognito(r.region).send(
      new CreateUserPoolCommand({
        PoolName: r.input.poolName,
        DeletionProtection: "INACTIVE",
        UserPoolTags: { [PURPOSE_TAG_KEY]: PURPOSE_TAG_VALUE, [RUN_TAG_KEY]: r.runId },
      }),
    );
    r.poolId = out.UserPool?.Id;
  },

  async domain(r: QuickCreateReport, retry: boolean) {
    if (r.domain) return;
    const client = cognito(r.region);
    const name = r.input.domainPrefix;
    if (retry) {
      // The earlier attempt may have reached Cognito before failing.
      const d = (await client.send(new DescribeUserPoolDomainCommand({ Domain: name }))).DomainDescription;
      if (d?.UserPoolId === r.poolId && d?.Status) {
        r.domain = name;
        r.domainStatus = d.Status;
        return;
      }
    }
    await client.send(new CreateUserPoolDomainCommand({ UserPoolId: r.poolId, Domain: name }));
    r.domain = name;
    r.domainStatus = "CREATING";
  },

  async resourceServer(r: QuickCreateReport, retry: boolean) {
    if (r.resourceServerIdentifier) return;
    const client = cognito(r.region);
    const { resourceServerIdentifier: identifier, resourceServerName: name, scopes } = r.input;
    if (retry) {
      try {
        await client.send(new DescribeResourceServerCommand({ UserPoolId: r.poolId, Identifier: identifier }));
        r.resourceServerIdentifier = identifier;
        return;
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    await client.send(
      new CreateResourceServerCommand({
        UserPoolId: r.poolId,
        Identifier: identifier,
        Name: name,
        Scopes: scopes.map((s) => ({ ScopeName: s, ScopeDescription: `Gateway scope ${s}`.slice(0, 256) })),
      }),
    );
    r.resourceServerIdentifier = identifier;
  },

  // GenerateSecret makes a secret that is never kept or returned here: it is read only when the user asks (Reveal).
  async client(r: QuickCreateReport, retry: boolean) {
    if (r.clientId) return;
    const client = cognito(r.region);
    if (retry) {
      const out = await client.send(new ListUserPoolClientsCommand({ UserPoolId: r.poolId, MaxResults: 60 }));
      const found = out.UserPoolClients?.find((c) => c.ClientName === r.input.clientName);
      if (found?.ClientId) {
        r.clientId = found.ClientId;
        return;
      }
    }
    const out = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: r.poolId,
        ClientName: r.input.clientName,
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ["client_credentials"],
        AllowedOAuthScopes: fullScopes(r.input),
        SupportedIdentityProviders: ["COGNITO"],
        // A machine client: no user sign-in flows beyond refresh.
        ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
        PreventUserExistenceErrors: "ENABLED",
        EnableTokenRevocation: true,
      }),
    );
    r.clientId = out.UserPoolClient?.ClientId;
  },
};

/** The phases the console's step-by-step quick create drives, one server action each. */
export type QuickCreatePhase = "pool" | "domainAndResourceServer" | "client" | "domainActive";

/**
 * Runs one phase of a quick create on a copy of `report` and returns it; failures land in `errors`
 * (never thrown). "domainActive" waits at most `domainWaitMs` and may return still CREATING.
 */
export async function runQuickCreatePhase(report: QuickCreateReport, phase: QuickCreatePhase, opts: { domainWaitMs?: number } = {}): Promise<QuickCreateReport> {
  const r = structuredClone(report);
  const retrying = (s: QuickCreateStep) => Boolean(report.errors[s]);
  switch (phase) {
    case "pool":
      await attempt(r, "pool", () => steps.pool(r));
      break;
    case "domainAndResourceServer":
      requireDone(r, "pool");
      await Promise.all([attempt(r, "domain", () => steps.domain(r, retrying("domain"))), attempt(r, "resourceServer", () => steps.resourceServer(r, retrying("resourceServer")))]);
      break;
    case "client":
      requireDone(r, "resourceServer");
      await attempt(r, "client", () => steps.client(r, retrying("client")));
      break;
    case "domainActive":
      requireDone(r, "domain");
      await attempt(r, "domainActive", async () => {
        const w = await waitForDomainActive(r.region, r.domain!, { timeoutMs: opts.domainWaitMs ?? 15_000 });
        r.domainStatus = w.status;
      });
      break;
  }
  return r;
}

function requireDone(r: QuickCreateReport, step: "pool" | "domain" | "resourceServer") {
  const done = step === "pool" ? r.poolId : step === "domain" ? r.domain : r.resourceServerIdentifier;
  if (!done) throw new ConsoleError("validation", `The ${STEP_WHAT[step].replace(/^create /, "")} does not exist yet.`, "StepOrder");
}

/** Assembles the result of a finished quick create: ids and URLs only (the secret is read on Reveal, never here). */
export async function finishQuickCreate(report: QuickCreateReport): Promise<QuickCreateResult> {
  const { poolId, clientId, domain, region } = report;
  if (!poolId || !clientId || !domain || report.domainStatus !== "ACTIVE") {
    throw new ConsoleError("validation", "The quick create has not finished: some resources are missing or the domain is not ACTIVE yet.", "NotFinished");
  }
  const host = oidcHost();
  return {
    region,
    poolId,
    clientId,
    domain,
    discoveryUrl: cognitoDiscoveryUrl(host, poolId, region),
    tokenEndpoint: cognitoTokenEndpoint(host, domain, region),
    scopes: fullScopes(report.input),
  };
}

export type QuickCreateOptions = {
  /** How long to wait for the domain to become ACTIVE (default 5 minutes). */
  domainTimeoutMs?: number;
  /** Called after every step with the report so far. */
  onProgress?: (report: QuickCreateReport) => void;
};

async function complete(r: QuickCreateReport, opts: QuickCreateOptions): Promise<QuickCreateResult> {
  const retrying = new Set(Object.keys(r.errors));
  r.errors = {};
  const step = async (s: QuickCreateStep, body: () => Promise<void>) => {
    const ok = await attempt(r, s, body);
    opts.onProgress?.(structuredClone(r));
    return ok;
  };
  if (!(await step("pool", () => steps.pool(r)))) throw new QuickCreateError(r, firstFailure(r));
  // pool → (domain → ACTIVE) ‖ (resource server → client)
  await Promise.all([
    (async () => {
      if (!(await step("domain", () => steps.domain(r, retrying.has("domain"))))) return;
      await step("domainActive", async () => {
        const w = await waitForDomainActive(r.region, r.domain!, { timeoutMs: opts.domainTimeoutMs ?? 300_000, onStatus: (s) => (r.domainStatus = s) });
        if (!w.active) {
          throw new ConsoleError("server", `The domain ${r.domain} is still ${w.status} after ${Math.round(w.waitedMs / 1000)} s. Resume to keep waiting.`, "DomainNotActive");
        }
      });
    })(),
    (async () => {
      if (!(await step("resourceServer", () => steps.resourceServer(r, retrying.has("resourceServer"))))) return;
      await step("client", () => steps.client(r, retrying.has("client")));
    })(),
  ]);
  if (quickCreateFailed(r)) throw new QuickCreateError(r, firstFailure(r));
  try {
    return await finishQuickCreate(r);
  } catch (err) {
    throw new QuickCreateError(r, toConsoleError(err, "read the new app client"));
  }
}

/**
 * Provisions what a gateway's JWT authorizer needs: user pool → (domain ‖ resource server with scopes)
 * → confidential client-credentials client, then waits for the domain to be ACTIVE (polling with backoff).
 * Throws QuickCreateError with the report of what exists when a step fails.
 */
export async function quickCreateCognito(input: QuickCreateInput, region: string, opts: QuickCreateOptions = {}): Promise<QuickCreateResult> {
  return complete(newQuickCreateReport(input, region), opts);
}

/** Checks that the report's pool exists and was made by this quick create (its run tag), else throws. */
export async function assertQuickCreatePool(report: QuickCreateReport): Promise<UserPoolType | null> {
  if (!report.poolId) return null;
  let pool: UserPoolType;
  try {
    pool = (await cognito(report.region).send(new DescribeUserPoolCommand({ UserPoolId: report.poolId }))).UserPool ?? {};
  } catch (err) {
    if (isNotFound(err)) return null;
    throw toConsoleError(err, "describe the user pool");
  }
  if (pool.UserPoolTags?.[RUN_TAG_KEY] !== report.runId) {
    throw new ConsoleError("access-denied", `User pool ${report.poolId} was not made by this quick create, so the console will not change or delete it.`, "NotOwnedByQuickCreate");
  }
  return pool;
}

/** Carries on a stopped quick create from its report: steps already done are kept, failed ones checked then retried. */
export async function resumeQuickCreate(report: QuickCreateReport, opts: QuickCreateOptions = {}): Promise<QuickCreateResult> {
  const r = structuredClone(report);
  if (r.poolId && !(await assertQuickCreatePool(r))) {
    throw new ConsoleError("not-found", `User pool ${r.poolId} no longer exists: start a new quick create.`, "ResourceNotFoundException");
  }
  return complete(r, opts);
}

/**
 * Deletes what a quick create made: its domain (Cognito refuses to delete a pool that has one), then the pool,
 * which takes its resource servers and app clients with it. Only pools tagged with the report's run id.
 */
export async function cleanupCognito(report: QuickCreateReport, opts: { timeoutMs?: number } = {}): Promise<CleanupReport> {
  const out: CleanupReport = { deleted: [], alreadyGone: [] };
  if (!report.poolId) return out;
  const pool = await assertQuickCreatePool(report);
  if (!pool) {
    out.alreadyGone.push(`user pool ${report.poolId}`);
    return out;
  }
  const client = cognito(report.region);
  const poolId = report.poolId;
  const domain = pool.CustomDomain ?? pool.Domain;
  try {
    if (domain) {
      await client.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
      out.deleted.push(`domain ${domain}`);
      // On AWS the pool can show its domain for a moment after the delete.
      const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
      for (let i = 0; ; i++) {
        const p = (await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool;
        if (!p?.Domain && !p?.CustomDomain) break;
        if (Date.now() >= deadline) throw new ConsoleError("server", `The domain ${domain} is still being deleted. Try Clean up again in a minute.`, "DomainStillDeleting");
        await backoff(i, 200, 3000, deadline);
      }
    } else if (report.domain) {
      out.alreadyGone.push(`domain ${report.domain}`);
    }
    await client.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
  } catch (err) {
    throw toConsoleError(err, "clean up the quick create");
  }
  if (report.clientId) out.deleted.push(`app client ${report.clientId}`);
  if (report.resourceServerIdentifier) out.deleted.push(`resource server ${report.resourceServerIdentifier}`);
  out.deleted.push(`user pool ${poolId}`);
  return out;
}
