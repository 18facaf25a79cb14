// CUSTOM_JWT inbound auth of the sandbox's gateways: every check with its failure, DEBUG vs generic bodies, the OAuth metadata.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BedrockAgentCoreControlClient } from "@aws-sdk/client-bedrock-agentcore-control";
import { agentCoreClient, startSandbox, waitFor, type TestSandbox } from "./helpers";
import { INIT, cognitoM2m, localOidcProvider, mcpClient, readyGateway, rpc } from "./gateway-runtime-helpers";

let sandbox: TestSandbox;
let client: BedrockAgentCoreControlClient;
let idp: Awaited<ReturnType<typeof localOidcProvider>>;

beforeAll(async () => {
  sandbox = await startSandbox();
  client = agentCoreClient(sandbox);
  idp = await localOidcProvider();
});
afterAll(async () => {
  await idp.close();
  await sandbox.dispose();
});

const jwtGateway = (rules: Record<string, unknown>, debug = true) =>
  readyGateway(client, { authorizerType: "CUSTOM_JWT", authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: idp.discoveryUrl, ...rules } }, ...(debug ? { exceptionLevel: "DEBUG" } : {}) });

/** The same token with another payload (the signature no longer matches). */
function tamper(token: string): string {
  const [header, , signature] = token.split(".");
  return [header, Buffer.from(JSON.stringify({ client_id: "agent-app", tenant: "evil" })).toString("base64url"), signature].join(".");
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("CUSTOM_JWT with an OIDC provider on loopback", () => {
  let url: string;
  let gatewayId: string;
  beforeAll(async () => {
    ({ gatewayUrl: url, gatewayId } = await jwtGateway({
      allowedClients: ["agent-app"],
      allowedAudience: ["gateway-api"],
      allowedScopes: ["tools/invoke"],
      customClaims: [
        { inboundTokenClaimName: "tenant", inboundTokenClaimValueType: "STRING", authorizingClaimMatchValue: { claimMatchOperator: "EQUALS", claimMatchValue: { matchValueString: "acme" } } },
        { inboundTokenClaimName: "groups", inboundTokenClaimValueType: "STRING_ARRAY", authorizingClaimMatchValue: { claimMatchOperator: "CONTAINS_ANY", claimMatchValue: { matchValueStringList: ["admins", "ops"] } } },
      ],
    }));
  });
  const good = { client_id: "agent-app", aud: "gateway-api", scope: "tools/read tools/invoke", tenant: "acme", groups: ["dev", "ops"] };

  it("serves a token that passes every check, through the MCP SDK client", async () => {
    const mcp = await mcpClient(url, bearer(await idp.token(good)));
    expect((await mcp.listTools()).tools).toEqual([]);
    await mcp.close();
  });

  it("refuses a missing token with 401 and a WWW-Authenticate challenge pointing at the protected-resource metadata, which it serves", async () => {
    const res = await rpc(url, INIT);
    expect(res.status).toBe(401);
    const challenge = res.headers.get("www-authenticate")!;
    const metadataUrl = `${sandbox.url}/.well-known/oauth-protected-resource/gateway-runtime/us-east-1/${gatewayId}/mcp`;
    expect(challenge).toBe(`Bearer resource_metadata="${metadataUrl}"`);
    expect(res.json?.error?.message).toContain("no Bearer token");
    const doc = (await (await fetch(metadataUrl)).json()) as Record<string, unknown>;
    expect(doc).toEqual({ resource: url, authorization_servers: [idp.issuer], bearer_methods_supported: ["header"], scopes_supported: ["tools/invoke"] });
  });

  const cases: [string, () => Promise<string>, string][] = [
    ["tampered", async () => tamper(await idp.token(good)), "signature is not valid"],
    ["expired", () => idp.token(good, { expiresIn: Math.floor(Date.now() / 1000) - 60 }), "expired"],
    ["not yet valid", () => idp.token(good, { notBefore: Math.floor(Date.now() / 1000) + 3600 }), "not valid yet"],
    ["from another issuer", () => idp.token(good, { issuer: "https://evil.example.com" }), "issuer"],
    ["for a client not allowed", () => idp.token({ ...good, client_id: "other-app" }), "client_id other-app is not in allowedClients"],
    ["for another audience", () => idp.token({ ...good, aud: "other-api" }), "audience other-api is not in allowedAudience"],
    ["without the scope", () => idp.token({ ...good, scope: "tools/read" }), "include none of allowedScopes"],
    ["failing an EQUALS claim", () => idp.token({ ...good, tenant: "globex" }), "tenant claim does not equal"],
    ["failing a CONTAINS_ANY claim", () => idp.token({ ...good, groups: ["dev"] }), "groups claim contains none"],
    ["not a JWT", async () => "garbage", "not a valid JWT"],
  ];
  for (const [what, token, reason] of cases) {
    it(`refuses a token ${what} with 401, saying why under DEBUG`, async () => {
      const res = await rpc(url, INIT, bearer(await token()));
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer resource_metadata="[^"]+", error="invalid_token"$/);
      expect(res.json?.error?.message).toContain(reason);
    });
  }

  it("refetches the JWKS when a token carries an unknown kid (the provider rotated its key)", async () => {
    expect((await rpc(url, INIT, bearer(await idp.token(good)))).status).toBe(200);
    idp.rotate();
    const rotated = await idp.token(good);
    const res = await waitFor(
      () => rpc(url, INIT, bearer(rotated)),
      (r) => r.status === 200,
    );
    expect(res.status).toBe(200);
  });

  it("keeps the body generic without DEBUG", async () => {
    const g = await jwtGateway({ allowedClients: ["agent-app"] }, false);
    const res = await rpc(g.gatewayUrl, INIT, bearer(await idp.token({ client_id: "other-app" })));
    expect(res.status).toBe(401);
    expect(res.json?.error?.message).toBe("Unauthorized");
  });

  it("checks CONTAINS on a string array claim", async () => {
    const g = await jwtGateway({
      customClaims: [{ inboundTokenClaimName: "roles", inboundTokenClaimValueType: "STRING_ARRAY", authorizingClaimMatchValue: { claimMatchOperator: "CONTAINS", claimMatchValue: { matchValueString: "invoker" } } }],
    });
    expect((await rpc(g.gatewayUrl, INIT, bearer(await idp.token({ roles: ["reader", "invoker"] })))).status).toBe(200);
    expect((await rpc(g.gatewayUrl, INIT, bearer(await idp.token({ roles: ["reader"] })))).status).toBe(401);
  });
});

describe("CUSTOM_JWT with a sandbox Cognito pool", () => {
  it("accepts a Cognito access token on allowedClients, and rejects it on an allowedAudience-only gateway (no aud claim)", async () => {
    const pool = await cognitoM2m(sandbox.url);
    const token = await pool.token();
    const clients = await readyGateway(client, {
      authorizerType: "CUSTOM_JWT",
      authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: pool.discoveryUrl, allowedClients: [pool.clientId], allowedScopes: ["agentcore-gateway/invoke"] } },
    });
    expect((await rpc(clients.gatewayUrl, INIT, bearer(token))).status).toBe(200);

    const audience = await readyGateway(client, {
      authorizerType: "CUSTOM_JWT",
      exceptionLevel: "DEBUG",
      authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: pool.discoveryUrl, allowedAudience: [pool.clientId] } },
    });
    const res = await rpc(audience.gatewayUrl, INIT, bearer(token));
    expect(res.status).toBe(401);
    expect(res.json?.error?.message).toContain("no aud claim");
  });
});
