// The Cognito name and scope rules against the model extract, the quick-create schema, OIDC URL construction and the token curl.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as sandboxUrls from "@/formats/cognito-urls";
import {
  CLIENT_ID_MAX,
  CLIENT_ID_PATTERN,
  CLIENT_NAME_MAX,
  CLIENT_NAME_PATTERN,
  CLIENT_SCOPES_MAX,
  DOMAIN_MAX,
  DOMAIN_PATTERN,
  POOL_ID_MAX,
  POOL_ID_PATTERN,
  POOL_NAME_MAX,
  POOL_NAME_PATTERN,
  RESOURCE_SERVER_IDENTIFIER_MAX,
  RESOURCE_SERVER_IDENTIFIER_PATTERN,
  RESOURCE_SERVER_NAME_MAX,
  RESOURCE_SERVER_NAME_PATTERN,
  SCOPE_MAX,
  SCOPE_NAME_MAX,
  SCOPE_NAME_PATTERN,
  SCOPE_PATTERN,
  clientIdSchema,
  clientNameSchema,
  cognitoDiscoveryUrl,
  cognitoIssuer,
  cognitoTokenEndpoint,
  defaultQuickCreateValues,
  domainPrefixSchema,
  fullScopes,
  newGatewayHref,
  parseCognitoDiscoveryUrl,
  poolIdSchema,
  poolNameSchema,
  quickCreateReportSchema,
  quickCreateSchema,
  randomSuffix,
  resourceServerIdentifierSchema,
  resourceServerNameSchema,
  stepDone,
  tokenCurlCommand,
  type QuickCreateReport,
} from "./cognito";

type Traits = { "smithy.api#pattern"?: string; "smithy.api#length"?: { min?: number; max?: number } };
const NS = "com.amazonaws.cognitoidentityprovider#";
const model = JSON.parse(readFileSync(new URL("../../sandbox/models/cognito-identity-provider.json", import.meta.url), "utf8")) as {
  shapes: Record<string, { type: string; traits?: Traits; members?: Record<string, { target: string }> }>;
};
const traits = (shape: string): Traits => {
  const s = model.shapes[NS + shape];
  if (!s) throw new Error(`no shape ${shape}`);
  return s.traits ?? {};
};
const member = (struct: string, name: string) => model.shapes[NS + struct].members![name].target.replace(NS, "");

describe("constraints match the Cognito model", () => {
  it.each([
    ["CreateUserPoolRequest", "PoolName", POOL_NAME_PATTERN, POOL_NAME_MAX],
    ["CreateUserPoolDomainRequest", "Domain", DOMAIN_PATTERN, DOMAIN_MAX],
    ["CreateResourceServerRequest", "Identifier", RESOURCE_SERVER_IDENTIFIER_PATTERN, RESOURCE_SERVER_IDENTIFIER_MAX],
    ["CreateResourceServerRequest", "Name", RESOURCE_SERVER_NAME_PATTERN, RESOURCE_SERVER_NAME_MAX],
    ["ResourceServerScopeType", "ScopeName", SCOPE_NAME_PATTERN, SCOPE_NAME_MAX],
    ["CreateUserPoolClientRequest", "ClientName", CLIENT_NAME_PATTERN, CLIENT_NAME_MAX],
    ["CreateUserPoolClientRequest", "UserPoolId", POOL_ID_PATTERN, POOL_ID_MAX],
    ["DescribeUserPoolClientRequest", "ClientId", CLIENT_ID_PATTERN, CLIENT_ID_MAX],
  ])("%s.%s", (struct, name, pattern, max) => {
    const t = traits(member(struct, name));
    expect(t["smithy.api#pattern"]).toBe(pattern);
    expect(t["smithy.api#length"]?.max).toBe(max);
    expect(t["smithy.api#length"]?.min).toBe(1);
  });

  it("client scopes: ScopeType pattern and length, at most 50 per client", () => {
    const list = member("CreateUserPoolClientRequest", "AllowedOAuthScopes");
    expect(traits(list)["smithy.api#length"]?.max).toBe(CLIENT_SCOPES_MAX);
    const scope = model.shapes[NS + list] as unknown as { member: { target: string } };
    const t = traits(scope.member.target.replace(NS, ""));
    expect(t["smithy.api#pattern"]).toBe(SCOPE_PATTERN);
    expect(t["smithy.api#length"]?.max).toBe(SCOPE_MAX);
  });
});

const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, v: unknown) => schema.safeParse(v).success;

/** The schema accepts every one of `good` and refuses every one of `bad` (each named when it fails). */
function expectNames(schema: Parameters<typeof ok>[0], good: string[], bad: string[]) {
  for (const v of good) expect(ok(schema, v), v).toBe(true);
  for (const v of bad) expect(ok(schema, v), v).toBe(false);
}

describe("name rules", () => {
  it("pool names: word characters, spaces and + = , . @ -, up to 128", () => {
    expectNames(poolNameSchema, ["agentcore-gateway-x1", "My pool+=,.@_-", "a".repeat(128)], ["a".repeat(129), "", "pool/one", "pool#1"]);
  });

  it("domain prefixes: lowercase letters, digits, inner hyphens, no reserved words", () => {
    expectNames(domainPrefixSchema, ["agentcore-gateway-x1", "a", "a".repeat(63)], ["a".repeat(64), "Upper", "-lead", "trail-", "has.dot"]);
    for (const word of ["my-aws-domain", "amazonish", "cognito-test"]) {
      const r = domainPrefixSchema.safeParse(word);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].message).toMatch(/cannot contain aws, amazon, cognito/);
    }
  });

  it("resource server identifiers: printable ASCII without space, quote or backslash", () => {
    expectNames(resourceServerIdentifierSchema, ["agentcore-gateway", "https://api.example.com/gateway"], ["has space", 'quo"te', "back\\slash", "x".repeat(257)]);
    expectNames(resourceServerNameSchema, ["AgentCore Gateway"], ["bad/name"]);
  });

  it("app client names and ids", () => {
    expectNames(clientNameSchema, ["agentcore-gateway-client"], ["x".repeat(129), "bad:name"]);
    expectNames(clientIdSchema, ["4f0s6gk1rj6stbd3a1mrr7hvvu"], ["bad-id"]);
    expectNames(poolIdSchema, ["us-east-1_AbCdEfGhI"], ["us-east-1", "../us-east-1_x"]);
  });
});

describe("quickCreateSchema", () => {
  const base = defaultQuickCreateValues("abc123");

  it("accepts the prefilled values and splits the scopes", () => {
    const r = quickCreateSchema.parse({ ...base, scopes: " invoke, read  write " });
    expect(r.scopes).toEqual(["invoke", "read", "write"]);
    expect(fullScopes(r)).toEqual(["agentcore-gateway/invoke", "agentcore-gateway/read", "agentcore-gateway/write"]);
  });

  it("prefills names with one suffix that satisfy every rule", () => {
    expect(base).toMatchObject({ poolName: "agentcore-gateway-abc123", domainPrefix: "agentcore-gateway-abc123", clientName: "agentcore-gateway-client-abc123", scopes: "invoke" });
    for (let i = 0; i < 200; i++) expect(quickCreateSchema.safeParse(defaultQuickCreateValues()).success).toBe(true);
  });

  it("random suffixes never spell a reserved domain word", () => {
    let n = 0;
    const seq = () => (n++ % 30) / 30;
    const s = randomSuffix(60, seq);
    expect(s).toMatch(/^[a-z0-9]+$/);
    expect(s).not.toMatch(/aws|amazon|cognito|[aeiou]/);
  });

  it.each([
    ["", /at least one scope/],
    ["in/voke", /may not contain \//],
    ['in"voke', /may not contain/],
    ["invoke invoke", /listed twice/],
    [Array.from({ length: 51 }, (_, i) => `s${i}`).join(" "), /at most 50 scopes/],
  ])("refuses scopes %j", (scopes, message) => {
    const r = quickCreateSchema.safeParse({ ...base, scopes });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === "scopes")?.message).toMatch(message);
  });

  it("refuses identifier/scope longer than 256 characters", () => {
    const r = quickCreateSchema.safeParse({ ...base, resourceServerIdentifier: "x".repeat(250), scopes: "invoke1" });
    expect(r.error?.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/longer than 256/));
  });

  it("reports every invalid field at once", () => {
    const r = quickCreateSchema.safeParse({ poolName: "", domainPrefix: "AWS", resourceServerIdentifier: "a b", resourceServerName: "", scopes: "", clientName: "" });
    expect(new Set(r.error?.issues.map((i) => i.path[0]))).toEqual(new Set(["poolName", "domainPrefix", "resourceServerIdentifier", "resourceServerName", "scopes", "clientName"]));
  });
});

describe("quick-create reports", () => {
  const report: QuickCreateReport = {
    runId: "0b8f6f0e-4c1a-4b8e-9a51-2f1d1c0e5a77",
    region: "us-east-1",
    input: quickCreateSchema.parse(defaultQuickCreateValues("abc123")),
    poolId: "us-east-1_AbCdEfGhI",
    domain: "agentcore-gateway-abc123",
    domainStatus: "CREATING",
    errors: { client: { message: "AWS had an internal error.", errorName: "InternalErrorException" } },
  };

  it("round-trip through the schema the actions check them with", () => {
    expect(quickCreateReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it("say which steps are done", () => {
    expect(stepDone(report, "pool")).toBe(true);
    expect(stepDone(report, "domain")).toBe(true);
    expect(stepDone(report, "resourceServer")).toBe(false);
    expect(stepDone(report, "client")).toBe(false);
    expect(stepDone(report, "domainActive")).toBe(false);
    expect(stepDone({ ...report, domainStatus: "ACTIVE" }, "domainActive")).toBe(true);
  });

  it("refuse a tampered pool id or region", () => {
    expect(quickCreateReportSchema.safeParse({ ...report, poolId: "x" }).success).toBe(false);
    expect(quickCreateReportSchema.safeParse({ ...report, region: "http://evil" }).success).toBe(false);
    expect(quickCreateReportSchema.safeParse({ ...report, runId: "nope" }).success).toBe(false);
  });
});

describe("OIDC URLs", () => {
  const aws = { backend: "aws" } as const;
  const sandbox = { backend: "sandbox", baseUrl: "http://127.0.0.1:4599/" } as const;
  const pool = "eu-west-1_AbCdEfGhI";

  it("on AWS: cognito-idp issuer, well-known discovery, prefix-domain token endpoint", () => {
    expect(cognitoIssuer(aws, pool)).toBe("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI");
    expect(cognitoDiscoveryUrl(aws, pool)).toBe("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI/.well-known/openid-configuration");
    expect(cognitoTokenEndpoint(aws, "my-gw", "eu-west-1")).toBe("https://my-gw.auth.eu-west-1.amazoncognito.com/oauth2/token");
    expect(cognitoTokenEndpoint(aws, "auth.example.com", "eu-west-1", true)).toBe("https://auth.example.com/oauth2/token");
  });

  it("in the sandbox: under the SDK endpoint, as the sandbox serves them", () => {
    expect(cognitoIssuer(sandbox, pool)).toBe("http://127.0.0.1:4599/eu-west-1_AbCdEfGhI");
    expect(cognitoDiscoveryUrl(sandbox, pool)).toBe("http://127.0.0.1:4599/eu-west-1_AbCdEfGhI/.well-known/openid-configuration");
    expect(cognitoTokenEndpoint(sandbox, "my-gw", "eu-west-1")).toBe("http://127.0.0.1:4599/oauth2/my-gw/token");
    expect(cognitoDiscoveryUrl(sandbox, pool)).toBe(sandboxUrls.sandboxDiscoveryUrl(sandbox.baseUrl, pool));
    expect(cognitoTokenEndpoint(sandbox, "my-gw", "x")).toBe(sandboxUrls.sandboxTokenEndpoint(sandbox.baseUrl, "my-gw"));
  });

  it("discovery URLs are accepted by the gateway model's pattern", () => {
    const pattern = /^.+\/\.well-known\/openid-configuration$/;
    expect(cognitoDiscoveryUrl(aws, pool)).toMatch(pattern);
    expect(cognitoDiscoveryUrl(sandbox, pool)).toMatch(pattern);
  });

  it("parses a Cognito discovery URL back to its pool (AWS and sandbox), else null", () => {
    expect(parseCognitoDiscoveryUrl(cognitoDiscoveryUrl(aws, pool))).toEqual({ poolId: pool, region: "eu-west-1" });
    expect(parseCognitoDiscoveryUrl(cognitoDiscoveryUrl(sandbox, pool))).toEqual({ poolId: pool, region: "eu-west-1" });
    expect(parseCognitoDiscoveryUrl("https://example.okta.com/oauth2/default/.well-known/openid-configuration")).toBeNull();
    expect(parseCognitoDiscoveryUrl("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X")).toBeNull();
  });

  it("links to the gateway form with the discovery URL and client id only", () => {
    const href = newGatewayHref(cognitoDiscoveryUrl(aws, pool), "abc123");
    const u = new URL(href, "http://x");
    expect(u.pathname).toBe("/gateways/new");
    expect([...u.searchParams.keys()]).toEqual(["discoveryUrl", "clientId"]);
    expect(u.searchParams.get("discoveryUrl")).toBe(cognitoDiscoveryUrl(aws, pool));
  });
});

describe("tokenCurlCommand", () => {
  it("keeps the secret a shell variable and quotes everything else", () => {
    const cmd = tokenCurlCommand("https://gw.auth.us-east-1.amazoncognito.com/oauth2/token", "abc123", ["agentcore-gateway/invoke", "it's/x"]);
    expect(cmd).toBe(
      [
        "curl -sS -X POST 'https://gw.auth.us-east-1.amazoncognito.com/oauth2/token' \\",
        "  -H 'Content-Type: application/x-www-form-urlencoded' \\",
        `  -u 'abc123:'"$CLIENT_SECRET" \\`,
        "  --data-urlencode 'grant_type=client_credentials' \\",
        `  --data-urlencode 'scope=agentcore-gateway/invoke it'\\''s/x'`,
      ].join("\n"),
    );
  });

  it("omits the scope when none is asked for", () => {
    expect(tokenCurlCommand("http://127.0.0.1:4599/oauth2/d/token", "abc")).not.toContain("scope=");
  });
});
