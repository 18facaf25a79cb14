// Cognito's OIDC side over HTTP: discovery, JWKS, the client-credentials token endpoint, and tokens verified with jose.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import {
  CognitoIdentityProviderClient,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DescribeUserPoolDomainCommand,
  type CreateUserPoolClientCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { CREDENTIALS, REGION, startSandbox, startWithClient, stopWithClient, waitFor, type TestSandbox } from "./helpers";
import { sandboxDiscoveryUrl, sandboxIssuer, sandboxTokenEndpoint } from "../../sandbox/services/cognito";

const SCOPES = ["agentcore-gateway/invoke", "agentcore-gateway/read"];

function cognitoClient(sandbox: { url: string }) {
  return new CognitoIdentityProviderClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
}

interface Setup {
  poolId: string;
  domain: string;
  clientId: string;
  clientSecret: string;
  tokenEndpoint: string;
}

let n = 0;

/** The console's quick create: pool, resource server with scopes, confidential M2M client, domain (ACTIVE). */
async function quickCreate(sandbox: TestSandbox, client: CognitoIdentityProviderClient, over: Partial<CreateUserPoolClientCommandInput> = {}): Promise<Setup> {
  const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: "gateway-pool" }));
  const poolId = UserPool!.Id!;
  await client.send(
    new CreateResourceServerCommand({
      UserPoolId: poolId,
      Identifier: "agentcore-gateway",
      Name: "gateway",
      Scopes: [
        { ScopeName: "invoke", ScopeDescription: "invoke" },
        { ScopeName: "read", ScopeDescription: "read" },
      ],
    }),
  );
  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: "m2m",
      GenerateSecret: true,
      AllowedOAuthFlows: ["client_credentials"],
      AllowedOAuthScopes: SCOPES,
      AllowedOAuthFlowsUserPoolClient: true,
      ...over,
    }),
  );
  const domain = `gw-${Date.now()}-${++n}`;
  await client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
  await waitFor(
    () => client.send(new DescribeUserPoolDomainCommand({ Domain: domain })),
    (d) => d.DomainDescription?.Status === "ACTIVE",
  );
  return { poolId, domain, clientId: UserPoolClient!.ClientId!, clientSecret: UserPoolClient!.ClientSecret!, tokenEndpoint: sandboxTokenEndpoint(sandbox.url, domain) };
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const FORM = "application/x-www-form-urlencoded";

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": FORM, ...headers }, body });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function tokenFor(s: Setup, body = "grant_type=client_credentials"): Promise<string> {
  const res = await post(s.tokenEndpoint, body, { authorization: basic(s.clientId, s.clientSecret) });
  expect(res.status).toBe(200);
  return res.body.access_token as string;
}

async function discovery(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** What a resource server (the gateway) does: JWKS from the discovery document, issuer checked exactly. */
async function verify(token: string, discoveryUrl: string) {
  const doc = await discovery(discoveryUrl);
  const jwks = createRemoteJWKSet(new URL(doc.jwks_uri as string));
  return jwtVerify(token, jwks, { issuer: doc.issuer as string, algorithms: ["RS256"] });
}

let sandbox: TestSandbox;
let client: CognitoIdentityProviderClient;
let s: Setup;

beforeAll(async () => {
  ({ sandbox, client } = await startWithClient(cognitoClient));
  s = await quickCreate(sandbox, client);
});
afterAll(() => stopWithClient(sandbox, client));

describe("discovery document and JWKS", () => {
  it("serves Cognito's discovery members, the issuer being the sandbox URL and the pool id", async () => {
    const doc = await discovery(sandboxDiscoveryUrl(sandbox.url, s.poolId));
    expect(doc.issuer).toBe(`${sandbox.url}/${s.poolId}`);
    expect(doc.issuer).toBe(sandboxIssuer(sandbox.url, s.poolId));
    expect(doc.jwks_uri).toBe(`${sandbox.url}/${s.poolId}/.well-known/jwks.json`);
    expect(doc.token_endpoint).toBe(`${sandbox.url}/oauth2/${s.domain}/token`);
    expect(doc.token_endpoint).toBe(s.tokenEndpoint);
    expect(doc.authorization_endpoint).toBe(`${sandbox.url}/oauth2/${s.domain}/authorize`);
    expect(doc.id_token_signing_alg_values_supported).toEqual(["RS256"]);
    expect(doc.response_types_supported).toEqual(["code", "token"]);
    expect(doc.subject_types_supported).toEqual(["public"]);
    expect(doc.scopes_supported).toEqual(["openid", "email", "phone", "profile"]);
    expect(doc.token_endpoint_auth_methods_supported).toEqual(["client_secret_basic", "client_secret_post"]);
  });

  it("a pool without a domain has no domain endpoints; an unknown pool is a 404", async () => {
    const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: "no-domain" }));
    const doc = await discovery(sandboxDiscoveryUrl(sandbox.url, UserPool!.Id!));
    expect(doc.issuer).toBe(`${sandbox.url}/${UserPool!.Id}`);
    expect(doc).not.toHaveProperty("token_endpoint");
    expect(doc).not.toHaveProperty("authorization_endpoint");
    const missing = await fetch(sandboxDiscoveryUrl(sandbox.url, "us-east-1_Missing00"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ message: "User pool us-east-1_Missing00 does not exist." });
    expect((await fetch(`${sandbox.url}/us-east-1_Missing00/.well-known/jwks.json`)).status).toBe(404);
  });

  it("the JWKS holds the pool's RSA public key only", async () => {
    const res = await fetch(`${sandbox.url}/${s.poolId}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0])).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    expect(keys[0]).toMatchObject({ alg: "RS256", kty: "RSA", use: "sig", e: "AQAB" });
    expect(keys[0].kid).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(keys[0].n, "base64url").length).toBe(256);
  });
});

describe("token endpoint: client credentials", () => {
  it("issues an RS256 access token that jose verifies with the discovery issuer and JWKS", async () => {
    const res = await post(s.tokenEndpoint, "grant_type=client_credentials", { authorization: basic(s.clientId, s.clientSecret) });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["access_token", "expires_in", "token_type"]);
    expect(res.body).toMatchObject({ expires_in: 3600, token_type: "Bearer" });
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const token = res.body.access_token as string;
    const { payload, protectedHeader } = await verify(token, sandboxDiscoveryUrl(sandbox.url, s.poolId));
    const jwks = (await (await fetch(`${sandbox.url}/${s.poolId}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect(protectedHeader).toEqual({ kid: jwks.keys[0].kid, alg: "RS256" });
    expect(payload.sub).toBe(s.clientId);
    expect(payload.client_id).toBe(s.clientId);
    expect(payload.token_use).toBe("access");
    expect(payload.scope).toBe(SCOPES.join(" "));
    expect(payload.iss).toBe(`${sandbox.url}/${s.poolId}`);
    expect(payload.version).toBe(2);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.auth_time).toBe(payload.iat);
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(60);
    // Cognito access tokens carry client_id, never aud: a gateway must use allowedClients, not allowedAudience.
    expect(payload).not.toHaveProperty("aud");
    expect(Object.keys(payload).sort()).toEqual(["auth_time", "client_id", "exp", "iat", "iss", "jti", "scope", "sub", "token_use", "version"]);
  });

  it("accepts the client credentials in the form body too (client_secret_post)", async () => {
    const body = new URLSearchParams({ grant_type: "client_credentials", client_id: s.clientId, client_secret: s.clientSecret });
    const res = await post(s.tokenEndpoint, body.toString());
    expect(res.status).toBe(200);
    const { payload } = await verify(res.body.access_token as string, sandboxDiscoveryUrl(sandbox.url, s.poolId));
    expect(payload.client_id).toBe(s.clientId);
  });

  it("grants a requested subset of the allowed scopes", async () => {
    const token = await tokenFor(s, "grant_type=client_credentials&scope=agentcore-gateway%2Fread");
    const { payload } = await verify(token, sandboxDiscoveryUrl(sandbox.url, s.poolId));
    expect(payload.scope).toBe("agentcore-gateway/read");
  });

  it("POST /oauth2/token finds the pool from the client id", async () => {
    const res = await post(`${sandbox.url}/oauth2/token`, "grant_type=client_credentials", { authorization: basic(s.clientId, s.clientSecret) });
    expect(res.status).toBe(200);
    const { payload } = await verify(res.body.access_token as string, sandboxDiscoveryUrl(sandbox.url, s.poolId));
    expect(payload.sub).toBe(s.clientId);
  });

  it("honours the client's access token validity", async () => {
    const short = await quickCreate(sandbox, client, { AccessTokenValidity: 15, TokenValidityUnits: { AccessToken: "minutes" } });
    const res = await post(short.tokenEndpoint, "grant_type=client_credentials", { authorization: basic(short.clientId, short.clientSecret) });
    expect(res.body.expires_in).toBe(900);
    const { payload } = await verify(res.body.access_token as string, sandboxDiscoveryUrl(sandbox.url, short.poolId));
    expect(payload.exp! - payload.iat!).toBe(900);
  });
});

describe("token endpoint: OAuth errors", () => {
  const expectError = (res: { status: number; body: Record<string, unknown> }, status: number, error: string) => {
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
  };

  it("invalid_client: wrong secret (401 with a Basic challenge, 400 from the body), unknown or missing secret", async () => {
    const viaBasic = await post(s.tokenEndpoint, "grant_type=client_credentials", { authorization: basic(s.clientId, "wrong-secret") });
    expectError(viaBasic, 401, "invalid_client");
    expect(viaBasic.headers.get("www-authenticate")).toMatch(/^Basic/);
    expectError(await post(s.tokenEndpoint, `grant_type=client_credentials&client_id=${s.clientId}&client_secret=wrong`), 400, "invalid_client");
    expectError(await post(s.tokenEndpoint, `grant_type=client_credentials&client_id=${s.clientId}`), 400, "invalid_client");
    expectError(await post(s.tokenEndpoint, "grant_type=client_credentials", { authorization: basic("unknownclient0000000000000", "x") }), 401, "invalid_client");
  });

  it("invalid_client: a client of another pool than the domain's", async () => {
    const other = await quickCreate(sandbox, client);
    expectError(await post(s.tokenEndpoint, "grant_type=client_credentials", { authorization: basic(other.clientId, other.clientSecret) }), 401, "invalid_client");
  });

  it("invalid_request: no client id, no grant_type, not a form body", async () => {
    expectError(await post(s.tokenEndpoint, "grant_type=client_credentials"), 400, "invalid_request");
    expectError(await post(s.tokenEndpoint, "", { authorization: basic(s.clientId, s.clientSecret) }), 400, "invalid_request");
    const asJson = await fetch(s.tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: basic(s.clientId, s.clientSecret) },
      body: JSON.stringify({ grant_type: "client_credentials" }),
    });
    expect(asJson.status).toBe(400);
    expect(((await asJson.json()) as { error: string }).error).toBe("invalid_request");
  });

  it("unsupported_grant_type", async () => {
    expectError(await post(s.tokenEndpoint, "grant_type=password&username=a&password=b", { authorization: basic(s.clientId, s.clientSecret) }), 400, "unsupported_grant_type");
  });

  it("invalid_scope: a scope the client is not allowed", async () => {
    const res = await post(s.tokenEndpoint, "grant_type=client_credentials&scope=agentcore-gateway%2Finvoke%20agentcore-gateway%2Fadmin", {
      authorization: basic(s.clientId, s.clientSecret),
    });
    expectError(res, 400, "invalid_scope");
    expectError(await post(s.tokenEndpoint, "grant_type=client_credentials&scope=openid", { authorization: basic(s.clientId, s.clientSecret) }), 400, "invalid_scope");
  });

  it("unauthorized_client: a client without the client_credentials grant", async () => {
    // A confidential client with OAuth switched off, and one allowed only the code grant.
    const { UserPoolClient: off } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: s.poolId, ClientName: "no-oauth", GenerateSecret: true }));
    expectError(await post(s.tokenEndpoint, "grant_type=client_credentials", { authorization: basic(off!.ClientId!, off!.ClientSecret!) }), 400, "unauthorized_client");
    const { UserPoolClient: web } = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: s.poolId,
        ClientName: "web",
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ["code"],
        AllowedOAuthScopes: ["openid"],
        CallbackURLs: ["https://console.example.com/cb"],
      }),
    );
    expectError(await post(s.tokenEndpoint, "grant_type=client_credentials", { authorization: basic(web!.ClientId!, web!.ClientSecret!) }), 400, "unauthorized_client");
  });

  it("an unknown domain is a 404", async () => {
    const res = await post(sandboxTokenEndpoint(sandbox.url, "no-such-domain"), "grant_type=client_credentials", { authorization: basic(s.clientId, s.clientSecret) });
    expect(res.status).toBe(404);
  });
});

describe("token verification failures", () => {
  it("a tampered token fails: payload changed, signature changed, signed by another pool", async () => {
    const token = await tokenFor(s);
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as JWTPayload;
    const forged = Buffer.from(JSON.stringify({ ...claims, scope: "agentcore-gateway/admin" })).toString("base64url");
    await expect(verify(`${header}.${forged}.${signature}`, sandboxDiscoveryUrl(sandbox.url, s.poolId))).rejects.toMatchObject({ code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    await expect(verify(`${header}.${payload}.${flipped}`, sandboxDiscoveryUrl(sandbox.url, s.poolId))).rejects.toMatchObject({ code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    // A genuine token of another pool: its kid is not in this pool's JWKS, and its issuer differs.
    const other = await quickCreate(sandbox, client);
    await expect(verify(await tokenFor(other), sandboxDiscoveryUrl(sandbox.url, s.poolId))).rejects.toMatchObject({ code: "ERR_JWKS_NO_MATCHING_KEY" });
  });

  it("an expired token fails (issued by a sandbox whose clock runs two hours behind)", async () => {
    const late = await startSandbox({ clock: () => Date.now() - 2 * 3600 * 1000 });
    const lateClient = cognitoClient(late);
    try {
      const setup = await quickCreate(late, lateClient);
      const token = await tokenFor(setup);
      const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()) as JWTPayload;
      expect(claims.exp!).toBeLessThan(Date.now() / 1000);
      await expect(verify(token, sandboxDiscoveryUrl(late.url, setup.poolId))).rejects.toMatchObject({ code: "ERR_JWT_EXPIRED" });
    } finally {
      lateClient.destroy();
      await late.dispose();
    }
  });
});

describe("domain lifecycle and persistence", () => {
  it("the token endpoint answers 404 while the domain is CREATING, then issues tokens once ACTIVE", async () => {
    sandbox.settings.lifecycleDelayMs = 400;
    try {
      const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: "slow-domain" }));
      const poolId = UserPool!.Id!;
      await client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: "api", Name: "api", Scopes: [{ ScopeName: "call", ScopeDescription: "call" }] }));
      const { UserPoolClient: c } = await client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: "m2m",
          GenerateSecret: true,
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ["client_credentials"],
          AllowedOAuthScopes: ["api/call"],
        }),
      );
      const domain = `slow-${Date.now()}`;
      await client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
      // The discovery document already names the token endpoint, as Cognito's does once a domain is configured.
      const doc = await discovery(sandboxDiscoveryUrl(sandbox.url, poolId));
      expect(doc.token_endpoint).toBe(sandboxTokenEndpoint(sandbox.url, domain));
      const auth = { authorization: basic(c!.ClientId!, c!.ClientSecret!) };
      const early = await post(doc.token_endpoint as string, "grant_type=client_credentials", auth);
      expect(early.status).toBe(404);
      expect((await client.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription?.Status).toBe("CREATING");
      await waitFor(
        () => client.send(new DescribeUserPoolDomainCommand({ Domain: domain })),
        (d) => d.DomainDescription?.Status === "ACTIVE",
      );
      const ok = await post(doc.token_endpoint as string, "grant_type=client_credentials", auth);
      expect(ok.status).toBe(200);
      expect(decodeProtectedHeader(ok.body.access_token as string).alg).toBe("RS256");
    } finally {
      sandbox.settings.lifecycleDelayMs = 0;
    }
  });

  it("the signing key survives a restart: old tokens still verify against the new JWKS", async () => {
    const token = await tokenFor(s);
    const jwksBefore = await (await fetch(`${sandbox.url}/${s.poolId}/.well-known/jwks.json`)).json();
    client.destroy();
    sandbox = await sandbox.restart();
    client = cognitoClient(sandbox);
    const jwksAfter = (await (await fetch(`${sandbox.url}/${s.poolId}/.well-known/jwks.json`)).json()) as Parameters<typeof createLocalJWKSet>[0];
    expect(jwksAfter).toEqual(jwksBefore);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwksAfter), { algorithms: ["RS256"] });
    expect(payload.client_id).toBe(s.clientId);
    const fresh = await post(sandboxTokenEndpoint(sandbox.url, s.domain), "grant_type=client_credentials", { authorization: basic(s.clientId, s.clientSecret) });
    expect(fresh.status).toBe(200);
  });
});
