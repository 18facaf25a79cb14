// The console's lib/aws Cognito and OIDC modules through the real SDK against the sandbox over HTTP:
// quick create (domain polling, failure report, cleanup, resume), pool listing, test tokens and OAuth errors, discovery checks.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createRemoteJWKSet, jwtVerify } from "jose";
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DescribeResourceServerCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  ListUserPoolClientsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { CREDENTIALS, REGION, catchError, clearFaults, setFaults, startSandbox, useSandboxForConsole, type TestSandbox } from "./helpers";
import { ConsoleError } from "@/lib/aws/errors";
import { waitForDomainActive } from "@/lib/aws/cognito/domains";
import { getUserPool, listPoolClients, listUserPools, revealClientSecret } from "@/lib/aws/cognito/pools";
import { QuickCreateError, cleanupCognito, finishQuickCreate, newQuickCreateReport, quickCreateCognito, resumeQuickCreate, runQuickCreatePhase } from "@/lib/aws/cognito/quick-create";
import { getTestToken, type TestToken } from "@/lib/aws/cognito/tokens";
import { OAuthError, readTokenResponse, requestClientCredentialsToken, verifyAccessToken, verifyDiscoveryUrl } from "@/lib/aws/oidc";
import { PURPOSE_TAG_KEY, PURPOSE_TAG_VALUE, RUN_TAG_KEY, defaultQuickCreateValues, quickCreateSchema, randomSuffix, type QuickCreateReport, type QuickCreateResult } from "@/lib/schemas/cognito";

let sandbox: TestSandbox;
let sdk: CognitoIdentityProviderClient;
const errors: string[] = [];
let n = 0;

/** Fresh, valid quick-create input (unique names per call). */
const input = (over: Partial<ReturnType<typeof defaultQuickCreateValues>> = {}) =>
  quickCreateSchema.parse({ ...defaultQuickCreateValues(`t${++n}${randomSuffix()}`), scopes: "invoke read", ...over });

beforeAll(async () => {
  // Before the console builds its SDK clients: one attempt, so an injected 500 is a failure, not a retry.
  process.env.AWS_MAX_ATTEMPTS = "1";
  sandbox = await startSandbox({ lifecycleDelayMs: 300 });
  useSandboxForConsole(sandbox);
  sdk = new CognitoIdentityProviderClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(" ")));
});

afterEach(async () => {
  await clearFaults(sandbox);
  sandbox.settings.lifecycleDelayMs = 300;
});

afterAll(async () => {
  sdk?.destroy();
  await sandbox?.dispose();
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** The app client's secret as Cognito itself has it (read with the SDK, not through the console). */
async function sdkSecret(poolId: string, clientId: string): Promise<string> {
  const secret = (await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))).UserPoolClient?.ClientSecret;
  expect(secret).toHaveLength(51);
  return secret!;
}

/** Nothing the console logged may contain a secret or a token. */
function expectNotLogged(...secrets: string[]) {
  for (const s of secrets) for (const line of errors) expect(line).not.toContain(s);
}

describe("quickCreateCognito", () => {
  let result: QuickCreateResult;
  let secret: string;
  const progress: QuickCreateReport[] = [];

  beforeAll(async () => {
    result = await quickCreateCognito(input(), REGION, { onProgress: (r) => progress.push(r) });
    secret = await sdkSecret(result.poolId, result.clientId);
  });

  it("returns the pool, client, discovery URL, token endpoint, domain and scopes, and never the secret", () => {
    expect(result.poolId).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(result.clientId).toMatch(/^[a-z0-9]{26}$/);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(JSON.stringify(progress)).not.toContain(secret);
    expect(result.discoveryUrl).toBe(`${sandbox.url}/${result.poolId}/.well-known/openid-configuration`);
    expect(result.tokenEndpoint).toBe(`${sandbox.url}/oauth2/${result.domain}/token`);
    expect(result.scopes).toEqual(["agentcore-gateway/invoke", "agentcore-gateway/read"]);
  });

  it("polled the domain until ACTIVE, after running domain and resource server side by side", () => {
    const last = progress[progress.length - 1];
    expect(last.domainStatus).toBe("ACTIVE");
    expect(last.errors).toEqual({});
    // The client was created while the domain was still CREATING: the two chains ran in parallel.
    const clientDone = progress.find((r) => r.clientId);
    expect(clientDone?.domainStatus).toBe("CREATING");
  });

  it("made what the discovery document and the SDK agree on", async () => {
    const doc = (await (await fetch(result.discoveryUrl)).json()) as Record<string, string>;
    expect(doc.token_endpoint).toBe(result.tokenEndpoint);
    const pool = (await sdk.send(new DescribeUserPoolCommand({ UserPoolId: result.poolId }))).UserPool!;
    expect(pool.UserPoolTags).toMatchObject({ [PURPOSE_TAG_KEY]: PURPOSE_TAG_VALUE, [RUN_TAG_KEY]: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(pool.Domain).toBe(result.domain);
    const rs = (await sdk.send(new DescribeResourceServerCommand({ UserPoolId: result.poolId, Identifier: "agentcore-gateway" }))).ResourceServer!;
    expect(rs.Scopes?.map((s) => s.ScopeName)).toEqual(["invoke", "read"]);
    const c = (await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: result.poolId, ClientId: result.clientId }))).UserPoolClient!;
    expect(c).toMatchObject({
      ClientSecret: expect.stringMatching(/^[a-z0-9]{51}$/),
      AllowedOAuthFlows: ["client_credentials"],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: result.scopes,
      ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
    });
  });

  it("lists the pool marked as made for gateways, with its domain status and OIDC URLs", async () => {
    await sdk.send(new CreateUserPoolCommand({ PoolName: "someone-elses-pool" }));
    const page = await listUserPools(REGION, { pageSize: 60 });
    const mine = page.items.find((p) => p.id === result.poolId)!;
    expect(mine).toMatchObject({ forGateway: true, domain: result.domain, domainStatus: "ACTIVE", discoveryUrl: result.discoveryUrl, tokenEndpoint: result.tokenEndpoint });
    expect(page.items.find((p) => p.name === "someone-elses-pool")).toMatchObject({ forGateway: false, domain: undefined, tokenEndpoint: undefined });
    expect(JSON.stringify(page)).not.toContain(secret);
  });

  it("pages the pool list with Cognito's NextToken, each pool once", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await listUserPools(REGION, { pageSize: 1, nextToken: token, details: false });
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((p) => p.id));
      token = page.nextToken;
    } while (token);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(result.poolId);
  });

  it("describes the pool for its page without any secret; an unknown pool is null", async () => {
    const pool = (await getUserPool(REGION, result.poolId))!;
    expect(pool.resourceServers).toEqual([
      { identifier: "agentcore-gateway", name: "AgentCore Gateway", scopes: [expect.objectContaining({ name: "invoke" }), expect.objectContaining({ name: "read" })] },
    ]);
    expect(pool.clients).toEqual([
      expect.objectContaining({ clientId: result.clientId, hasSecret: true, clientCredentials: true, scopes: result.scopes, accessTokenValiditySeconds: 3600 }),
    ]);
    expect(pool.issuer).toBe(`${sandbox.url}/${result.poolId}`);
    expect(JSON.stringify(pool)).not.toContain(secret);
    expect(await getUserPool(REGION, "us-east-1_Nope12345")).toBeNull();
  });

  it("reveals the secret only when asked", async () => {
    expect(await revealClientSecret(REGION, result.poolId, result.clientId)).toBe(secret);
    expect((await listPoolClients(REGION, result.poolId))[0]).not.toHaveProperty("clientSecret");
  });

  it("gets a test token: decoded, verified against discovery + JWKS, with its expiry and a curl without the secret", async () => {
    const t: TestToken = await getTestToken(REGION, result.poolId, result.clientId);
    expect(t.header).toMatchObject({ alg: "RS256", kid: expect.any(String) });
    expect(t.claims).toMatchObject({ client_id: result.clientId, sub: result.clientId, token_use: "access", iss: `${sandbox.url}/${result.poolId}`, scope: "agentcore-gateway/invoke agentcore-gateway/read" });
    expect(t.claims).not.toHaveProperty("aud");
    expect(t.verification).toEqual({ verified: true, detail: expect.stringContaining("Signature checked") });
    expect(Date.parse(t.expiresAt) - Date.parse(t.issuedAt!)).toBe(3600_000);
    expect(t.expiresIn).toBe(3600);
    expect(t.curl).toContain(`'${result.tokenEndpoint}'`);
    expect(t.curl).toContain(`-u '${result.clientId}:'"$CLIENT_SECRET"`);
    expect(t.curl).not.toContain(secret);
    expect(JSON.stringify(t)).not.toContain(secret);
    // A standard JWT library agrees.
    const doc = (await (await fetch(result.discoveryUrl)).json()) as { issuer: string; jwks_uri: string };
    const { payload } = await jwtVerify(t.accessToken, createRemoteJWKSet(new URL(doc.jwks_uri)), { issuer: doc.issuer });
    expect(payload.client_id).toBe(result.clientId);
    expectNotLogged(secret, t.accessToken);
  });

  it("asks for fewer scopes when told", async () => {
    const t = await getTestToken(REGION, result.poolId, result.clientId, ["agentcore-gateway/read"]);
    expect(t.claims.scope).toBe("agentcore-gateway/read");
    expect(t.curl).toContain("--data-urlencode 'scope=agentcore-gateway/read'");
  });

  it("flags a tampered or expired token as not verified", async () => {
    const t = await getTestToken(REGION, result.poolId, result.clientId);
    const [h, p, s] = t.accessToken.split(".");
    const claims = JSON.parse(Buffer.from(p, "base64url").toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, scope: "admin" })).toString("base64url")}.${s}`;
    expect(await verifyAccessToken(forged, result.discoveryUrl)).toMatchObject({ verified: false, detail: expect.stringMatching(/signature does not match/) });
    expect(await verifyAccessToken(t.accessToken, result.discoveryUrl, { now: Date.now() + 2 * 3600_000 })).toMatchObject({ verified: false, detail: expect.stringMatching(/expired/) });
  });
});

describe("a failed quick create", () => {
  async function failAtClient(): Promise<QuickCreateError> {
    await setFaults(sandbox, { faults: [{ type: "internal", service: "cognito", operation: "CreateUserPoolClient" }] });
    const err = await catchError<QuickCreateError>(() => quickCreateCognito(input(), REGION));
    await clearFaults(sandbox);
    return err;
  }

  it("throws a report of exactly what exists", async () => {
    const err = await failAtClient();
    expect(err).toBeInstanceOf(QuickCreateError);
    expect(err).toBeInstanceOf(ConsoleError);
    expect(err.awsName).toBe("InternalErrorException");
    expect(err.message).toMatch(/AWS had an internal error and could not create the app client/);
    const r = err.report;
    expect(r.poolId).toMatch(/^us-east-1_/);
    expect(r.domain).toBe(r.input.domainPrefix);
    expect(r.domainStatus).toBe("ACTIVE");
    expect(r.resourceServerIdentifier).toBe("agentcore-gateway");
    expect(r.clientId).toBeUndefined();
    expect(r.errors).toEqual({ client: { message: err.message, errorName: "InternalErrorException" } });
    expect((await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: r.poolId, MaxResults: 10 }))).UserPoolClients).toEqual([]);
  });

  it("cleans up: domain first, then the pool with its resource server", async () => {
    const { report } = await failAtClient();
    const out = await cleanupCognito(report);
    expect(out).toEqual({ deleted: [`domain ${report.domain}`, "resource server agentcore-gateway", `user pool ${report.poolId}`], alreadyGone: [] });
    expect((await catchError(() => sdk.send(new DescribeUserPoolCommand({ UserPoolId: report.poolId })))).name).toBe("ResourceNotFoundException");
    expect((await sdk.send(new DescribeUserPoolDomainCommand({ Domain: report.domain }))).DomainDescription).toEqual({});
    // Twice is harmless.
    expect(await cleanupCognito(report)).toEqual({ deleted: [], alreadyGone: [`user pool ${report.poolId}`] });
  });

  it("resumes: keeps what exists, creates the client, hands back its ids but not its secret", async () => {
    const { report } = await failAtClient();
    const result = await resumeQuickCreate(report);
    expect(result.poolId).toBe(report.poolId);
    expect(result.domain).toBe(report.domain);
    const clients = (await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: report.poolId, MaxResults: 10 }))).UserPoolClients!;
    expect(clients.map((c) => c.ClientId)).toEqual([result.clientId]);
    expect(JSON.stringify(result)).not.toContain(await sdkSecret(result.poolId, result.clientId));
    expect((await getTestToken(REGION, result.poolId, result.clientId)).claims.client_id).toBe(result.clientId);
  });

  it("resumes without a duplicate when the failed call had in fact created the client", async () => {
    const { report } = await failAtClient();
    const made = await sdk.send(
      new CreateUserPoolClientCommand({ UserPoolId: report.poolId, ClientName: report.input.clientName, GenerateSecret: true, AllowedOAuthFlows: ["client_credentials"], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ["agentcore-gateway/invoke"] }),
    );
    const result = await resumeQuickCreate(report);
    expect(result.clientId).toBe(made.UserPoolClient!.ClientId);
    expect(JSON.stringify(result)).not.toContain(made.UserPoolClient!.ClientSecret!);
    expect((await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: report.poolId, MaxResults: 10 }))).UserPoolClients).toHaveLength(1);
  });

  it("stops at the pool with nothing to clean up", async () => {
    await setFaults(sandbox, { faults: [{ type: "internal", service: "cognito", operation: "CreateUserPool" }] });
    const err = await catchError<QuickCreateError>(() => quickCreateCognito(input(), REGION));
    expect(err.report.poolId).toBeUndefined();
    expect(Object.keys(err.report.errors)).toEqual(["pool"]);
    expect(await cleanupCognito(err.report)).toEqual({ deleted: [], alreadyGone: [] });
  });

  it("reports a domain prefix taken by another pool on the domain step, the resource server and client still made", async () => {
    const first = await quickCreateCognito(input(), REGION);
    const err = await catchError<QuickCreateError>(() => quickCreateCognito(input({ domainPrefix: first.domain }), REGION));
    expect(err.report.errors.domain).toEqual({ message: expect.stringMatching(/Domain already associated with another user pool/), errorName: "InvalidParameterException" });
    expect(err.report.clientId).toBeDefined();
    expect(err.report.domain).toBeUndefined();
    await cleanupCognito(err.report);
  });

  it("refuses to clean up or resume a pool this quick create did not make", async () => {
    const other = (await sdk.send(new CreateUserPoolCommand({ PoolName: "not-mine" }))).UserPool!.Id!;
    const forged = { ...newQuickCreateReport(input(), REGION), poolId: other };
    const e1 = await catchError<ConsoleError>(() => cleanupCognito(forged));
    expect(e1.awsName).toBe("NotOwnedByQuickCreate");
    const e2 = await catchError<ConsoleError>(() => resumeQuickCreate(forged));
    expect(e2.awsName).toBe("NotOwnedByQuickCreate");
    expect((await sdk.send(new DescribeUserPoolCommand({ UserPoolId: other }))).UserPool?.Id).toBe(other);
  });
});

describe("step by step (the console's progress UI)", () => {
  it("pool → domain ‖ resource server → client → domain ACTIVE → result", async () => {
    let r = await runQuickCreatePhase(newQuickCreateReport(input(), REGION), "pool");
    expect(r.poolId).toBeDefined();
    r = await runQuickCreatePhase(r, "domainAndResourceServer");
    expect(r).toMatchObject({ domain: r.input.domainPrefix, domainStatus: "CREATING", resourceServerIdentifier: "agentcore-gateway", errors: {} });
    r = await runQuickCreatePhase(r, "client");
    expect(r.clientId).toBeDefined();
    await expect(finishQuickCreate(r)).rejects.toMatchObject({ awsName: "NotFinished" });
    let calls = 0;
    while (r.domainStatus !== "ACTIVE" && calls++ < 20) r = await runQuickCreatePhase(r, "domainActive", { domainWaitMs: 100 });
    expect(r.domainStatus).toBe("ACTIVE");
    const result = await finishQuickCreate(r);
    expect(result).toMatchObject({ poolId: r.poolId, clientId: r.clientId, domain: r.domain });
    expect(JSON.stringify(result)).not.toContain(await sdkSecret(r.poolId!, r.clientId!));
  });

  it("runs the domain and the resource server in parallel", async () => {
    const r = await runQuickCreatePhase(newQuickCreateReport(input(), REGION), "pool");
    await setFaults(sandbox, { latencyMs: 400 });
    const t0 = Date.now();
    const next = await runQuickCreatePhase(r, "domainAndResourceServer");
    const took = Date.now() - t0;
    expect(next.errors).toEqual({});
    expect(took).toBeGreaterThanOrEqual(400);
    expect(took).toBeLessThan(780);
  });

  it("records a step failure in the report instead of throwing, and retries it later", async () => {
    let r = await runQuickCreatePhase(newQuickCreateReport(input(), REGION), "pool");
    await setFaults(sandbox, { faults: [{ type: "internal", service: "cognito", operation: "CreateResourceServer" }] });
    r = await runQuickCreatePhase(r, "domainAndResourceServer");
    expect(r.domain).toBeDefined();
    expect(r.resourceServerIdentifier).toBeUndefined();
    expect(r.errors.resourceServer?.errorName).toBe("InternalErrorException");
    await clearFaults(sandbox);
    r = await runQuickCreatePhase(r, "domainAndResourceServer");
    expect(r.resourceServerIdentifier).toBe("agentcore-gateway");
    expect(r.errors).toEqual({});
  });
});

describe("waitForDomainActive", () => {
  it("returns not active when the timeout passes first", async () => {
    sandbox.settings.lifecycleDelayMs = 60_000;
    const pool = (await sdk.send(new CreateUserPoolCommand({ PoolName: "slow-domain" }))).UserPool!.Id!;
    const domain = `slow-${Date.now()}`;
    await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: pool, Domain: domain }));
    const seen: string[] = [];
    const w = await waitForDomainActive(REGION, domain, { timeoutMs: 500, initialDelayMs: 50, onStatus: (s) => seen.push(s) });
    expect(w).toMatchObject({ active: false, status: "CREATING" });
    expect(w.attempts).toBeGreaterThan(2);
    expect(w.attempts).toBeLessThan(10);
    expect(new Set(seen)).toEqual(new Set(["CREATING"]));
  });

  it("throws for a domain that does not exist", async () => {
    const e = await catchError<ConsoleError>(() => waitForDomainActive(REGION, "no-such-domain-here", { initialDelayMs: 10 }));
    expect(e.awsName).toBe("DomainNotFound");
  });
});

describe("test tokens: each refusal as the console presents it", () => {
  let ready: QuickCreateResult;
  let readySecret: string;
  beforeAll(async () => {
    ready = await quickCreateCognito(input(), REGION);
    readySecret = await sdkSecret(ready.poolId, ready.clientId);
  });

  const form = "application/x-www-form-urlencoded";
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
  const raw = (body: string, headers: Record<string, string> = {}) =>
    fetch(ready.tokenEndpoint, { method: "POST", headers: { "content-type": form, ...headers }, body }).then(readTokenResponse);

  it("invalid_client: a wrong secret", async () => {
    const e = await catchError<OAuthError>(() => requestClientCredentialsToken({ tokenEndpoint: ready.tokenEndpoint, clientId: ready.clientId, clientSecret: "wrong" }));
    expect(e).toBeInstanceOf(OAuthError);
    expect(e).toMatchObject({ awsName: "invalid_client", status: 401, kind: "access-denied" });
    expect(e.message).toBe("The token endpoint did not accept the client's credentials: the client id or secret is wrong, or the client belongs to another user pool. Client authentication failed.");
  });

  it("invalid_scope: a scope the client is not allowed", async () => {
    const e = await catchError<OAuthError>(() => getTestToken(REGION, ready.poolId, ready.clientId, ["agentcore-gateway/admin"]));
    expect(e).toMatchObject({ awsName: "invalid_scope", status: 400 });
    expect(e.message).toMatch(/^A requested scope is not allowed for this app client, or does not exist\. Scope agentcore-gateway\/admin is not allowed/);
  });

  it("unauthorized_client: a confidential client without the client-credentials flow", async () => {
    const c = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: ready.poolId, ClientName: "no-oauth", GenerateSecret: true }));
    const e = await catchError<OAuthError>(() => getTestToken(REGION, ready.poolId, c.UserPoolClient!.ClientId!));
    expect(e).toMatchObject({ awsName: "unauthorized_client" });
    expect(e.message).toMatch(/^This app client may not use the client-credentials grant/);
  });

  it("invalid_request: a body that is not form-encoded", async () => {
    const e = await catchError<OAuthError>(() => raw("{}", { "content-type": "application/json" }));
    expect(e).toMatchObject({ awsName: "invalid_request", status: 400 });
    expect(e.message).toBe("The token endpoint refused the request as malformed. The request body must be application/x-www-form-urlencoded.");
  });

  it("unsupported_grant_type: a grant Cognito does not know", async () => {
    const e = await catchError<OAuthError>(() => raw("grant_type=password", { authorization: basic(ready.clientId, readySecret) }));
    expect(e).toMatchObject({ awsName: "unsupported_grant_type" });
    expect(e.message).toMatch(/^The token endpoint does not support this grant type\./);
  });

  it("invalid_grant: a refresh token the sandbox never issued", async () => {
    const e = await catchError<OAuthError>(() => raw("grant_type=refresh_token&refresh_token=x", { authorization: basic(ready.clientId, readySecret) }));
    expect(e).toMatchObject({ awsName: "invalid_grant" });
    expect(e.message).toMatch(/^The token endpoint refused the grant\./);
  });

  it("a domain not ACTIVE yet: the token endpoint answers 404, and getTestToken says so before asking", async () => {
    sandbox.settings.lifecycleDelayMs = 60_000;
    let r = await runQuickCreatePhase(newQuickCreateReport(input(), REGION), "pool");
    r = await runQuickCreatePhase(r, "domainAndResourceServer");
    r = await runQuickCreatePhase(r, "client");
    const secret = (await revealClientSecret(REGION, r.poolId!, r.clientId!))!;
    const endpoint = `${sandbox.url}/oauth2/${r.domain}/token`;
    const e = await catchError<OAuthError>(() => requestClientCredentialsToken({ tokenEndpoint: endpoint, clientId: r.clientId!, clientSecret: secret }));
    expect(e).toMatchObject({ awsName: "invalid_request", status: 404, kind: "not-found" });
    expect(e.message).toMatch(/^The token endpoint is not serving: the user pool domain does not exist or is not ACTIVE yet\./);
    const e2 = await catchError<ConsoleError>(() => getTestToken(REGION, r.poolId!, r.clientId!));
    expect(e2.awsName).toBe("DomainNotActive");
    expect(e2.message).toMatch(/is CREATING, not ACTIVE/);
    expectNotLogged(secret);
  });

  it("a pool without a domain, and a public client", async () => {
    const pool = (await sdk.send(new CreateUserPoolCommand({ PoolName: "no-domain" }))).UserPool!.Id!;
    const pub = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: pool, ClientName: "pub" }));
    expect((await catchError<ConsoleError>(() => getTestToken(REGION, pool, pub.UserPoolClient!.ClientId!))).awsName).toBe("NoDomain");
    const pub2 = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: ready.poolId, ClientName: "pub2" }));
    expect((await catchError<ConsoleError>(() => getTestToken(REGION, ready.poolId, pub2.UserPoolClient!.ClientId!))).awsName).toBe("NoClientSecret");
    expect((await catchError<ConsoleError>(() => getTestToken(REGION, ready.poolId, "nosuchclient"))).kind).toBe("not-found");
  });

  it("an unreachable token endpoint (a host the operator allowed)", async () => {
    const port = await closedPort();
    process.env.CONSOLE_OIDC_ALLOWED_HOSTS = `127.0.0.1:${port}`;
    try {
      const e = await catchError<ConsoleError>(() => requestClientCredentialsToken({ tokenEndpoint: `http://127.0.0.1:${port}/oauth2/token`, clientId: "a", clientSecret: "b" }));
      expect(e).toMatchObject({ kind: "unreachable", awsName: "NetworkingError" });
      expect(e.message).toMatch(/refused the connection \(ECONNREFUSED\)/);
    } finally {
      delete process.env.CONSOLE_OIDC_ALLOWED_HOSTS;
    }
  });

  it("a token endpoint outside the sandbox is refused before the secret is sent anywhere", async () => {
    const e = await catchError<ConsoleError>(() => requestClientCredentialsToken({ tokenEndpoint: "http://127.0.0.1:9/oauth2/token", clientId: "a", clientSecret: "b" }));
    expect(e).toMatchObject({ kind: "validation", awsName: "RefusedUrl" });
    expect(e.message).toMatch(/^The token endpoint is not fetched: In sandbox mode the console fetches only from the sandbox \(http:\/\/127\.0\.0\.1:\d+\) and the hosts listed in CONSOLE_OIDC_ALLOWED_HOSTS; 127\.0\.0\.1:9 is neither\.$/);
  });
});

describe("verifyDiscoveryUrl", () => {
  let stub: http.Server;
  let stubUrl: string;
  const routes: Record<string, (res: http.ServerResponse) => void> = {};
  const json = (body: unknown) => (res: http.ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  beforeAll(async () => {
    stub = http.createServer((req, res) => {
      const route = routes[req.url ?? ""];
      if (route) route(res);
      else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => stub.listen(0, "127.0.0.1", r));
    stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    const wk = "/.well-known/openid-configuration";
    routes[`/html${wk}`] = (res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>login</html>");
    };
    routes[`/slow${wk}`] = () => {}; // never answers
    routes[`/noissuer${wk}`] = json({ jwks_uri: `${stubUrl}/keys` });
    routes[`/nojwks${wk}`] = json({ issuer: `${stubUrl}/nojwks` });
    routes[`/emptykeys${wk}`] = json({ issuer: `${stubUrl}/emptykeys`, jwks_uri: `${stubUrl}/empty.json` });
    routes["/empty.json"] = json({ keys: [] });
    routes[`/other${wk}`] = json({ issuer: "https://issuer.example.com", jwks_uri: `${stubUrl}/keys.json` });
    routes["/keys.json"] = json({ keys: [{ kty: "RSA", kid: "k", n: "x", e: "AQAB", alg: "RS256" }] });
    routes[`/moved${wk}`] = (res) => {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
      res.end();
    };
    routes[`/hop${wk}`] = (res) => {
      res.writeHead(301, { location: `/hop2${wk}` });
      res.end();
    };
    routes[`/hop2${wk}`] = (res) => {
      res.writeHead(307, { location: `${stubUrl}/other${wk}` });
      res.end();
    };
    for (let i = 0; i < 4; i++)
      routes[`/loop${i}${wk}`] = (res) => {
        res.writeHead(302, { location: `/loop${i + 1}${wk}` });
        res.end();
      };
    routes[`/huge${wk}`] = json({ issuer: "x", padding: "x".repeat(300 * 1024) });
    routes[`/metadatajwks${wk}`] = json({ issuer: `${stubUrl}/metadatajwks`, jwks_uri: "http://169.254.169.254/latest/meta-data/iam/security-credentials/" });
    routes[`/elsewhere${wk}`] = (res) => {
      res.writeHead(302, { location: `http://localhost:1/.well-known/openid-configuration` });
      res.end();
    };
    // The stub stands for an identity provider the operator allowed explicitly.
    process.env.CONSOLE_OIDC_ALLOWED_HOSTS = `127.0.0.1:${(stub.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    delete process.env.CONSOLE_OIDC_ALLOWED_HOSTS;
    stub.closeAllConnections();
    await new Promise((r) => stub.close(r));
  });

  it("accepts a sandbox pool's discovery URL and shows its issuer, JWKS and token endpoint", async () => {
    const ready = await quickCreateCognito(input(), REGION);
    const check = await verifyDiscoveryUrl(ready.discoveryUrl);
    expect(check).toEqual({
      ok: true,
      url: ready.discoveryUrl,
      issuer: `${sandbox.url}/${ready.poolId}`,
      jwksUri: `${sandbox.url}/${ready.poolId}/.well-known/jwks.json`,
      tokenEndpoint: ready.tokenEndpoint,
      keyCount: 1,
      algorithms: ["RS256"],
      warnings: [],
    });
  });

  it.each([
    ["https://issuer.example.com/oauth2", "invalid-url", /ends with \/\.well-known\/openid-configuration/],
    ["ftp://x/.well-known/openid-configuration", "invalid-url", /not an http\(s\) URL/],
    ["https://idp.example.com/.well-known/openid-configuration", "refused-url", /^The discovery URL is not fetched: In sandbox mode the console fetches only from the sandbox \(http:\/\/127\.0\.0\.1:\d+\) and the hosts listed in CONSOLE_OIDC_ALLOWED_HOSTS; idp\.example\.com is neither\.$/],
    ["http://127.0.0.1:{closed}/.well-known/openid-configuration", "refused-url", /127\.0\.0\.1:\d+ is neither/],
    ["http://169.254.169.254/.well-known/openid-configuration", "refused-url", /169\.254\.169\.254 is neither/],
  ])("%s → %s", async (url, reason, problem) => {
    const check = await verifyDiscoveryUrl(url.replace("{closed}", String(await closedPort())));
    expect(check).toMatchObject({ ok: false, reason, problem: expect.stringMatching(problem) });
  });

  it("an allowed host that refuses the connection", async () => {
    const port = await closedPort();
    const saved = process.env.CONSOLE_OIDC_ALLOWED_HOSTS;
    process.env.CONSOLE_OIDC_ALLOWED_HOSTS = `${saved},127.0.0.1:${port}`;
    try {
      expect(await verifyDiscoveryUrl(`http://127.0.0.1:${port}/.well-known/openid-configuration`)).toMatchObject({ ok: false, reason: "unreachable", problem: expect.stringMatching(/refused the connection \(ECONNREFUSED\)/) });
    } finally {
      process.env.CONSOLE_OIDC_ALLOWED_HOSTS = saved;
    }
  });

  it("still verifies the sandbox's own issuers, by 127.0.0.1 or localhost", async () => {
    const ready = await quickCreateCognito(input(), REGION);
    expect(await verifyDiscoveryUrl(ready.discoveryUrl)).toMatchObject({ ok: true, keyCount: 1 });
    expect(await verifyDiscoveryUrl(ready.discoveryUrl.replace("127.0.0.1", "localhost"))).toMatchObject({ ok: true, keyCount: 1 });
  });

  it("an unknown pool: HTTP 404", async () => {
    const check = await verifyDiscoveryUrl(`${sandbox.url}/us-east-1_Nope12345/.well-known/openid-configuration`);
    expect(check).toMatchObject({ ok: false, reason: "http-status", status: 404, problem: "The discovery URL answered HTTP 404 Not Found." });
  });

  it.each([
    ["html", "not-json", /did not answer with a JSON object \(text\/html\)/],
    ["noissuer", "missing-issuer", /no issuer/],
    ["nojwks", "missing-jwks-uri", /no jwks_uri/],
    ["emptykeys", "jwks-invalid", /holds no keys/],
  ])("a document that %s → %s", async (path, reason, problem) => {
    const check = await verifyDiscoveryUrl(`${stubUrl}/${path}/.well-known/openid-configuration`);
    expect(check).toMatchObject({ ok: false, reason, problem: expect.stringMatching(problem) });
  });

  it("times out a server that never answers", async () => {
    const check = await verifyDiscoveryUrl(`${stubUrl}/slow/.well-known/openid-configuration`, { timeoutMs: 300 });
    expect(check).toMatchObject({ ok: false, reason: "timeout", problem: "The discovery URL did not answer within 0.3 s." });
  });

  it("follows redirects, checking every hop", async () => {
    expect(await verifyDiscoveryUrl(`${stubUrl}/hop/.well-known/openid-configuration`)).toMatchObject({ ok: true, issuer: "https://issuer.example.com" });
    expect(await verifyDiscoveryUrl(`${stubUrl}/moved/.well-known/openid-configuration`)).toMatchObject({
      ok: false,
      reason: "refused-url",
      problem: expect.stringMatching(/^The discovery URL is not fetched: .* redirects to http:\/\/169\.254\.169\.254\/latest\/meta-data\/, which is refused: In sandbox mode .*169\.254\.169\.254 is neither\.$/),
    });
    expect(await verifyDiscoveryUrl(`${stubUrl}/elsewhere/.well-known/openid-configuration`)).toMatchObject({ ok: false, reason: "refused-url", problem: expect.stringMatching(/redirects to http:\/\/localhost:1\/.* localhost:1 is neither/) });
  });

  it("stops after 3 redirects", async () => {
    expect(await verifyDiscoveryUrl(`${stubUrl}/loop0/.well-known/openid-configuration`)).toMatchObject({ ok: false, reason: "refused-url", problem: expect.stringMatching(/redirects more than 3 times\.$/) });
  });

  it("reads at most 256 KiB", async () => {
    expect(await verifyDiscoveryUrl(`${stubUrl}/huge/.well-known/openid-configuration`)).toMatchObject({ ok: false, reason: "too-large", problem: "The discovery URL answered with more than 256 KiB." });
  });

  it("applies the same rules to the jwks_uri the document names", async () => {
    expect(await verifyDiscoveryUrl(`${stubUrl}/metadatajwks/.well-known/openid-configuration`)).toMatchObject({
      ok: false,
      reason: "refused-url",
      problem: expect.stringMatching(/^The jwks_uri http:\/\/169\.254\.169\.254\/latest\/meta-data\/iam\/security-credentials\/ is not fetched: In sandbox mode/),
    });
  });

  describe("in AWS mode", () => {
    beforeAll(() => void (process.env.CONSOLE_BACKEND = "aws"));
    afterAll(() => void (process.env.CONSOLE_BACKEND = "sandbox"));

    it.each([
      ["http://{stub}/other", /^The discovery URL is not fetched: Use an https:\/\/ URL: the console does not fetch plain http/],
      ["https://127.0.0.1", /127\.0\.0\.1 is a loopback address: the console only fetches from public internet addresses\.$/],
      ["https://localhost:8443", /localhost:8443 resolves to (127\.0\.0\.1|::1), a loopback address/],
      ["https://[::1]", /\[::1\] is a loopback address/],
      ["https://[::ffff:127.0.0.1]", /is a loopback address/],
      ["https://169.254.169.254", /169\.254\.169\.254 is a cloud instance metadata address/],
      ["https://[fd00:ec2::254]", /is a cloud instance metadata address/],
      ["https://[::ffff:a9fe:a9fe]", /is a cloud instance metadata address/],
      ["https://10.0.0.8", /is a private network address/],
      ["https://172.20.1.1:8443", /is a private network address/],
      ["https://192.168.1.10", /is a private network address/],
      ["https://[fd12::1]", /is a private network address/],
      ["https://100.64.0.1", /carrier-grade NAT/],
      ["https://169.254.10.10", /link-local address/],
      ["https://[fe80::1]", /link-local address/],
      ["https://0.0.0.0", /the unspecified address/],
      ["https://224.0.0.251", /multicast address/],
      ["https://255.255.255.255", /the broadcast address/],
      ["https://user:pw@idp.example.com", /carries a user name or password/],
    ])("%s is refused", async (base, problem) => {
      const check = await verifyDiscoveryUrl(`${base.replace("{stub}", stubUrl.slice("http://".length))}/.well-known/openid-configuration`);
      expect(check).toMatchObject({ ok: false, reason: "refused-url", problem: expect.stringMatching(problem) });
    });

    it("the sandbox itself is not special in AWS mode", async () => {
      expect(await verifyDiscoveryUrl(`${sandbox.url}/us-east-1_Nope12345/.well-known/openid-configuration`)).toMatchObject({ ok: false, reason: "refused-url" });
    });
  });

  it("warns when the issuer is not the URL the document came from", async () => {
    const check = await verifyDiscoveryUrl(`${stubUrl}/other/.well-known/openid-configuration`);
    expect(check).toMatchObject({ ok: true, issuer: "https://issuer.example.com", warnings: [expect.stringMatching(/is not the URL the document was fetched from/), expect.stringMatching(/no token_endpoint/)] });
  });
});
