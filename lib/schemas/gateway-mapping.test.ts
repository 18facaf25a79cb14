// What the console sends to AgentCore Control for a form, how an existing gateway fills the edit form, and where AWS field errors land.
import type { CreateGatewayRequest } from "@aws-sdk/client-bedrock-agentcore-control";
import { describe, expect, it } from "vitest";
import { issuesToFieldErrors } from "./form-errors";
import { emptyGatewayForm, gatewaySchema, type GatewayFormValues } from "./gateway";
import {
  awsFieldListToFormErrors,
  gatewayToFormValues,
  isEditableAuthorizerType,
  toGatewayRequest,
  unmanagedSettingNames,
  withUnmanagedSettings,
} from "./gateway-mapping";

const ROLE = "arn:aws:iam::123456789012:role/GatewayRole";
const COGNITO = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration";
const KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

type Request = Omit<CreateGatewayRequest, "clientToken">;

const requestFor = (form: unknown) => toGatewayRequest(gatewaySchema.parse(form));

function iamForm(over: Partial<GatewayFormValues> = {}): GatewayFormValues {
  return { ...emptyGatewayForm("test01"), name: "my-gateway", roleMode: "arn", roleArn: ROLE, authorizerType: "AWS_IAM", jwtSource: "oidc", ...over };
}

/** The fields of the full CUSTOM_JWT form that read back unchanged from the gateway. */
const FULL_JWT_HEAD = {
  name: "support-tools",
  description: "Tools for the support agents.",
  roleMode: "arn",
  newRoleName: "",
  roleArn: ROLE,
  authorizerType: "CUSTOM_JWT",
  jwtSource: "oidc",
} satisfies Partial<GatewayFormValues>;

function fullJwtForm(): GatewayFormValues {
  return {
    ...FULL_JWT_HEAD,
    cognito: emptyGatewayForm("test01").cognito,
    jwt: {
      discoveryUrl: ` ${COGNITO} `,
      allowedAudience: ["api://support", ""],
      allowedClients: ["client-1", " client-2 "],
      allowedScopes: ["", "gateway/invoke"],
      customClaims: [
        { name: "department", valueType: "STRING", operator: "EQUALS", values: ["", "support"] },
        { name: "cognito:groups", valueType: "STRING_ARRAY", operator: "CONTAINS_ANY", values: ["agents", "admins"] },
        { name: "roles", valueType: "STRING_ARRAY", operator: "CONTAINS", values: ["reader"] },
      ],
    },
    mcp: { supportedVersions: ["2025-06-18", "2025-11-25"], instructions: "Use the ticket tools first.", semanticSearch: true },
    debugExceptions: true,
    kmsKeyArn: KMS,
    tags: [
      { key: "team", value: "support" },
      { key: " env ", value: "prod" },
    ],
  };
}

const FULL_JWT_REQUEST: Request = {
  name: "support-tools",
  description: "Tools for the support agents.",
  roleArn: ROLE,
  protocolType: "MCP",
  authorizerType: "CUSTOM_JWT",
  authorizerConfiguration: {
    customJWTAuthorizer: {
      discoveryUrl: COGNITO,
      allowedAudience: ["api://support"],
      allowedClients: ["client-1", "client-2"],
      allowedScopes: ["gateway/invoke"],
      customClaims: [
        {
          inboundTokenClaimName: "department",
          inboundTokenClaimValueType: "STRING",
          authorizingClaimMatchValue: { claimMatchOperator: "EQUALS", claimMatchValue: { matchValueString: "support" } },
        },
        {
          inboundTokenClaimName: "cognito:groups",
          inboundTokenClaimValueType: "STRING_ARRAY",
          authorizingClaimMatchValue: { claimMatchOperator: "CONTAINS_ANY", claimMatchValue: { matchValueStringList: ["agents", "admins"] } },
        },
        {
          inboundTokenClaimName: "roles",
          inboundTokenClaimValueType: "STRING_ARRAY",
          authorizingClaimMatchValue: { claimMatchOperator: "CONTAINS", claimMatchValue: { matchValueString: "reader" } },
        },
      ],
    },
  },
  protocolConfiguration: {
    mcp: { supportedVersions: ["2025-06-18", "2025-11-25"], instructions: "Use the ticket tools first.", searchType: "SEMANTIC" },
  },
  exceptionLevel: "DEBUG",
  kmsKeyArn: KMS,
  tags: { team: "support", env: "prod" },
};

describe("toGatewayRequest", () => {
  it("sends a minimal AWS_IAM gateway as name, role, MCP and the authorizer type only", () => {
    expect(requestFor(iamForm())).toEqual({ name: "my-gateway", roleArn: ROLE, protocolType: "MCP", authorizerType: "AWS_IAM" });
  });

  it("sends a minimal NONE gateway the same way", () => {
    expect(requestFor(iamForm({ authorizerType: "NONE" }))).toEqual({ name: "my-gateway", roleArn: ROLE, protocolType: "MCP", authorizerType: "NONE" });
  });

  it("sends a full CUSTOM_JWT gateway with every list, claim, MCP option, debug level, KMS key and tag", () => {
    expect(requestFor(fullJwtForm())).toEqual(FULL_JWT_REQUEST);
  });

  it("matches EQUALS and CONTAINS claims on matchValueString and CONTAINS_ANY claims on matchValueStringList, as AgentCore expects", () => {
    const claims = requestFor(fullJwtForm()).authorizerConfiguration?.customJWTAuthorizer?.customClaims ?? [];
    expect(claims.map((c) => Object.keys(c.authorizingClaimMatchValue?.claimMatchValue ?? {}))).toEqual([
      ["matchValueString"],
      ["matchValueStringList"],
      ["matchValueString"],
    ]);
  });

  it("never sends a client token (the action adds it) nor the form-only fields", () => {
    const req = requestFor(fullJwtForm()) as Record<string, unknown>;
    expect(req).not.toHaveProperty("clientToken");
    for (const formOnly of ["jwt", "mcp", "debugExceptions", "semanticSearch"]) expect(req).not.toHaveProperty(formOnly);
  });

  it("sends only the JWT lists that have values, since the model refuses empty lists", () => {
    const form = fullJwtForm();
    form.jwt = { discoveryUrl: COGNITO, allowedAudience: [""], allowedClients: ["client-1"], allowedScopes: [], customClaims: [] };
    expect(requestFor(form).authorizerConfiguration).toEqual({ customJWTAuthorizer: { discoveryUrl: COGNITO, allowedClients: ["client-1"] } });
  });

  it("sends no authorizer configuration for AWS_IAM, even with JWT settings left in the form", () => {
    const form = { ...fullJwtForm(), authorizerType: "AWS_IAM" as const };
    const req = requestFor(form);
    expect(req).not.toHaveProperty("authorizerConfiguration");
    expect(req.authorizerType).toBe("AWS_IAM");
  });

  it("omits a blank description, which the model would refuse (min length 1)", () => {
    expect(requestFor(iamForm({ description: "" }))).not.toHaveProperty("description");
    expect(requestFor(iamForm({ description: "   " }))).not.toHaveProperty("description");
    expect(requestFor(iamForm({ description: "Hi" })).description).toBe("Hi");
  });

  it("omits protocolConfiguration when no MCP option is set", () => {
    expect(requestFor(iamForm({ mcp: { supportedVersions: [], instructions: "  ", semanticSearch: false } }))).not.toHaveProperty("protocolConfiguration");
  });

  it.each([
    ["only versions", { supportedVersions: ["2025-03-26" as const], instructions: "", semanticSearch: false }, { supportedVersions: ["2025-03-26"] }],
    ["only instructions", { supportedVersions: [], instructions: "Be brief.", semanticSearch: false }, { instructions: "Be brief." }],
    ["only semantic search", { supportedVersions: [], instructions: "", semanticSearch: true }, { searchType: "SEMANTIC" }],
  ])("sends protocolConfiguration.mcp with %s", (_what, mcp, expected) => {
    expect(requestFor(iamForm({ mcp })).protocolConfiguration).toEqual({ mcp: expected });
  });

  it("omits exceptionLevel, kmsKeyArn and tags when they are off or empty", () => {
    const req = requestFor(iamForm({ debugExceptions: false, kmsKeyArn: "", tags: [] }));
    expect(req).not.toHaveProperty("exceptionLevel");
    expect(req).not.toHaveProperty("kmsKeyArn");
    expect(req).not.toHaveProperty("tags");
  });

  it("sends tags as a key → value map, empty values included", () => {
    expect(requestFor(iamForm({ tags: [{ key: "a", value: "" }, { key: "b", value: "x y" }] })).tags).toEqual({ a: "", b: "x y" });
  });

  it("copies the MCP versions, so editing the request cannot change the parsed form", () => {
    const parsed = gatewaySchema.parse(fullJwtForm());
    toGatewayRequest(parsed).protocolConfiguration?.mcp?.supportedVersions?.push("2026-07-28");
    expect(parsed.mcp.supportedVersions).toEqual(["2025-06-18", "2025-11-25"]);
  });
});

describe("gatewayToFormValues", () => {
  const { tags: _tags, ...fullGateway } = FULL_JWT_REQUEST;
  void _tags;

  it("fills every field of the edit form from a full CUSTOM_JWT gateway", () => {
    expect(gatewayToFormValues(fullGateway)).toEqual({
      ...FULL_JWT_HEAD,
      cognito: expect.any(Object),
      jwt: {
        discoveryUrl: COGNITO,
        allowedAudience: ["api://support"],
        allowedClients: ["client-1", "client-2"],
        allowedScopes: ["gateway/invoke"],
        customClaims: [
          { name: "department", valueType: "STRING", operator: "EQUALS", values: ["support"] },
          { name: "cognito:groups", valueType: "STRING_ARRAY", operator: "CONTAINS_ANY", values: ["agents", "admins"] },
          { name: "roles", valueType: "STRING_ARRAY", operator: "CONTAINS", values: ["reader"] },
        ],
      },
      mcp: { supportedVersions: ["2025-06-18", "2025-11-25"], instructions: "Use the ticket tools first.", semanticSearch: true },
      debugExceptions: true,
      kmsKeyArn: KMS,
      tags: [],
    });
  });

  it("fills a minimal AWS_IAM gateway with the new-form defaults, its role given by ARN", () => {
    expect(gatewayToFormValues({ name: "gw", roleArn: ROLE, authorizerType: "AWS_IAM" })).toEqual({
      ...emptyGatewayForm(),
      cognito: expect.any(Object),
      jwtSource: "oidc",
      name: "gw",
      roleMode: "arn",
      roleArn: ROLE,
      authorizerType: "AWS_IAM",
    });
  });

  it("fills missing strings with empty strings", () => {
    const v = gatewayToFormValues({ name: undefined, authorizerType: "NONE" });
    expect([v.name, v.description, v.roleArn, v.kmsKeyArn, v.mcp.instructions]).toEqual(["", "", "", "", ""]);
  });

  it("does not share the JWT lists with the gateway it came from", () => {
    const g = structuredClone(fullGateway);
    const v = gatewayToFormValues(g);
    v.jwt.allowedClients.push("added");
    v.jwt.customClaims[1].values.push("added");
    expect(g.authorizerConfiguration?.customJWTAuthorizer?.allowedClients).toEqual(["client-1", "client-2"]);
    expect(g.authorizerConfiguration?.customJWTAuthorizer?.customClaims?.[1].authorizingClaimMatchValue?.claimMatchValue?.matchValueStringList).toEqual([
      "agents",
      "admins",
    ]);
  });

  it("keeps only the MCP versions the console knows", () => {
    const v = gatewayToFormValues({ name: "gw", authorizerType: "AWS_IAM", protocolConfiguration: { mcp: { supportedVersions: ["2024-11-05", "2025-03-26"] } } });
    expect(v.mcp.supportedVersions).toEqual(["2025-03-26"]);
  });

  it("reads a STRING claim whose value type is missing as STRING and a missing operator as EQUALS", () => {
    const v = gatewayToFormValues({
      name: "gw",
      authorizerType: "CUSTOM_JWT",
      authorizerConfiguration: {
        customJWTAuthorizer: {
          discoveryUrl: COGNITO,
          customClaims: [{ inboundTokenClaimName: "dept", inboundTokenClaimValueType: undefined, authorizingClaimMatchValue: undefined }],
        },
      },
    });
    expect(v.jwt.customClaims).toEqual([{ name: "dept", valueType: "STRING", operator: "EQUALS", values: [] }]);
  });

  it("turns exceptionLevel DEBUG on the debug switch, and anything else off", () => {
    expect(gatewayToFormValues({ name: "gw", authorizerType: "NONE", exceptionLevel: "DEBUG" }).debugExceptions).toBe(true);
    expect(gatewayToFormValues({ name: "gw", authorizerType: "NONE" }).debugExceptions).toBe(false);
  });

  it.each(["CUSTOM_JWT", "AWS_IAM", "NONE"])("keeps the authorizer type %s", (authorizerType) => {
    expect(gatewayToFormValues({ name: "gw", authorizerType }).authorizerType).toBe(authorizerType);
  });

  // The form cannot represent AUTHENTICATE_ONLY: the edit page refuses to show the form rather than present it as NONE.
  it("marks only the three form types as editable, so an AUTHENTICATE_ONLY gateway is never edited as NONE", () => {
    expect(["CUSTOM_JWT", "AWS_IAM", "NONE"].every(isEditableAuthorizerType)).toBe(true);
    expect(isEditableAuthorizerType("AUTHENTICATE_ONLY")).toBe(false);
    expect(isEditableAuthorizerType(undefined)).toBe(false);
  });
});

describe("withUnmanagedSettings: an update keeps what the form does not show", () => {
  const formFields = {
    name: "gw",
    roleArn: "arn:aws:iam::123456789012:role/R",
    protocolType: "MCP" as const,
    authorizerType: "CUSTOM_JWT" as const,
    protocolConfiguration: { mcp: { supportedVersions: ["2025-06-18"] } },
    authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["c2"] } },
  };

  it("returns the form's fields unchanged when the gateway has nothing else", () => {
    expect(withUnmanagedSettings({}, formFields)).toEqual(formFields);
    expect(unmanagedSettingNames({})).toEqual([]);
  });

  it("carries over interceptors, policy engine, WAF, MCP session/streaming, unknown MCP versions and JWT extras", () => {
    const current = {
      interceptorConfigurations: [{ interceptor: { lambda: { arn: "arn:aws:lambda:us-east-1:123456789012:function:f" } }, interceptionPoints: ["REQUEST" as const] }],
      policyEngineConfiguration: { arn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:policy-engine/pe-abcdefghij", mode: "ENFORCE" as const },
      wafConfiguration: { failureMode: "FAIL_OPEN" as const },
      protocolConfiguration: { mcp: { supportedVersions: ["2025-06-18", "2099-01-01"], sessionConfiguration: { sessionTimeoutInSeconds: 1800 }, streamingConfiguration: { enableResponseStreaming: true } } },
      authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: "https://old.example.com/.well-known/openid-configuration", allowedClients: ["c1"], advertisedScopeMapping: { a: "b" } } },
    };
    expect(withUnmanagedSettings(current, formFields)).toEqual({
      ...formFields,
      interceptorConfigurations: current.interceptorConfigurations,
      policyEngineConfiguration: current.policyEngineConfiguration,
      wafConfiguration: current.wafConfiguration,
      protocolConfiguration: {
        mcp: { supportedVersions: ["2025-06-18", "2099-01-01"], sessionConfiguration: { sessionTimeoutInSeconds: 1800 }, streamingConfiguration: { enableResponseStreaming: true } },
      },
      authorizerConfiguration: {
        customJWTAuthorizer: { discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["c2"], advertisedScopeMapping: { a: "b" } },
      },
    });
    expect(unmanagedSettingNames(current)).toEqual([
      "interceptors",
      "policy engine",
      "WAF",
      "MCP session timeout",
      "MCP response streaming",
      "other MCP versions",
      "advertised scope mapping",
    ]);
  });
});

describe("round trip: gateway → edit form → request", () => {
  const roundTrip = (g: Request) => toGatewayRequest(gatewaySchema.parse(gatewayToFormValues(g)));
  const { tags: _tags, ...fullGateway } = FULL_JWT_REQUEST;
  void _tags;

  it("gives back a full CUSTOM_JWT gateway unchanged (tags are managed apart)", () => {
    expect(roundTrip(fullGateway)).toEqual(fullGateway);
  });

  it.each<[string, Request]>([
    ["a minimal AWS_IAM gateway", { name: "gw", roleArn: ROLE, protocolType: "MCP", authorizerType: "AWS_IAM" }],
    ["a minimal NONE gateway", { name: "gw", roleArn: ROLE, protocolType: "MCP", authorizerType: "NONE" }],
    [
      "an AWS_IAM gateway with every optional field",
      {
        name: "gw",
        description: "d",
        roleArn: ROLE,
        protocolType: "MCP",
        authorizerType: "AWS_IAM",
        protocolConfiguration: { mcp: { supportedVersions: ["2026-07-28"], instructions: "i", searchType: "SEMANTIC" } },
        exceptionLevel: "DEBUG",
        kmsKeyArn: KMS,
      },
    ],
    [
      "a CUSTOM_JWT gateway with only allowed clients",
      {
        name: "gw",
        roleArn: ROLE,
        protocolType: "MCP",
        authorizerType: "CUSTOM_JWT",
        authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: COGNITO, allowedClients: ["c"] } },
      },
    ],
  ])("gives back %s unchanged", (_what, g) => {
    expect(roundTrip(g)).toEqual(g);
  });
});

describe("awsFieldListToFormErrors", () => {
  it.each([
    ["authorizerConfiguration.customJWTAuthorizer.discoveryUrl", "jwt.discoveryUrl"],
    ["authorizerConfiguration.customJWTAuthorizer.allowedClients[0]", "jwt.allowedClients.0"],
    ["authorizerConfiguration.customJWTAuthorizer.allowedAudience[2]", "jwt.allowedAudience.2"],
    ["authorizerConfiguration.customJWTAuthorizer.allowedScopes.1", "jwt.allowedScopes.1"],
    ["authorizerConfiguration.customJWTAuthorizer.allowedClients", "jwt.allowedClients"],
    ["authorizerConfiguration.customJWTAuthorizer.allowedScopes", "jwt.allowedScopes"],
    ["authorizerConfiguration.customJWTAuthorizer.customClaims", "jwt.customClaims"],
    ["authorizerConfiguration.customJWTAuthorizer.customClaims[1].inboundTokenClaimName", "jwt.customClaims.1.name"],
    ["authorizerConfiguration.customJWTAuthorizer.customClaims.0.inboundTokenClaimName", "jwt.customClaims.0.name"],
    ["authorizerConfiguration.customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue", "jwt.customClaims.0.values"],
    ["authorizerConfiguration.customJWTAuthorizer.customClaims[3].authorizingClaimMatchValue.claimMatchValue.matchValueString", "jwt.customClaims.3.values"],
    ["authorizerConfiguration.customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchValue.matchValueStringList[1]", "jwt.customClaims.0.values"],
    ["authorizerConfiguration", "jwt.discoveryUrl"],
    ["authorizerConfiguration.customJWTAuthorizer", "jwt.discoveryUrl"],
    ["protocolConfiguration.mcp.instructions", "mcp.instructions"],
    ["protocolConfiguration.mcp.supportedVersions", "mcp.supportedVersions"],
    ["protocolConfiguration.mcp.supportedVersions[0]", "mcp.supportedVersions"],
    ["protocolConfiguration.mcp.searchType", "mcp.semanticSearch"],
    ["exceptionLevel", "debugExceptions"],
    ["name", "name"],
    ["description", "description"],
    ["roleArn", "roleArn"],
    ["authorizerType", "authorizerType"],
    ["kmsKeyArn", "kmsKeyArn"],
    ["tags", "tags"],
    ["tags.key", "tags"],
    ["tags.value", "tags"],
  ])("shows an error on %s under the form field %s", (name, field) => {
    expect(awsFieldListToFormErrors([{ name, message: "Bad value." }])).toEqual({ [field]: "Bad value." });
  });

  it.each(["clientToken", "protocolType", "gatewayIdentifier", "interceptorConfigurations", "nameSuffix", "roleArn.extra", ""])(
    "shows an error on the unknown field %j at the top of the form",
    (name) => {
      expect(awsFieldListToFormErrors([{ name, message: "Bad value." }])).toEqual({ _form: "Bad value." });
    },
  );

  it("shows an error with no field name at the top of the form", () => {
    expect(awsFieldListToFormErrors([{ message: "Bad value." }])).toEqual({ _form: "Bad value." });
  });

  it("falls back to 'Invalid value.' when AWS gives no message", () => {
    expect(awsFieldListToFormErrors([{ name: "name" }])).toEqual({ name: "Invalid value." });
  });

  it("joins two messages for one field, in order", () => {
    expect(
      awsFieldListToFormErrors([
        { name: "tags.key", message: "Value at 'tags.key' failed to satisfy constraint: Member must satisfy regular expression pattern." },
        { name: "tags.value", message: "Value at 'tags.value' failed to satisfy constraint: Member must have length less than or equal to 256" },
      ]),
    ).toEqual({
      tags: "Value at 'tags.key' failed to satisfy constraint: Member must satisfy regular expression pattern. Value at 'tags.value' failed to satisfy constraint: Member must have length less than or equal to 256",
    });
  });

  it("keeps errors on different fields apart, and gathers the unknown ones at the top", () => {
    expect(
      awsFieldListToFormErrors([
        { name: "name", message: "A." },
        { name: "authorizerConfiguration.customJWTAuthorizer.discoveryUrl", message: "B." },
        { name: "clientToken", message: "C." },
        { name: "protocolType", message: "D." },
      ]),
    ).toEqual({ name: "A.", "jwt.discoveryUrl": "B.", _form: "C. D." });
  });

  it("returns no errors for an empty field list", () => {
    expect(awsFieldListToFormErrors([])).toEqual({});
  });

  it("uses the same keys as the form's own errors, so AWS errors show under the same fields", () => {
    const form = iamForm({
      authorizerType: "CUSTOM_JWT",
      jwt: { discoveryUrl: COGNITO, allowedAudience: [], allowedClients: ["c", "c"], allowedScopes: [], customClaims: [] },
    });
    const r = gatewaySchema.safeParse(form);
    expect(r.success).toBe(false);
    const own = Object.keys(issuesToFieldErrors(r.success ? [] : r.error.issues));
    const aws = Object.keys(awsFieldListToFormErrors([{ name: "authorizerConfiguration.customJWTAuthorizer.allowedClients[1]", message: "x" }]));
    expect(aws).toEqual(own);
  });
});
