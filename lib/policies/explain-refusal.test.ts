import { describe, expect, it } from "vitest";
import { explainRefusal, explainTargetFailure, isCognitoDiscoveryUrl, parseAccessDenied, type RefusalInput } from "./explain-refusal";

const NOW = Date.UTC(2025, 0, 1, 12);
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: "RS256", kid: "k1" })}.${b64(claims)}.c2ln`;
const ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI";
const COGNITO = { iss: ISSUER, client_id: "client-a", scope: "tools/read", token_use: "access", exp: NOW / 1000 + 600, iat: NOW / 1000 };
const base = (authorizer: RefusalInput["authorizer"], claims: Record<string, unknown> = COGNITO, more: Partial<RefusalInput> = {}): RefusalInput => ({
  status: 401,
  authorizerType: "CUSTOM_JWT",
  authorizer: { discoveryUrl: `${ISSUER}/.well-known/openid-configuration`, ...authorizer },
  token: jwt(claims),
  discoveryIssuer: ISSUER,
  now: NOW,
  ...more,
});
const kinds = (i: RefusalInput) => explainRefusal(i).reasons.map((r) => r.kind);

describe("explainRefusal", () => {
  it("a client not in allowed clients, with the one-click fix", () => {
    const r = explainRefusal(base({ allowedClients: ["client-b"] }));
    expect(r.reasons).toEqual([expect.objectContaining({ kind: "client-not-allowed", fix: expect.objectContaining({ kind: "add-allowed-client", clientId: "client-a" }) })]);
    expect(r.reasons[0].message).toContain("client-b");
    expect(r.token?.claims.client_id).toBe("client-a");
    expect(r.token?.header.kid).toBe("k1");
  });

  it("a token without client_id where only allowed clients pass (no fix to offer)", () => {
    const { client_id: _c, ...rest } = COGNITO;
    void _c;
    const r = explainRefusal(base({ allowedClients: ["client-b"] }, rest));
    expect(r.reasons[0]).toMatchObject({ kind: "client-not-allowed" });
    expect(r.reasons[0].fix).toBeUndefined();
  });

  it("the Cognito case: no aud while only audiences are allowed, fixed by allowing the client", () => {
    const r = explainRefusal(base({ allowedAudience: ["my-api"] }));
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toMatchObject({ kind: "cognito-audience-only", fix: { kind: "add-allowed-client", clientId: "client-a" } });
    expect(r.reasons[0].message).toMatch(/client_id, not aud/);
  });

  it("an audience that is missing (with allowed clients too) or not allowed", () => {
    expect(kinds(base({ allowedAudience: ["my-api"], allowedClients: ["client-a"] }))).toEqual(["audience-not-allowed"]);
    const r = explainRefusal(base({ allowedAudience: ["my-api"] }, { ...COGNITO, aud: ["other-api"] }));
    expect(r.reasons).toEqual([expect.objectContaining({ kind: "audience-not-allowed", message: expect.stringContaining("other-api") })]);
  });

  it("a missing scope, from scope or scp", () => {
    expect(kinds(base({ allowedScopes: ["tools/write"] }))).toEqual(["missing-scope"]);
    expect(kinds(base({ allowedScopes: ["tools/write"] }, { ...COGNITO, scope: undefined, scp: ["tools/write"] }))).toEqual(["unknown"]);
    expect(explainRefusal(base({ allowedScopes: ["x"] }, { ...COGNITO, scope: undefined })).reasons[0].message).toContain("(none)");
  });

  const claim = (name: string, type: "STRING" | "STRING_ARRAY", op: "EQUALS" | "CONTAINS" | "CONTAINS_ANY", value: string | string[]) => ({
    inboundTokenClaimName: name,
    inboundTokenClaimValueType: type,
    authorizingClaimMatchValue: { claimMatchOperator: op, claimMatchValue: Array.isArray(value) ? { matchValueStringList: value } : { matchValueString: value } },
  });

  it("failing custom claims: EQUALS, CONTAINS, CONTAINS_ANY, missing, wrong type", () => {
    const claims = { ...COGNITO, dept: "sales", groups: ["a", "b"] };
    const cases: [ReturnType<typeof claim>, boolean][] = [
      [claim("dept", "STRING", "EQUALS", "sales"), true],
      [claim("dept", "STRING", "EQUALS", "ops"), false],
      [claim("groups", "STRING_ARRAY", "CONTAINS", "b"), true],
      [claim("groups", "STRING_ARRAY", "CONTAINS", "z"), false],
      [claim("groups", "STRING_ARRAY", "CONTAINS_ANY", ["z", "a"]), true],
      [claim("groups", "STRING_ARRAY", "CONTAINS_ANY", ["y", "z"]), false],
      [claim("team", "STRING", "EQUALS", "x"), false],
      [claim("dept", "STRING_ARRAY", "CONTAINS", "sales"), false],
      [claim("groups", "STRING", "EQUALS", "a"), false],
    ];
    for (const [rule, passes] of cases) {
      const r = explainRefusal(base({ allowedClients: ["client-a"], customClaims: [rule] }, claims));
      expect(r.reasons.map((x) => x.kind).includes("custom-claim"), JSON.stringify(rule)).toBe(!passes);
    }
    expect(explainRefusal(base({ customClaims: [claim("dept", "STRING", "EQUALS", "ops")] }, claims)).reasons[0].message).toBe("Custom claim rule on dept: the claim is sales, not ops.");
  });

  it("an issuer that is not the discovery document's, and no issuer check when the document is unknown", () => {
    expect(kinds(base({ allowedClients: ["client-a"] }, { ...COGNITO, iss: "https://evil.example.com" }))).toEqual(["issuer-mismatch"]);
    expect(kinds(base({ allowedClients: ["client-a"] }, { ...COGNITO, iss: "https://evil.example.com" }, { discoveryIssuer: undefined }))).toEqual(["unknown"]);
  });

  it("expired and not yet valid tokens, alongside the other reasons", () => {
    expect(kinds(base({ allowedClients: ["client-a"] }, { ...COGNITO, exp: NOW / 1000 - 1 }))).toEqual(["expired"]);
    expect(kinds(base({ allowedClients: ["client-a"] }, { ...COGNITO, nbf: NOW / 1000 + 60 }))).toEqual(["not-yet-valid"]);
    expect(kinds(base({ allowedClients: ["client-b"] }, { ...COGNITO, exp: NOW / 1000 - 1 }))).toEqual(["expired", "client-not-allowed"]);
  });

  it("no token and a token that is not a JWT", () => {
    expect(kinds(base({ allowedClients: ["client-a"] }, COGNITO, { token: undefined }))).toEqual(["no-token"]);
    const r = explainRefusal(base({ allowedClients: ["client-a"] }, COGNITO, { token: "not-a-jwt" }));
    expect(r.reasons.map((x) => x.kind)).toEqual(["malformed-token"]);
    expect(r.token).toBeUndefined();
  });

  it("nothing in the token explains it: the gateway's words under DEBUG, else how to get them", () => {
    const debug = explainRefusal(base({ allowedClients: ["client-a"] }, COGNITO, { gatewayMessage: "Unauthorized: The token's signature is not valid" }));
    expect(debug.reasons).toEqual([{ kind: "unknown", message: "The gateway says: The token's signature is not valid." }]);
    expect(debug.gatewayMessage).toBe("Unauthorized: The token's signature is not valid");
    expect(explainRefusal(base({ allowedClients: ["client-a"] }, COGNITO, { gatewayMessage: "Unauthorized" })).reasons[0].message).toMatch(/exceptionLevel DEBUG/);
  });

  it("AWS_IAM: the signature, with the gateway's error type", () => {
    const r = explainRefusal({ status: 403, authorizerType: "AWS_IAM", now: NOW, gatewayMessage: "Missing Authentication Token", errorType: "MissingAuthenticationTokenException" });
    expect(r.reasons).toEqual([expect.objectContaining({ kind: "iam-signature", message: expect.stringContaining("MissingAuthenticationTokenException") })]);
  });
});

describe("target failures", () => {
  const SANDBOX =
    "AccessDeniedException: the gateway's execution role arn:aws:iam::123456789012:role/R is not allowed to call lambda:InvokeFunction on arn:aws:lambda:us-east-1:123456789012:function:forecast: no statement allows it";
  const AWS =
    "User: arn:aws:sts::123456789012:assumed-role/R/s is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:forecast because no identity-based policy allows the lambda:InvokeFunction action";

  it("reads the action and resource of a denial, in the sandbox's and AWS's words", () => {
    const want = { action: "lambda:InvokeFunction", resource: "arn:aws:lambda:us-east-1:123456789012:function:forecast" };
    expect(parseAccessDenied(SANDBOX)).toEqual(want);
    expect(parseAccessDenied(AWS)).toEqual(want);
    expect(parseAccessDenied("The Lambda function failed: Error: boom")).toBeNull();
  });

  it("links a denial to the Permissions tab with the statement highlighted", () => {
    const f = explainTargetFailure(SANDBOX, { gatewayId: "gw-abc1234567", debug: true });
    expect(f.missingPermission?.href).toBe("/gateways/gw-abc1234567/permissions?highlight=lambda%3AInvokeFunction");
    expect(f.message).toBe(SANDBOX);
    expect(f.debugHint).toBeUndefined();
  });

  it("says that debug errors show details when the gateway hides them", () => {
    const f = explainTargetFailure("An error occurred while calling the tool t___x.", { gatewayId: "gw-abc1234567", debug: false });
    expect(f.debugHint).toMatch(/DEBUG/);
    expect(f.missingPermission).toBeUndefined();
  });
});

it("recognizes Cognito discovery URLs on AWS and in the sandbox", () => {
  expect(isCognitoDiscoveryUrl(`${ISSUER}/.well-known/openid-configuration`)).toBe(true);
  expect(isCognitoDiscoveryUrl("http://127.0.0.1:4599/us-east-1_AbCdEfGhI/.well-known/openid-configuration")).toBe(true);
  expect(isCognitoDiscoveryUrl("https://login.example.com/.well-known/openid-configuration")).toBe(false);
});
