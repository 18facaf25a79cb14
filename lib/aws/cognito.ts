// Server-only Cognito user pools for inbound auth: list and inspect pools, quick create (with cleanup and resume), test tokens.
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
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  ListResourceServersCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type CognitoIdentityProviderClient,
  type UserPoolClientType,
  type UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  PURPOSE_TAG_KEY,
  PURPOSE_TAG_VALUE,
  RUN_TAG_KEY,
  QUICK_CREATE_STEPS,
  cognitoDiscoveryUrl,
  cognitoIssuer,
  cognitoTokenEndpoint,
  fullScopes,
  quickCreateFailed,
  tokenCurlCommand,
  type OidcHost,
  type QuickCreateInput,
  type QuickCreateReport,
  type QuickCreateResult,
  type QuickCreateStep,
} from "@/lib/schemas/cognito";
import { recordAudit } from "@/lib/audit/log";
import { errorOutcome, requestIdOf } from "@/lib/audit/rules";
import { regionOfPoolId } from "@/formats/cognito-urls";
import { cognito } from "./clients";
import { getBackend, isKnownRegion } from "./config";
import { ConsoleError, isNotFound, toConsoleError } from "./errors";
import { decodeJwt, requestClientCredentialsToken, verifyAccessToken } from "./oidc";
import { allPages, mapLimit } from "./paging";
import type { AppClientInfo, CleanupReport, PoolDetail, PoolSummary, ResourceServerInfo, TestToken } from "@/lib/models/identity";

export type { AppClientInfo, CleanupReport, PoolDetail, PoolSummary, ResourceServerInfo, TestToken };

// ---- helpers ------------------------------------------------------------------------------------

/** Where the console reaches Cognito's OIDC side: AWS, or the sandbox the SDK is pointed at. */
export function oidcHost(): OidcHost {
  if (getBackend() === "aws") return { backend: "aws" };
  const baseUrl = process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER || process.env.AWS_ENDPOINT_URL;
  if (!baseUrl) throw new ConsoleError("unreachable", "The console is in sandbox mode but no sandbox endpoint is configured. Start it with `npm start`.", "SandboxNotConfigured");
  return { backend: "sandbox", baseUrl };
}

/** Pools live in the region their id starts with; fall back to the console's region. */
export function poolRegion(poolId: string, fallback: string): string {
  const r = regionOfPoolId(poolId);
  return isKnownRegion(r) ? r : fallback;
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : "");

/** Exponential backoff with jitter, never past the deadline. */
function backoff(attempt: number, initialMs: number, maxMs: number, deadline: number): Promise<void> {
  const base = Math.min(maxMs, initialMs * 2 ** attempt);
  const ms = Math.max(0, Math.min(base * (0.8 + Math.random() * 0.4), deadline - Date.now()));
  return new Promise((r) => setTimeout(r, ms));
}

// ---- reading pools ------------------------------------------------------------------------------

async function domainStatus(client: CognitoIdentityProviderClient, domain: string): Promise<string | undefined> {
  const out = await client.send(new DescribeUserPoolDomainCommand({ Domain: domain }));
  return out.DomainDescription?.Status;
}

async function summarize(region: string, host: OidcHost, pool: UserPoolType, withStatus: boolean): Promise<PoolSummary> {
  const id = pool.Id ?? "";
  const domain = pool.CustomDomain ?? pool.Domain;
  const custom = Boolean(pool.CustomDomain);
  const status = domain && withStatus ? await domainStatus(cognito(region), domain) : undefined;
  return {
    id,
    name: pool.Name ?? "",
    createdAt: iso(pool.CreationDate),
    forGateway: pool.UserPoolTags?.[PURPOSE_TAG_KEY] === PURPOSE_TAG_VALUE,
    domain,
    customDomain: custom || undefined,
    domainStatus: status,
    discoveryUrl: cognitoDiscoveryUrl(host, id, region),
    tokenEndpoint: domain ? cognitoTokenEndpoint(host, domain, region, custom) : undefined,
  };
}

export type ListPoolsResult = { items: PoolSummary[]; nextToken?: string };

/**
 * One page of the region's user pools. With `details` (the default) each pool is described too
 * (tags, domain and its status), a few at a time; without, only ids and names.
 */
export async function listUserPools(region: string, opts: { pageSize?: number; nextToken?: string; details?: boolean } = {}): Promise<ListPoolsResult> {
  const host = oidcHost();
  let out;
  try {
    out = await cognito(region).send(new ListUserPoolsCommand({ MaxResults: Math.min(60, Math.max(1, opts.pageSize ?? 20)), NextToken: opts.nextToken || undefined }));
  } catch (err) {
    throw toConsoleError(err, "list user pools");
  }
  const pools = out.UserPools ?? [];
  const items = await mapLimit(pools, 4, async (p): Promise<PoolSummary> => {
    const basic: PoolSummary = {
      id: p.Id ?? "",
      name: p.Name ?? "",
      createdAt: iso(p.CreationDate),
      forGateway: false,
      discoveryUrl: cognitoDiscoveryUrl(host, p.Id ?? "", region),
    };
    if (opts.details === false) return basic;
    try {
      const d = await cognito(region).send(new DescribeUserPoolCommand({ UserPoolId: p.Id }));
      return await summarize(region, host, d.UserPool ?? {}, true);
    } catch (err) {
      const e = toConsoleError(err, `describe user pool ${p.Id}`);
      return { ...basic, problem: e.message, problemName: e.awsName };
    }
  });
  return { items, nextToken: out.NextToken };
}

function clientInfo(c: UserPoolClientType): AppClientInfo {
  const flows = c.AllowedOAuthFlows ?? [];
  const unit = c.TokenValidityUnits?.AccessToken ?? "hours";
  const unitSeconds = { seconds: 1, minutes: 60, hours: 3600, days: 86400 }[unit] ?? 3600;
  const oauthEnabled = c.AllowedOAuthFlowsUserPoolClient === true;
  const hasSecret = Boolean(c.ClientSecret);
  return {
    clientId: c.ClientId ?? "",
    clientName: c.ClientName ?? "",
    hasSecret,
    oauthEnabled,
    flows,
    scopes: c.AllowedOAuthScopes ?? [],
    clientCredentials: oauthEnabled && hasSecret && flows.includes("client_credentials"),
    accessTokenValiditySeconds: c.AccessTokenValidity ? c.AccessTokenValidity * unitSeconds : 3600,
    createdAt: iso(c.CreationDate),
  };
}

/** The pool's app clients with their OAuth settings (never their secrets), at most `limit`. */
export async function listPoolClients(region: string, poolId: string, limit = 120): Promise<AppClientInfo[]> {
  const client = cognito(region);
  try {
    const ids = await allPages(
      async (token) => {
        const out = await client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60, NextToken: token }));
        return { items: (out.UserPoolClients ?? []).map((c) => c.ClientId ?? ""), nextToken: out.NextToken };
      },
      { maxItems: limit },
    );
    return await mapLimit(ids.slice(0, limit), 4, async (id) => {
      const out = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: id }));
      return clientInfo(out.UserPoolClient ?? {});
    });
  } catch (err) {
    throw toConsoleError(err, "list the pool's app clients");
  }
}

async function listResourceServers(region: string, poolId: string): Promise<ResourceServerInfo[]> {
  return allPages(async (token) => {
    const page = await cognito(region).send(new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 50, NextToken: token }));
    const items = (page.ResourceServers ?? []).map((rs) => ({
      identifier: rs.Identifier ?? "",
      name: rs.Name ?? "",
      scopes: (rs.Scopes ?? []).map((s) => ({ name: s.ScopeName ?? "", description: s.ScopeDescription ?? "" })),
    }));
    return { items, nextToken: page.NextToken };
  });
}

/** Everything about one pool for its detail page, or null when it does not exist. */
export async function getUserPool(region: string, poolId: string): Promise<PoolDetail | null> {
  const host = oidcHost();
  let pool: UserPoolType;
  try {
    pool = (await cognito(region).send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool ?? {};
  } catch (err) {
    if (isNotFound(err)) return null;
    throw toConsoleError(err, "describe the user pool");
  }
  try {
    const [summary, resourceServers, clients] = await Promise.all([
      summarize(region, host, pool, true),
      listResourceServers(region, poolId),
      listPoolClients(region, poolId),
    ]);
    return { ...summary, arn: pool.Arn ?? "", issuer: cognitoIssuer(host, poolId, region), tags: pool.UserPoolTags ?? {}, resourceServers, clients };
  } catch (err) {
    throw toConsoleError(err, "read the user pool's domain, resource servers and clients");
  }
}

/** The app client's secret, read only when the user asks for it; null for a public client. */
export async function revealClientSecret(region: string, poolId: string, clientId: string): Promise<string | null> {
  // A read, so the SDK middleware skips it; showing a secret is worth an audit entry of its own (never the secret).
  const audit = { region, service: "cognito-idp", operation: "DescribeUserPoolClient", resources: { UserPoolId: poolId, ClientId: clientId } };
  try {
    const out = await cognito(region).send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    const secret = out.UserPoolClient?.ClientSecret ?? null;
    await recordAudit({ ...audit, outcome: "ok", requestId: requestIdOf(out), secretRevealed: secret ? true : undefined });
    return secret;
  } catch (err) {
    await recordAudit({ ...audit, outcome: errorOutcome(err), requestId: requestIdOf(err), secretRevealed: undefined });
    throw toConsoleError(err, "read the app client's secret");
  }
}

// ---- domains ------------------------------------------------------------------------------------

export type DomainWait = { status: string; active: boolean; attempts: number; waitedMs: number };

/**
 * Polls DescribeUserPoolDomain with exponential backoff until the domain is ACTIVE or `timeoutMs` passes
 * (then `active` is false). FAILED, or a domain that does not exist, throws.
 */
export async function waitForDomainActive(
  region: string,
  domain: string,
  opts: { timeoutMs?: number; initialDelayMs?: number; maxDelayMs?: number; onStatus?: (status: string) => void } = {},
): Promise<DomainWait> {
  const started = Date.now();
  const deadline = started + (opts.timeoutMs ?? 300_000);
  let missing = 0;
  for (let attempt = 0; ; attempt++) {
    let status: string | undefined;
    try {
      status = await domainStatus(cognito(region), domain);
    } catch (err) {
      throw toConsoleError(err, "check the domain's status");
    }
    if (status) opts.onStatus?.(status);
    if (status === "ACTIVE") return { status, active: true, attempts: attempt + 1, waitedMs: Date.now() - started };
    if (status === "FAILED") throw new ConsoleError("server", `The domain ${domain} failed to deploy (status FAILED). Delete it and try another prefix.`, "DomainFailed");
    // Right after CreateUserPoolDomain the description can lag; a domain missing several times in a row is gone.
    missing = status ? 0 : missing + 1;
    if (missing >= 4) throw new ConsoleError("not-found", `The domain ${domain} does not exist (DescribeUserPoolDomain returns nothing).`, "DomainNotFound");
    if (Date.now() >= deadline) return { status: status ?? "UNKNOWN", active: false, attempts: attempt + 1, waitedMs: Date.now() - started };
    await backoff(attempt, opts.initialDelayMs ?? 200, opts.maxDelayMs ?? 5000, deadline);
  }
}

// ---- quick create -------------------------------------------------------------------------------

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

// ---- test tokens --------------------------------------------------------------------------------

/**
 * Runs the client-credentials grant for an app client on the server (its secret never leaves the server),
 * then decodes the access token and verifies it against the pool's discovery document and JWKS.
 */
export async function getTestToken(region: string, poolId: string, clientId: string, scopes: string[] = []): Promise<TestToken> {
  const host = oidcHost();
  const c = cognito(region);
  let pool: UserPoolType;
  let appClient: UserPoolClientType;
  try {
    [pool, appClient] = await Promise.all([
      c.send(new DescribeUserPoolCommand({ UserPoolId: poolId })).then((o) => o.UserPool ?? {}),
      c.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })).then((o) => o.UserPoolClient ?? {}),
    ]);
  } catch (err) {
    throw toConsoleError(err, "read the user pool and app client");
  }
  const domain = pool.CustomDomain ?? pool.Domain;
  if (!domain) {
    throw new ConsoleError("validation", "This user pool has no domain, so it has no token endpoint. Give it a domain first.", "NoDomain");
  }
  if (!pool.CustomDomain) {
    const status = await domainStatus(c, domain).catch((err) => {
      throw toConsoleError(err, "check the domain's status");
    });
    if (status !== "ACTIVE") {
      throw new ConsoleError("conflict", `The domain ${domain} is ${status ?? "not found"}, not ACTIVE: it cannot issue tokens yet. Try again in a moment.`, "DomainNotActive");
    }
  }
  if (!appClient.ClientSecret) {
    throw new ConsoleError("validation", "This app client has no secret: the client-credentials grant needs a confidential client.", "NoClientSecret");
  }
  const tokenEndpoint = cognitoTokenEndpoint(host, domain, region, Boolean(pool.CustomDomain));
  const discoveryUrl = cognitoDiscoveryUrl(host, poolId, region);
  const t = await requestClientCredentialsToken({ tokenEndpoint, clientId, clientSecret: appClient.ClientSecret, scopes });
  const { header, claims } = decodeJwt(t.accessToken);
  const verification = await verifyAccessToken(t.accessToken, discoveryUrl);
  const exp = typeof claims.exp === "number" ? claims.exp * 1000 : Date.now() + t.expiresIn * 1000;
  return {
    accessToken: t.accessToken,
    tokenType: t.tokenType,
    expiresIn: t.expiresIn,
    issuedAt: typeof claims.iat === "number" ? new Date(claims.iat * 1000).toISOString() : undefined,
    expiresAt: new Date(exp).toISOString(),
    header,
    claims,
    verification,
    tokenEndpoint,
    discoveryUrl,
    scopes: typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : scopes,
    curl: tokenCurlCommand(tokenEndpoint, clientId, scopes),
  };
}
