// The gateway form's rules as a user meets them: what is accepted, what is sent, and which message shows under which field.
import { describe, expect, it } from "vitest";
import { issuesToFieldErrors, type FieldErrors } from "./form-errors";
import {
  cognitoAudienceWarning,
  emptyGatewayForm,
  gatewaySchema,
  isCognitoDiscoveryUrl,
  type GatewayFormValues,
  type GatewayInput,
} from "./gateway";

const ROLE = "arn:aws:iam::123456789012:role/GatewayRole";
const DISCOVERY = "https://issuer.example.com/.well-known/openid-configuration";
const COGNITO = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration";
const KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const MSG = {
  nameEmpty: "Enter a gateway name.",
  nameLong: "Use at most 48 characters.",
  namePattern: "Start with a letter or digit, then use letters, digits and single hyphens (no double hyphens).",
  descriptionLong: "Use at most 200 characters.",
  roleEmpty: "Enter the ARN of the gateway's execution role.",
  roleLong: "Use at most 2048 characters.",
  rolePattern: "Enter an IAM role ARN, like arn:aws:iam::123456789012:role/MyGatewayRole.",
  authorizerType: "Choose how callers authenticate.",
  discoveryEmpty: "Enter the OpenID Connect discovery URL.",
  discoverySuffix: "The discovery URL must end with /.well-known/openid-configuration.",
  discoveryScheme: "Enter a full URL, like https://issuer.example.com/.well-known/openid-configuration.",
  atLeastOne: "Add at least one allowed client, audience, scope or custom claim, or every token would be accepted.",
  twice: "This value is listed twice.",
  at255: "Use at most 255 characters.",
  scopePattern: "A scope is printable ASCII with no spaces, quotes or backslashes.",
  claimNameEmpty: "Enter the claim name.",
  claimNamePattern: "Use letters, digits, '_', '.', '/' and ':' only.",
  claimValuePattern: "Use letters, digits, '_', '.' and '-' only.",
  claimType: "Choose the claim's type.",
  claimOperator: "Choose how the claim is matched.",
  claimNoValue: "Enter the value to match.",
  claimEqualsMany: "EQUALS matches exactly one value; use CONTAINS_ANY for several.",
  claimContainsMany: "CONTAINS matches exactly one value; use CONTAINS_ANY for several.",
  claimEqualsOnArray: "EQUALS matches STRING claims; use CONTAINS or CONTAINS_ANY for a STRING_ARRAY claim.",
  claimContainsAny: "CONTAINS_ANY matches STRING_ARRAY claims; use EQUALS for a STRING claim.",
  claimContainsOnString: "CONTAINS matches STRING_ARRAY claims; use EQUALS for a STRING claim.",
  mcpVersion: "Unknown MCP version.",
  instructionsLong: "Use at most 2048 characters.",
  kmsLong: "Use at most 2048 characters.",
  kmsPattern: "Enter a KMS key ARN, like arn:aws:kms:us-east-1:123456789012:key/<key id>.",
  tagKeyEmpty: "Enter the tag key.",
  tagKeyLong: "Use at most 128 characters.",
  tagValueLong: "Use at most 256 characters.",
  tagPattern: "Use letters, digits, spaces and _ . : / = + @ - only.",
  tagReserved: "Keys starting with aws: are reserved by AWS.",
  tagTwice: "This tag key is used twice.",
  tooManyTags: "A gateway can have at most 50 tags.",
} as const;

type Loose<T> = { [K in keyof T]?: unknown };

/** A valid AWS_IAM gateway form, with some fields replaced. */
function iamForm(over: Loose<GatewayFormValues> = {}) {
  return { ...emptyGatewayForm("test01"), name: "my-gateway", roleMode: "arn", roleArn: ROLE, authorizerType: "AWS_IAM", jwtSource: "oidc", ...over };
}

/** A valid CUSTOM_JWT gateway form (one allowed client), with some JWT fields and other fields replaced. */
function jwtForm(jwt: Loose<GatewayFormValues["jwt"]> = {}, over: Loose<GatewayFormValues> = {}) {
  return iamForm({
    authorizerType: "CUSTOM_JWT",
    jwt: { discoveryUrl: DISCOVERY, allowedAudience: [], allowedClients: ["client-1"], allowedScopes: [], customClaims: [], ...jwt },
    ...over,
  });
}

/** A valid custom claim row, with some fields replaced. */
function claim(over: Record<string, unknown> = {}) {
  return { name: "department", valueType: "STRING", operator: "EQUALS", values: ["engineering"], ...over };
}

/** What the form shows: the first message per field, as the server action returns it. */
function fieldErrors(values: unknown): FieldErrors {
  const r = gatewaySchema.safeParse(values);
  return r.success ? {} : issuesToFieldErrors(r.error.issues);
}

/** Every issue, as "path: message". */
function allIssues(values: unknown): string[] {
  const r = gatewaySchema.safeParse(values);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

function accepted(values: unknown): GatewayInput {
  const r = gatewaySchema.safeParse(values);
  if (!r.success) throw new Error(`expected the form to be accepted, got ${JSON.stringify(issuesToFieldErrors(r.error.issues))}`);
  return r.data;
}

describe("gateway name", () => {
  it.each(["gw", "my-gateway", "MyGateway2", "a-b-c-1-2-3", "0", "a".repeat(48), "a-".repeat(23) + "ab"])("accepts %s", (name) => {
    expect(fieldErrors(iamForm({ name }))).toEqual({});
  });

  it("sends the name without the spaces around it", () => {
    expect(accepted(iamForm({ name: "  my-gateway  " })).name).toBe("my-gateway");
    expect(accepted(iamForm({ name: ` ${"a".repeat(48)} ` })).name).toBe("a".repeat(48));
  });

  it.each(["", "   "])("asks for a name when it is %j", (name) => {
    expect(fieldErrors(iamForm({ name }))).toEqual({ name: MSG.nameEmpty });
  });

  it("rejects a 49-character name as too long", () => {
    expect(fieldErrors(iamForm({ name: "a".repeat(49) }))).toEqual({ name: MSG.nameLong });
  });

  it("rejects a 49-character hyphenated name as too long even though the model's pattern alone would allow it", () => {
    const name = "a-".repeat(24) + "a";
    expect(name).toHaveLength(49);
    expect(new RegExp("^([0-9a-zA-Z][-]?){1,48}$").test(name)).toBe(true);
    expect(fieldErrors(iamForm({ name }))).toEqual({ name: MSG.nameLong });
  });

  it.each([
    ["a leading hyphen", "-gateway"],
    ["a double hyphen", "my--gateway"],
    ["an underscore", "my_gateway"],
    ["a space", "my gateway"],
    ["a dot", "my.gateway"],
    ["accented letters", "passerelle-café"],
    ["non-Latin letters", "网关"],
    ["an emoji", "gw😀"],
  ])("rejects a name with %s", (_what, name) => {
    expect(fieldErrors(iamForm({ name }))).toEqual({ name: MSG.namePattern });
  });

  it("accepts a trailing hyphen, as the model's pattern ([0-9a-zA-Z][-]?){1,48} does", () => {
    expect(fieldErrors(iamForm({ name: "gateway-" }))).toEqual({});
  });

  it("the name message does not claim trailing hyphens are refused, since they are accepted", () => {
    expect(fieldErrors(iamForm({ name: "gateway-" }))).toEqual({});
    expect(fieldErrors(iamForm({ name: "-gateway" })).name).not.toMatch(/trailing/);
  });
});

describe("description", () => {
  it.each([
    ["empty", ""],
    ["one character", "x"],
    ["200 characters", "d".repeat(200)],
    ["200 emoji (the model counts code points)", "😀".repeat(200)],
  ])("accepts a description that is %s", (_what, description) => {
    expect(fieldErrors(iamForm({ description }))).toEqual({});
  });

  it.each([
    ["201 characters", "d".repeat(201)],
    ["201 emoji", "😀".repeat(201)],
  ])("rejects a description of %s", (_what, description) => {
    expect(fieldErrors(iamForm({ description }))).toEqual({ description: MSG.descriptionLong });
  });

  it("keeps the description as typed", () => {
    expect(accepted(iamForm({ description: "  Tools for the support team.\n" })).description).toBe("  Tools for the support team.\n");
  });
});

describe("execution role ARN", () => {
  it.each([
    ["the aws partition", "arn:aws:iam::123456789012:role/GatewayRole"],
    ["the aws-cn partition", "arn:aws-cn:iam::123456789012:role/GatewayRole"],
    ["the aws-us-gov partition", "arn:aws-us-gov:iam::123456789012:role/GatewayRole"],
    ["a role path", "arn:aws:iam::123456789012:role/service-role/AgentCoreGateway"],
    ["no account id (the model's pattern allows it)", "arn:aws:iam:::role/GatewayRole"],
  ])("accepts a role ARN in %s", (_what, roleArn) => {
    expect(fieldErrors(iamForm({ roleArn }))).toEqual({});
  });

  it("sends the ARN without the spaces around it", () => {
    expect(accepted(iamForm({ roleArn: `  ${ROLE}\n` })).roleArn).toBe(ROLE);
  });

  it.each([
    ["a user", "arn:aws:iam::123456789012:user/alice"],
    ["a policy", "arn:aws:iam::123456789012:policy/GatewayPolicy"],
    ["an assumed-role session", "arn:aws:sts::123456789012:assumed-role/GatewayRole/session"],
    ["an S3 bucket", "arn:aws:s3:::my-bucket"],
    ["a role with an 11-digit account", "arn:aws:iam::12345678901:role/GatewayRole"],
    ["a role with no role name", "arn:aws:iam::123456789012:role/"],
    ["a bare role name", "GatewayRole"],
  ])("rejects %s", (_what, roleArn) => {
    expect(fieldErrors(iamForm({ roleArn }))).toEqual({ roleArn: MSG.rolePattern });
  });

  it.each(["", "  "])("asks for the role ARN when it is %j", (roleArn) => {
    expect(fieldErrors(iamForm({ roleArn }))).toEqual({ roleArn: MSG.roleEmpty });
  });

  it("accepts 2048 characters and rejects 2049", () => {
    const prefix = "arn:aws:iam::123456789012:role/";
    expect(fieldErrors(iamForm({ roleArn: prefix + "r".repeat(2048 - prefix.length) }))).toEqual({});
    expect(fieldErrors(iamForm({ roleArn: prefix + "r".repeat(2049 - prefix.length) }))).toEqual({ roleArn: MSG.roleLong });
  });
});

describe("authorizer type", () => {
  it.each([
    ["CUSTOM_JWT", jwtForm()],
    ["AWS_IAM", iamForm()],
    ["NONE", iamForm({ authorizerType: "NONE" })],
  ])("accepts %s", (type, form) => {
    expect(accepted(form).authorizerType).toBe(type);
  });

  it.each(["AUTHENTICATE_ONLY", "OIDC", "", "aws_iam", undefined])("rejects %j", (authorizerType) => {
    expect(fieldErrors(iamForm({ authorizerType }))).toEqual({ authorizerType: MSG.authorizerType });
  });
});

describe("CUSTOM_JWT discovery URL", () => {
  it.each([
    ["a generic issuer", DISCOVERY],
    ["Cognito", COGNITO],
    ["Entra ID", "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0/.well-known/openid-configuration"],
    ["a port and a path", "https://auth.example.com:8443/realms/agents/.well-known/openid-configuration"],
    ["plain http (the model's pattern allows it)", "http://localhost:8080/.well-known/openid-configuration"],
  ])("accepts %s", (_what, discoveryUrl) => {
    expect(fieldErrors(jwtForm({ discoveryUrl }))).toEqual({});
  });

  it("sends the URL without the spaces around it", () => {
    expect(accepted(jwtForm({ discoveryUrl: `  ${DISCOVERY} ` })).jwt?.discoveryUrl).toBe(DISCOVERY);
  });

  it.each([
    ["the suffix is missing", "https://issuer.example.com"],
    ["there is a trailing slash", `${DISCOVERY}/`],
    ["it is the OAuth metadata document", "https://issuer.example.com/.well-known/oauth-authorization-server"],
    ["the suffix has the wrong case", "https://issuer.example.com/.well-known/OpenID-Configuration"],
    ["a query follows the suffix", `${DISCOVERY}?x=1`],
  ])("asks for the /.well-known/openid-configuration suffix when %s", (_what, discoveryUrl) => {
    expect(fieldErrors(jwtForm({ discoveryUrl }))).toEqual({ "jwt.discoveryUrl": MSG.discoverySuffix });
  });

  it.each([
    ["there is no scheme", "issuer.example.com/.well-known/openid-configuration"],
    ["the scheme is ftp", "ftp://issuer.example.com/.well-known/openid-configuration"],
    ["the host is missing", "https:///.well-known/openid-configuration"],
  ])("asks for a full URL when %s", (_what, discoveryUrl) => {
    expect(fieldErrors(jwtForm({ discoveryUrl }))).toEqual({ "jwt.discoveryUrl": MSG.discoveryScheme });
  });

  it("asks for the URL when it is empty, and shows that message first", () => {
    expect(fieldErrors(jwtForm({ discoveryUrl: "" }))).toEqual({ "jwt.discoveryUrl": MSG.discoveryEmpty });
    expect(allIssues(jwtForm({ discoveryUrl: "" }))[0]).toBe(`jwt.discoveryUrl: ${MSG.discoveryEmpty}`);
  });
});

describe("CUSTOM_JWT needs at least one audience, client, scope or custom claim", () => {
  it("flags Allowed clients when all four are empty", () => {
    expect(fieldErrors(jwtForm({ allowedClients: [] }))).toEqual({ "jwt.allowedClients": MSG.atLeastOne });
  });

  it("flags Allowed clients when every row is blank", () => {
    expect(fieldErrors(jwtForm({ allowedAudience: [" "], allowedClients: ["", "  "], allowedScopes: ["\t"] }))).toEqual({
      "jwt.allowedClients": MSG.atLeastOne,
    });
  });

  it("reports the missing condition together with a bad discovery URL", () => {
    expect(fieldErrors(jwtForm({ discoveryUrl: "nope", allowedClients: [] }))).toEqual({
      "jwt.discoveryUrl": MSG.discoverySuffix,
      "jwt.allowedClients": MSG.atLeastOne,
    });
  });

  it.each([
    ["an audience", { allowedAudience: ["api://gateway"] }],
    ["a client", { allowedClients: ["client-1"] }],
    ["a scope", { allowedScopes: ["gateway/invoke"] }],
    ["a custom claim", { customClaims: [claim()] }],
  ])("is satisfied by %s alone", (_what, jwt) => {
    expect(fieldErrors(jwtForm({ allowedClients: [], ...jwt }))).toEqual({});
  });
});

describe("audience, client and scope lists", () => {
  it.each(["allowedAudience", "allowedClients", "allowedScopes"] as const)("%s: ignores blank rows and sends the others trimmed, in order", (list) => {
    const out = accepted(jwtForm({ allowedClients: [], [list]: ["", " first ", "   ", "second", ""] }));
    expect(out.jwt?.[list]).toEqual(["first", "second"]);
  });

  it.each(["allowedAudience", "allowedClients", "allowedScopes"] as const)("%s: flags a repeated value at the row where it repeats", (list) => {
    expect(fieldErrors(jwtForm({ allowedClients: [], [list]: ["a", "b", "a"] }))).toEqual({ [`jwt.${list}.2`]: MSG.twice });
  });

  it("counts a value as repeated after trimming, and flags every repeat", () => {
    expect(allIssues(jwtForm({ allowedClients: ["c1", " c1 ", "c2", "c1"] }))).toEqual([
      `jwt.allowedClients.1: ${MSG.twice}`,
      `jwt.allowedClients.3: ${MSG.twice}`,
    ]);
  });

  it("keeps row indexes of the form, blank rows included", () => {
    expect(fieldErrors(jwtForm({ allowedAudience: ["", "aud", "", "aud"] }))).toEqual({ "jwt.allowedAudience.3": MSG.twice });
  });

  it("does not treat values differing in case as repeats", () => {
    expect(accepted(jwtForm({ allowedClients: ["Client", "client"] })).jwt?.allowedClients).toEqual(["Client", "client"]);
  });

  it.each(["allowedAudience", "allowedClients"] as const)("%s: accepts 255 characters and rejects 256", (list) => {
    expect(fieldErrors(jwtForm({ [list]: ["x".repeat(255)] }))).toEqual({});
    expect(fieldErrors(jwtForm({ [list]: ["ok", "x".repeat(256)] }))).toEqual({ [`jwt.${list}.1`]: MSG.at255 });
  });

  it.each(["openid", "gateway/invoke", "read:tools", "api://gateway/.default", "https://api.example.com/tools.invoke", "!#$%&'()*+,-./:;<=>?@[]^_`{|}~"])(
    "accepts the scope %s",
    (scope) => {
      expect(fieldErrors(jwtForm({ allowedScopes: [scope] }))).toEqual({});
    },
  );

  it.each([
    ["a space", "read write"],
    ["a double quote", 'say"hi'],
    ["a backslash", "back\\slash"],
    ["a non-ASCII letter", "lecture:données"],
    ["a tab inside", "read\twrite"],
  ])("rejects a scope with %s", (_what, scope) => {
    expect(fieldErrors(jwtForm({ allowedScopes: ["openid", scope] }))).toEqual({ "jwt.allowedScopes.1": MSG.scopePattern });
  });

  it("accepts a 255-character scope and rejects a 256-character one", () => {
    expect(fieldErrors(jwtForm({ allowedScopes: ["s".repeat(255)] }))).toEqual({});
    expect(fieldErrors(jwtForm({ allowedScopes: ["s".repeat(256)] }))).toEqual({ "jwt.allowedScopes.0": MSG.at255 });
  });
});

describe("custom claims", () => {
  it("accepts EQUALS on a STRING claim with one value", () => {
    expect(accepted(jwtForm({ customClaims: [claim()] })).jwt?.customClaims).toEqual([
      { name: "department", valueType: "STRING", operator: "EQUALS", values: ["engineering"] },
    ]);
  });

  // AgentCore: EQUALS for STRING claims; CONTAINS (one value) and CONTAINS_ANY (several) for STRING_ARRAY claims.
  it.each([
    ["STRING_ARRAY", "CONTAINS", ["a"]],
    ["STRING_ARRAY", "CONTAINS_ANY", ["a"]],
    ["STRING_ARRAY", "CONTAINS_ANY", ["a", "b", "c"]],
  ])("accepts %s with %s and %j", (valueType, operator, values) => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ valueType, operator, values })] }))).toEqual({});
  });

  it.each([
    ["STRING", "CONTAINS", ["a"], MSG.claimContainsOnString],
    ["STRING", "CONTAINS_ANY", ["a", "b"], MSG.claimContainsAny],
    ["STRING_ARRAY", "EQUALS", ["a"], MSG.claimEqualsOnArray],
  ])("rejects %s with %s, under the operator", (valueType, operator, values, message) => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ valueType, operator, values })] }))).toEqual({ "jwt.customClaims.0.operator": message });
  });

  it("rejects CONTAINS with two values: several values need CONTAINS_ANY", () => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ valueType: "STRING_ARRAY", operator: "CONTAINS", values: ["a", "b"] })] }))).toEqual({
      "jwt.customClaims.0.values": MSG.claimContainsMany,
    });
  });

  it.each(["cognito:groups", "https:x", "custom_claim.v2", "scp", "a".repeat(255)])("accepts the claim name %s", (name) => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ name })] }))).toEqual({});
  });

  it("accepts '/' in a claim name, because the model's '.-:' is a character range (./0-9:)", () => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ name: "https://example.com/roles" })] }))).toEqual({});
  });

  it("rejects '-' in a claim name, as the model's pattern ^[A-Za-z0-9_.-:]+$ does", () => {
    expect(Object.keys(fieldErrors(jwtForm({ customClaims: [claim({ name: "custom-claim" })] })))).toEqual(["jwt.customClaims.0.name"]);
  });

  it("the claim name message does not list '-' as allowed, since '-' is rejected", () => {
    const shown = fieldErrors(jwtForm({ customClaims: [claim({ name: "custom-claim" })] }))["jwt.customClaims.0.name"];
    expect(shown).toBeDefined();
    expect(shown).not.toContain("'-'");
  });

  it("sends the claim name trimmed", () => {
    expect(accepted(jwtForm({ customClaims: [claim({ name: "  cognito:groups " })] })).jwt?.customClaims[0].name).toBe("cognito:groups");
  });

  it.each(["", "  "])("asks for the claim name when it is %j", (name) => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ name })] }))).toEqual({ "jwt.customClaims.0.name": MSG.claimNameEmpty });
  });

  it.each([
    ["a space", "my claim"],
    ["an @", "user@domain"],
    ["a non-ASCII letter", "rôle"],
  ])("rejects a claim name with %s", (_what, name) => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ name })] }))).toEqual({ "jwt.customClaims.0.name": MSG.claimNamePattern });
  });

  it("rejects a 256-character claim name", () => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ name: "a".repeat(256) })] }))).toEqual({ "jwt.customClaims.0.name": "Use at most 255 characters." });
  });

  it.each(["engineering", "team-a", "v1.2_beta", "A".repeat(255)])("accepts the claim value %s", (value) => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ values: [value] })] }))).toEqual({});
  });

  it.each([
    ["a space", "two words"],
    ["a colon", "arn:aws"],
    ["a slash", "a/b"],
    ["an @", "a@b"],
  ])("rejects a claim value with %s", (_what, value) => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ values: [value] })] }))).toEqual({ "jwt.customClaims.0.values.0": MSG.claimValuePattern });
  });

  it("rejects a 256-character claim value at its row", () => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ valueType: "STRING_ARRAY", operator: "CONTAINS_ANY", values: ["ok", "v".repeat(256)] })] }))).toEqual({
      "jwt.customClaims.0.values.1": MSG.at255,
    });
  });

  it("rejects EQUALS with two values", () => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ values: ["a", "b"] })] }))).toEqual({ "jwt.customClaims.0.values": MSG.claimEqualsMany });
  });

  it("accepts EQUALS with one value among blank rows, and sends only that value", () => {
    expect(accepted(jwtForm({ customClaims: [claim({ values: ["", " engineering ", " "] })] })).jwt?.customClaims[0].values).toEqual(["engineering"]);
  });

  it.each([
    ["no values", []],
    ["only blank values", ["", "  "]],
  ])("asks for a value when there are %s", (_what, values) => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ values })] }))).toEqual({ "jwt.customClaims.0.values": MSG.claimNoValue });
  });

  it("flags a repeated value at its row", () => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ valueType: "STRING_ARRAY", operator: "CONTAINS_ANY", values: ["a", "b", " a"] })] }))).toEqual({
      "jwt.customClaims.0.values.2": MSG.twice,
    });
  });

  it("reports a bad value row, a repeat and EQUALS with several values together", () => {
    expect(allIssues(jwtForm({ customClaims: [claim({ values: ["", "a b", "c", "c"] })] }))).toEqual([
      `jwt.customClaims.0.values.1: ${MSG.claimValuePattern}`,
      `jwt.customClaims.0.values.3: ${MSG.twice}`,
      `jwt.customClaims.0.values: ${MSG.claimEqualsMany}`,
    ]);
  });

  it.each([
    ["valueType", "NUMBER", MSG.claimType],
    ["valueType", undefined, MSG.claimType],
    ["operator", "STARTS_WITH", MSG.claimOperator],
    ["operator", "", MSG.claimOperator],
  ])("rejects %s %j", (field, value, message) => {
    expect(fieldErrors(jwtForm({ customClaims: [claim({ [field]: value })] }))).toEqual({ [`jwt.customClaims.0.${field}`]: message });
  });

  it("puts a problem in the second claim under index 1", () => {
    expect(fieldErrors(jwtForm({ customClaims: [claim(), claim({ name: "" })] }))).toEqual({ "jwt.customClaims.1.name": MSG.claimNameEmpty });
  });
});

describe("JWT settings with other authorizer types", () => {
  const badJwt = { discoveryUrl: "not a url", allowedAudience: ["a", "a"], allowedClients: [], allowedScopes: ["has space"], customClaims: [claim({ name: "" })] };

  it.each(["AWS_IAM", "NONE"])("%s: ignores invalid JWT settings and sends no JWT configuration", (authorizerType) => {
    const out = accepted(iamForm({ authorizerType, jwt: badJwt }));
    expect(out.jwt).toBeUndefined();
  });

  it.each(["AWS_IAM", "NONE"])("%s: ignores the untouched JWT section of a new form", (authorizerType) => {
    expect(accepted(iamForm({ authorizerType })).jwt).toBeUndefined();
  });

  it("CUSTOM_JWT: validates the same settings", () => {
    expect(fieldErrors(iamForm({ authorizerType: "CUSTOM_JWT", jwt: badJwt }))).toEqual({
      "jwt.discoveryUrl": MSG.discoverySuffix,
      "jwt.allowedAudience.1": MSG.twice,
      "jwt.allowedScopes.0": MSG.scopePattern,
      "jwt.customClaims.0.name": MSG.claimNameEmpty,
    });
  });

  it("CUSTOM_JWT: a JWT section that is not an object is an error on jwt", () => {
    expect(Object.keys(fieldErrors(iamForm({ authorizerType: "CUSTOM_JWT", jwt: "garbage" })))).toEqual(["jwt"]);
  });
});

describe("MCP options", () => {
  it.each(["2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"])("accepts version %s", (version) => {
    expect(accepted(iamForm({ mcp: { supportedVersions: [version], instructions: "", semanticSearch: false } })).mcp.supportedVersions).toEqual([version]);
  });

  it("accepts every known version at once", () => {
    const supportedVersions = ["2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"];
    expect(fieldErrors(iamForm({ mcp: { supportedVersions, instructions: "", semanticSearch: true } }))).toEqual({});
  });

  it.each(["2024-11-05", "latest", "", "2025-3-26"])("rejects the unknown version %j at its row", (version) => {
    expect(fieldErrors(iamForm({ mcp: { supportedVersions: ["2025-03-26", version], instructions: "", semanticSearch: false } }))).toEqual({
      "mcp.supportedVersions.1": MSG.mcpVersion,
    });
  });

  it("accepts 2048 characters of instructions and rejects 2049", () => {
    expect(fieldErrors(iamForm({ mcp: { supportedVersions: [], instructions: "i".repeat(2048), semanticSearch: false } }))).toEqual({});
    expect(fieldErrors(iamForm({ mcp: { supportedVersions: [], instructions: "i".repeat(2049), semanticSearch: false } }))).toEqual({
      "mcp.instructions": MSG.instructionsLong,
    });
  });

  it("counts an emoji in the instructions as one character, as the model does", () => {
    expect(fieldErrors(iamForm({ mcp: { supportedVersions: [], instructions: "😀".repeat(2048), semanticSearch: false } }))).toEqual({});
  });

  it("keeps the semantic search and debug switches", () => {
    const out = accepted(iamForm({ mcp: { supportedVersions: [], instructions: "", semanticSearch: true }, debugExceptions: true }));
    expect(out.mcp.semanticSearch).toBe(true);
    expect(out.debugExceptions).toBe(true);
  });

  it("rejects a semantic search switch that is not a boolean", () => {
    expect(Object.keys(fieldErrors(iamForm({ mcp: { supportedVersions: [], instructions: "", semanticSearch: "yes" } })))).toEqual(["mcp.semanticSearch"]);
  });
});

describe("KMS key ARN", () => {
  it.each([
    ["empty (AWS-owned key)", ""],
    ["in aws", KMS],
    ["in aws-cn", "arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
    ["in aws-us-gov", "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
    ["a multi-Region key", "arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"],
  ])("accepts a key ARN that is %s", (_what, kmsKeyArn) => {
    expect(fieldErrors(iamForm({ kmsKeyArn }))).toEqual({});
  });

  it("sends the ARN trimmed, and treats a blank field as empty", () => {
    expect(accepted(iamForm({ kmsKeyArn: ` ${KMS} ` })).kmsKeyArn).toBe(KMS);
    expect(accepted(iamForm({ kmsKeyArn: "   " })).kmsKeyArn).toBe("");
  });

  it.each([
    ["another service", "arn:aws:s3:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
    ["an alias", "arn:aws:kms:us-east-1:123456789012:alias/my-key"],
    ["a 35-character key id", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890a"],
    ["a 37-character key id", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890abc"],
    ["an 11-digit account", "arn:aws:kms:us-east-1:12345678901:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
    ["an unknown partition", "arn:aws-iso:kms:us-iso-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
    ["a bare key id", "1234abcd-12ab-34cd-56ef-1234567890ab"],
  ])("rejects %s", (_what, kmsKeyArn) => {
    expect(fieldErrors(iamForm({ kmsKeyArn }))).toEqual({ kmsKeyArn: MSG.kmsPattern });
  });

  it("rejects more than 2048 characters with the length message first", () => {
    expect(fieldErrors(iamForm({ kmsKeyArn: "k".repeat(2049) }))).toEqual({ kmsKeyArn: MSG.kmsLong });
  });
});

describe("tags", () => {
  const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `key-${i}`, value: `value-${i}` }));

  it.each([
    ["a plain tag", { key: "team", value: "platform" }],
    ["an empty value", { key: "team", value: "" }],
    ["every allowed punctuation mark", { key: "a b._:/=+@-", value: "x y._:/=+@-" }],
    ["a 128-character key and a 256-character value", { key: "k".repeat(128), value: "v".repeat(256) }],
    ["a key that only starts like aws", { key: "awsome", value: "x" }],
    ["aws: inside a key", { key: "my-aws:key", value: "x" }],
  ])("accepts %s", (_what, tag) => {
    expect(fieldErrors(iamForm({ tags: [tag] }))).toEqual({});
  });

  it("sends keys trimmed and values as typed", () => {
    expect(accepted(iamForm({ tags: [{ key: "  team ", value: " platform " }] })).tags).toEqual([{ key: "team", value: " platform " }]);
  });

  it.each(["", "   "])("asks for the key when it is %j", (key) => {
    expect(fieldErrors(iamForm({ tags: [{ key, value: "v" }] }))).toEqual({ "tags.0.key": MSG.tagKeyEmpty });
  });

  it.each(["bad!", "a,b", "ключ", "a#b"])("rejects the key %j", (key) => {
    expect(fieldErrors(iamForm({ tags: [{ key, value: "v" }] }))).toEqual({ "tags.0.key": MSG.tagPattern });
  });

  it.each(["bad!", "a,b", "значение", 'a"b'])("rejects the value %j", (value) => {
    expect(fieldErrors(iamForm({ tags: [{ key: "k", value }] }))).toEqual({ "tags.0.value": MSG.tagPattern });
  });

  it("rejects a 129-character key and a 257-character value", () => {
    expect(fieldErrors(iamForm({ tags: [{ key: "k".repeat(129), value: "v".repeat(257) }] }))).toEqual({
      "tags.0.key": MSG.tagKeyLong,
      "tags.0.value": MSG.tagValueLong,
    });
  });

  it.each(["aws:createdBy", "AWS:Owner", "Aws:x", " aws:padded"])("reserves the key %j for AWS", (key) => {
    expect(fieldErrors(iamForm({ tags: [{ key, value: "v" }] }))).toEqual({ "tags.0.key": MSG.tagReserved });
  });

  it("flags a repeated key at the later row", () => {
    expect(fieldErrors(iamForm({ tags: [{ key: "env", value: "a" }, { key: "team", value: "b" }, { key: "env", value: "c" }] }))).toEqual({
      "tags.2.key": MSG.tagTwice,
    });
  });

  it("counts keys as repeated after trimming", () => {
    expect(fieldErrors(iamForm({ tags: [{ key: "env", value: "a" }, { key: " env ", value: "b" }] }))).toEqual({ "tags.1.key": MSG.tagTwice });
  });

  it("does not treat keys differing in case as repeats (tag keys are case-sensitive)", () => {
    expect(fieldErrors(iamForm({ tags: [{ key: "Env", value: "a" }, { key: "env", value: "b" }] }))).toEqual({});
  });

  it("accepts 50 tags and rejects 51", () => {
    expect(fieldErrors(iamForm({ tags: tags(50) }))).toEqual({});
    expect(fieldErrors(iamForm({ tags: tags(51) }))).toEqual({ tags: MSG.tooManyTags });
  });
});

describe("errors across sections", () => {
  it("reports problems in several plain fields at once", () => {
    expect(fieldErrors(iamForm({ name: "", roleArn: "nope", description: "d".repeat(201), kmsKeyArn: "nope", tags: [{ key: "", value: "" }] }))).toEqual({
      name: MSG.nameEmpty,
      roleArn: MSG.rolePattern,
      description: MSG.descriptionLong,
      kmsKeyArn: MSG.kmsPattern,
      "tags.0.key": MSG.tagKeyEmpty,
    });
  });

  it("reports JWT problems once the other fields are valid", () => {
    expect(fieldErrors(jwtForm({ discoveryUrl: "", allowedClients: [] }))).toEqual({
      "jwt.discoveryUrl": MSG.discoveryEmpty,
      "jwt.allowedClients": MSG.atLeastOne,
    });
  });

  // Cross-field checks run even while other fields have issues: the user sees every problem in one round.
  it("shows JWT errors together with an error in another field", () => {
    expect(fieldErrors(jwtForm({ discoveryUrl: "" }, { name: "" }))).toEqual({ name: MSG.nameEmpty, "jwt.discoveryUrl": MSG.discoveryEmpty });
  });

  it("shows a repeated tag key together with an error in another field", () => {
    expect(fieldErrors(iamForm({ name: "", tags: [{ key: "env", value: "" }, { key: "env", value: "" }] }))).toEqual({
      name: MSG.nameEmpty,
      "tags.1.key": MSG.tagTwice,
    });
  });

  it("shows a repeated tag key together with JWT errors", () => {
    expect(fieldErrors(jwtForm({ discoveryUrl: "" }, { tags: [{ key: "env", value: "" }, { key: "env", value: "" }] }))).toEqual({
      "jwt.discoveryUrl": MSG.discoveryEmpty,
      "tags.1.key": MSG.tagTwice,
    });
  });
});

describe("execution role choice", () => {
  it("checks the new role's name (IAM rules) and ignores the ARN when the role is created with the gateway", () => {
    expect(fieldErrors(iamForm({ roleMode: "new", newRoleName: "AgentCoreGateway-orders", roleArn: "" }))).toEqual({});
    expect(Object.keys(fieldErrors(iamForm({ roleMode: "new", newRoleName: "has space", roleArn: "" })))).toEqual(["newRoleName"]);
    expect(Object.keys(fieldErrors(iamForm({ roleMode: "new", newRoleName: "r".repeat(65), roleArn: "" })))).toEqual(["newRoleName"]);
  });

  it("asks to pick a role when an existing one is to be used", () => {
    expect(fieldErrors(iamForm({ roleMode: "existing", roleArn: "" }))).toEqual({ roleArn: "Choose a role, or create a new one." });
    expect(fieldErrors(iamForm({ roleMode: "existing", roleArn: ROLE }))).toEqual({});
  });

  it("checks the typed ARN against the model's pattern", () => {
    expect(fieldErrors(iamForm({ roleMode: "arn", roleArn: "nope" }))).toEqual({ roleArn: MSG.rolePattern });
  });
});

describe("emptyGatewayForm", () => {
  it("starts a CUSTOM_JWT gateway with a new execution role, a Cognito quick create, one blank client row and everything else empty or off", () => {
    expect(emptyGatewayForm("abc123")).toEqual({
      name: "",
      description: "",
      roleMode: "new",
      newRoleName: "",
      roleArn: "",
      authorizerType: "CUSTOM_JWT",
      jwtSource: "cognito-new",
      cognito: {
        poolName: "agentcore-gateway-abc123",
        domainPrefix: "agentcore-gateway-abc123",
        resourceServerIdentifier: "agentcore-gateway",
        resourceServerName: "AgentCore Gateway",
        scopes: "invoke",
        clientName: "agentcore-gateway-client-abc123",
      },
      jwt: { discoveryUrl: "", allowedAudience: [], allowedClients: [""], allowedScopes: [], customClaims: [] },
      mcp: { supportedVersions: [], instructions: "", semanticSearch: false },
      debugExceptions: false,
      kmsKeyArn: "",
      tags: [],
    });
  });

  it("returns a fresh object each time, so editing one form never leaks into the next", () => {
    const a = emptyGatewayForm();
    a.jwt.allowedClients.push("leak");
    a.tags.push({ key: "k", value: "v" });
    a.mcp.supportedVersions.push("2025-03-26");
    const b = emptyGatewayForm();
    expect(b.jwt.allowedClients).toEqual([""]);
    expect(b.tags).toEqual([]);
    expect(b.mcp.supportedVersions).toEqual([]);
  });

  it("submitted untouched, asks for the name and the new role's name, with the Cognito names already valid", () => {
    expect(fieldErrors(emptyGatewayForm())).toEqual({ name: MSG.nameEmpty, newRoleName: expect.any(String) });
  });

  it("with a quick-created Cognito pool, checks its names and not the discovery URL", () => {
    const form = { ...emptyGatewayForm("abc123"), name: "gw", newRoleName: "agentcore-gw-role" };
    expect(fieldErrors(form)).toEqual({});
    expect(gatewaySchema.parse(form)).toMatchObject({ jwt: undefined, cognito: { poolName: "agentcore-gateway-abc123", scopes: ["invoke"] } });
    expect(Object.keys(fieldErrors({ ...form, cognito: { ...form.cognito, domainPrefix: "Has Caps" } }))).toEqual(["cognito.domainPrefix"]);
  });

  it("with an existing Cognito pool, asks to pick one until the picker fills the discovery URL", () => {
    const form = { ...emptyGatewayForm(), name: "gw", roleMode: "arn" as const, roleArn: ROLE, jwtSource: "cognito-existing" as const };
    expect(fieldErrors(form)).toEqual({ "jwt.discoveryUrl": "Choose a user pool and an app client." });
    form.jwt = { ...form.jwt, discoveryUrl: DISCOVERY, allowedClients: ["client-1"] };
    expect(fieldErrors(form)).toEqual({});
  });

  it("needs only a name, a role and a discovery URL plus one client to be valid", () => {
    const form = { ...emptyGatewayForm(), name: "gw", roleMode: "arn" as const, roleArn: ROLE, jwtSource: "oidc" as const };
    form.jwt = { ...form.jwt, discoveryUrl: DISCOVERY, allowedClients: ["client-1"] };
    expect(fieldErrors(form)).toEqual({});
  });
});

describe("isCognitoDiscoveryUrl", () => {
  it.each([
    COGNITO,
    "https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_Xyz/.well-known/openid-configuration",
    "https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Xyz/.well-known/openid-configuration",
    "https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_Xyz/.well-known/openid-configuration",
    `  ${COGNITO}  `,
  ])("recognises %j", (url) => {
    expect(isCognitoDiscoveryUrl(url)).toBe(true);
  });

  it.each([
    ["another issuer", DISCOVERY],
    ["plain http", COGNITO.replace("https:", "http:")],
    ["a look-alike host", "https://cognito-idp.us-east-1.amazonaws.com.evil.example/us-east-1_X/.well-known/openid-configuration"],
    ["no user pool id", "https://cognito-idp.us-east-1.amazonaws.com/.well-known/openid-configuration"],
    ["a user pool domain", "https://my-domain.auth.us-east-1.amazoncognito.com/.well-known/openid-configuration"],
    ["a missing suffix", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123"],
    ["an empty string", ""],
  ])("does not recognise %s", (_what, url) => {
    expect(isCognitoDiscoveryUrl(url)).toBe(false);
  });
});

describe("cognitoAudienceWarning", () => {
  const jwt = (over: Partial<GatewayFormValues["jwt"]>): GatewayFormValues["jwt"] => ({
    discoveryUrl: COGNITO,
    allowedAudience: [],
    allowedClients: [],
    allowedScopes: [],
    customClaims: [],
    ...over,
  });

  it("warns when a Cognito authorizer lists audiences but no clients, and says to use Allowed clients", () => {
    const warning = cognitoAudienceWarning({ authorizerType: "CUSTOM_JWT", jwt: jwt({ allowedAudience: ["my-app-client-id"] }) });
    expect(warning).toBe(
      "Cognito access tokens have no aud claim, so a Cognito authorizer with audiences only rejects every token. Put the app client id in Allowed clients instead.",
    );
  });

  it("warns when the only client rows are blank", () => {
    expect(cognitoAudienceWarning({ authorizerType: "CUSTOM_JWT", jwt: jwt({ allowedAudience: ["aud"], allowedClients: ["", "  "] }) })).not.toBeNull();
  });

  it("warns for a Cognito URL typed with spaces around it", () => {
    expect(cognitoAudienceWarning({ authorizerType: "CUSTOM_JWT", jwt: jwt({ discoveryUrl: ` ${COGNITO} `, allowedAudience: ["aud"] }) })).not.toBeNull();
  });

  it("stays quiet when a client is listed", () => {
    expect(cognitoAudienceWarning({ authorizerType: "CUSTOM_JWT", jwt: jwt({ allowedAudience: ["aud"], allowedClients: ["client-1"] }) })).toBeNull();
  });

  it("stays quiet for a non-Cognito issuer", () => {
    expect(cognitoAudienceWarning({ authorizerType: "CUSTOM_JWT", jwt: jwt({ discoveryUrl: DISCOVERY, allowedAudience: ["aud"] }) })).toBeNull();
  });

  it("stays quiet when no audience is listed, or only blank audience rows", () => {
    expect(cognitoAudienceWarning({ authorizerType: "CUSTOM_JWT", jwt: jwt({ allowedScopes: ["openid"] }) })).toBeNull();
    expect(cognitoAudienceWarning({ authorizerType: "CUSTOM_JWT", jwt: jwt({ allowedAudience: [" ", ""] }) })).toBeNull();
  });

  it.each(["AWS_IAM", "NONE"] as const)("stays quiet for %s, whatever the JWT section holds", (authorizerType) => {
    expect(cognitoAudienceWarning({ authorizerType, jwt: jwt({ allowedAudience: ["aud"] }) })).toBeNull();
  });
});
