// Fast checks through the in-process handler (no socket): ids, the token claims, the URL helpers.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSandboxCore } from "../../core/server";
import { generateSigningKey, publicJwk, signJwt } from "./jwt";
import { accessTokenTtlSeconds, newClientId, newClientSecret, newPoolId } from "./models";
import { awsDiscoveryUrl, awsIssuer, awsTokenEndpoint, regionOfPoolId, sandboxDiscoveryUrl, sandboxTokenEndpoint } from "../../../formats/cognito-urls";

const BASE = "http://sandbox.local";

async function call(core: ReturnType<typeof createSandboxCore>, operation: string, body: unknown) {
  const res = await core.dispatch({
    method: "POST",
    path: "/",
    query: new URLSearchParams(),
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSCognitoIdentityProviderService.${operation}`,
      authorization: "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=0",
    },
    body: Buffer.from(JSON.stringify(body)),
  });
  return { status: res.status, body: JSON.parse(res.body.toString()) };
}

describe("ids", () => {
  it("look like Cognito's", () => {
    expect(newPoolId("eu-west-3")).toMatch(/^eu-west-3_[0-9A-Za-z]{9}$/);
    expect(newClientId()).toMatch(/^[a-z0-9]{26}$/);
    expect(newClientSecret()).toMatch(/^[a-z0-9]{51}$/);
  });
});

describe("urls", () => {
  it("derive the AWS and sandbox locations", () => {
    expect(regionOfPoolId("us-west-2_AbCdEfGhI")).toBe("us-west-2");
    expect(awsIssuer("us-west-2_AbCdEfGhI")).toBe("https://cognito-idp.us-west-2.amazonaws.com/us-west-2_AbCdEfGhI");
    expect(awsDiscoveryUrl("us-west-2_AbCdEfGhI")).toBe("https://cognito-idp.us-west-2.amazonaws.com/us-west-2_AbCdEfGhI/.well-known/openid-configuration");
    expect(awsTokenEndpoint("my-gw", "us-west-2")).toBe("https://my-gw.auth.us-west-2.amazoncognito.com/oauth2/token");
    expect(sandboxDiscoveryUrl("http://127.0.0.1:4599/", "us-west-2_AbCdEfGhI")).toBe("http://127.0.0.1:4599/us-west-2_AbCdEfGhI/.well-known/openid-configuration");
    expect(sandboxTokenEndpoint("http://127.0.0.1:4599", "my-gw")).toBe("http://127.0.0.1:4599/oauth2/my-gw/token");
  });
});

describe("jwt", () => {
  it("signs RS256 tokens the public JWK verifies", async () => {
    const key = await generateSigningKey();
    const token = signJwt(key, { sub: "x" });
    const [h, p, s] = token.split(".");
    expect(JSON.parse(Buffer.from(h, "base64url").toString())).toEqual({ kid: key.kid, alg: "RS256" });
    const pub = crypto.createPublicKey({ key: { ...publicJwk(key) }, format: "jwk" });
    expect(crypto.verify("sha256", Buffer.from(`${h}.${p}`), pub, Buffer.from(s, "base64url"))).toBe(true);
    expect(publicJwk(key)).not.toHaveProperty("d");
  });

  it("access token lifetime follows the client's validity and unit", () => {
    expect(accessTokenTtlSeconds({})).toBe(3600);
    expect(accessTokenTtlSeconds({ AccessTokenValidity: 2 })).toBe(7200);
    expect(accessTokenTtlSeconds({ AccessTokenValidity: 30, TokenValidityUnits: { AccessToken: "minutes" } })).toBe(1800);
  });
});

describe("in process", () => {
  it("quick create and a token, with no socket", async () => {
    const core = createSandboxCore({ dataDir: null, lifecycleDelayMs: 0, baseUrl: BASE });
    const pool = (await call(core, "CreateUserPool", { PoolName: "p" })).body.UserPool;
    await call(core, "CreateResourceServer", { UserPoolId: pool.Id, Identifier: "gw", Name: "gw", Scopes: [{ ScopeName: "invoke", ScopeDescription: "d" }] });
    const c = (
      await call(core, "CreateUserPoolClient", {
        UserPoolId: pool.Id,
        ClientName: "m2m",
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ["client_credentials"],
        AllowedOAuthScopes: ["gw/invoke"],
      })
    ).body.UserPoolClient;
    expect((await call(core, "CreateUserPoolDomain", { UserPoolId: pool.Id, Domain: "unit-domain" })).status).toBe(200);
    const res = await core.dispatch({
      method: "POST",
      path: "/oauth2/unit-domain/token",
      query: new URLSearchParams(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: Buffer.from(new URLSearchParams({ grant_type: "client_credentials", client_id: c.ClientId, client_secret: c.ClientSecret }).toString()),
    });
    expect(res.status).toBe(200);
    const claims = JSON.parse(Buffer.from(JSON.parse(res.body.toString()).access_token.split(".")[1], "base64url").toString());
    expect(claims).toMatchObject({ iss: `${BASE}/${pool.Id}`, client_id: c.ClientId, sub: c.ClientId, scope: "gw/invoke", token_use: "access", version: 2 });
    expect(claims).not.toHaveProperty("aud");
  });
});
