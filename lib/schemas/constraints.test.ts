// Checks every constant in constraints.ts against the AgentCore Control model extract, so a model change fails here first.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  AUTHORIZER_TYPES,
  CLAIM_NAME_MAX,
  CLAIM_NAME_PATTERN,
  CLAIM_OPERATORS,
  CLAIM_VALUE_MAX,
  CLAIM_VALUE_PATTERN,
  CLAIM_VALUE_TYPES,
  DISCOVERY_URL_PATTERN,
  GATEWAY_DESCRIPTION_MAX,
  GATEWAY_ID_PATTERN,
  GATEWAY_NAME_MAX,
  GATEWAY_NAME_PATTERN,
  KMS_KEY_ARN_MAX,
  KMS_KEY_ARN_PATTERN,
  LIST_MAX_RESULTS_MAX,
  LIST_MAX_RESULTS_MIN,
  MCP_INSTRUCTIONS_MAX,
  MCP_VERSIONS,
  ROLE_ARN_MAX,
  ROLE_ARN_PATTERN,
  SCOPE_MAX,
  SCOPE_PATTERN,
  TAG_KEY_MAX,
  TAG_PATTERN,
  TAG_VALUE_MAX,
  TAGS_MAX,
} from "./constraints";

type Traits = {
  "smithy.api#pattern"?: string;
  "smithy.api#length"?: { min?: number; max?: number };
  "smithy.api#range"?: { min?: number; max?: number };
  "smithy.api#default"?: unknown;
  "smithy.api#enumValue"?: string;
};
type Shape = {
  type: string;
  version?: string;
  traits?: Traits;
  members?: Record<string, { target: string; traits?: Traits }>;
  member?: { target: string };
  key?: { target: string };
  value?: { target: string };
};

const NS = "com.amazonaws.bedrockagentcorecontrol#";
const model = JSON.parse(readFileSync(new URL("../../sandbox/models/bedrock-agentcore-control.json", import.meta.url), "utf8")) as {
  smithy: string;
  shapes: Record<string, Shape>;
};

function shape(name: string): Shape {
  const s = model.shapes[NS + name];
  if (!s) throw new Error(`The model extract has no shape ${name}`);
  return s;
}
const pattern = (name: string) => shape(name).traits?.["smithy.api#pattern"];
const length = (name: string) => shape(name).traits?.["smithy.api#length"];
const enumValues = (name: string) => {
  const s = shape(name);
  expect(s.type).toBe("enum");
  return Object.entries(s.members ?? {}).map(([k, m]) => m.traits?.["smithy.api#enumValue"] ?? k);
};
const target = (structure: string, member: string) => shape(structure).members?.[member]?.target.replace(NS, "");

describe("the model extract", () => {
  it("is the AgentCore Control 2023-06-05 Smithy model", () => {
    expect(model.smithy).toBe("2.0");
    expect(shape("AmazonBedrockAgentCoreControl")).toMatchObject({ type: "service", version: "2023-06-05" });
  });

  it.each([
    ["CreateGatewayRequest", "name", "GatewayName"],
    ["CreateGatewayRequest", "description", "GatewayDescription"],
    ["CreateGatewayRequest", "roleArn", "RoleArn"],
    ["CreateGatewayRequest", "authorizerType", "AuthorizerType"],
    ["CreateGatewayRequest", "kmsKeyArn", "KmsKeyArn"],
    ["CreateGatewayRequest", "tags", "TagsMap"],
    ["CreateGatewayRequest", "exceptionLevel", "ExceptionLevel"],
    ["UpdateGatewayRequest", "name", "GatewayName"],
    ["UpdateGatewayRequest", "description", "GatewayDescription"],
    ["UpdateGatewayRequest", "roleArn", "RoleArn"],
    ["UpdateGatewayRequest", "authorizerType", "AuthorizerType"],
    ["UpdateGatewayRequest", "kmsKeyArn", "KmsKeyArn"],
    ["UpdateGatewayRequest", "gatewayIdentifier", "GatewayIdentifier"],
    ["GetGatewayRequest", "gatewayIdentifier", "GatewayIdentifier"],
    ["GatewaySummary", "gatewayId", "GatewayId"],
    ["ListGatewaysRequest", "maxResults", "GatewayMaxResults"],
    ["CustomJWTAuthorizerConfiguration", "discoveryUrl", "DiscoveryUrl"],
    ["CustomJWTAuthorizerConfiguration", "allowedScopes", "AllowedScopesType"],
    ["CustomClaimValidationType", "inboundTokenClaimName", "InboundTokenClaimNameType"],
    ["CustomClaimValidationType", "inboundTokenClaimValueType", "InboundTokenClaimValueType"],
    ["AuthorizingClaimMatchValueType", "claimMatchOperator", "ClaimMatchOperatorType"],
    ["ClaimMatchValueType", "matchValueString", "MatchValueString"],
    ["ClaimMatchValueType", "matchValueStringList", "MatchValueStringList"],
    ["MCPGatewayConfiguration", "instructions", "McpInstructions"],
    ["MCPGatewayConfiguration", "supportedVersions", "McpSupportedVersions"],
    ["MCPGatewayConfiguration", "searchType", "SearchType"],
  ])("%s.%s is a %s, the shape the console's constant is checked against", (structure, member, shapeName) => {
    expect(target(structure, member)).toBe(shapeName);
  });

  it("list items and map entries use the shapes the console checks", () => {
    expect(shape("AllowedScopesType").member?.target).toBe(NS + "AllowedScopeType");
    expect(shape("MatchValueStringList").member?.target).toBe(NS + "MatchValueString");
    expect(shape("McpSupportedVersions").member?.target).toBe(NS + "McpVersion");
    expect(shape("TagsMap").key?.target).toBe(NS + "TagKey");
    expect(shape("TagsMap").value?.target).toBe(NS + "TagValue");
  });
});

describe("patterns equal the model's", () => {
  it.each([
    ["GATEWAY_NAME_PATTERN", GATEWAY_NAME_PATTERN, "GatewayName"],
    ["ROLE_ARN_PATTERN", ROLE_ARN_PATTERN, "RoleArn"],
    ["DISCOVERY_URL_PATTERN", DISCOVERY_URL_PATTERN, "DiscoveryUrl"],
    ["SCOPE_PATTERN", SCOPE_PATTERN, "AllowedScopeType"],
    ["CLAIM_NAME_PATTERN", CLAIM_NAME_PATTERN, "InboundTokenClaimNameType"],
    ["CLAIM_VALUE_PATTERN", CLAIM_VALUE_PATTERN, "MatchValueString"],
    ["KMS_KEY_ARN_PATTERN", KMS_KEY_ARN_PATTERN, "KmsKeyArn"],
    ["TAG_PATTERN", TAG_PATTERN, "TagKey"],
    ["TAG_PATTERN", TAG_PATTERN, "TagValue"],
    ["GATEWAY_ID_PATTERN", GATEWAY_ID_PATTERN, "GatewayId"],
    ["GATEWAY_ID_PATTERN", GATEWAY_ID_PATTERN, "GatewayIdentifier"],
  ])("%s is %s's pattern and compiles as a JavaScript RegExp", (_name, constant, shapeName) => {
    expect(constant).toBe(pattern(shapeName));
    expect(() => new RegExp(constant)).not.toThrow();
  });

  it("the discovery URL pattern is exactly ^.+/\\.well-known/openid-configuration$", () => {
    expect(DISCOVERY_URL_PATTERN).toBe("^.+/\\.well-known/openid-configuration$");
  });
});

describe("lengths equal the model's", () => {
  it.each([
    ["GATEWAY_DESCRIPTION_MAX", GATEWAY_DESCRIPTION_MAX, "GatewayDescription", 1],
    ["ROLE_ARN_MAX", ROLE_ARN_MAX, "RoleArn", 1],
    ["SCOPE_MAX", SCOPE_MAX, "AllowedScopeType", 1],
    ["CLAIM_NAME_MAX", CLAIM_NAME_MAX, "InboundTokenClaimNameType", 1],
    ["CLAIM_VALUE_MAX", CLAIM_VALUE_MAX, "MatchValueString", 1],
    ["MCP_INSTRUCTIONS_MAX", MCP_INSTRUCTIONS_MAX, "McpInstructions", 1],
    ["KMS_KEY_ARN_MAX", KMS_KEY_ARN_MAX, "KmsKeyArn", 1],
    ["TAG_KEY_MAX", TAG_KEY_MAX, "TagKey", 1],
    ["TAG_VALUE_MAX", TAG_VALUE_MAX, "TagValue", 0],
    ["TAGS_MAX", TAGS_MAX, "TagsMap", 0],
  ])("%s (%i) is %s's max length, and its min length is %i", (_name, constant, shapeName, min) => {
    expect(length(shapeName)).toEqual({ min, max: constant });
  });

  it("GatewayName has no length trait: GATEWAY_NAME_MAX is the pattern's repetition bound", () => {
    expect(length("GatewayName")).toBeUndefined();
    const bound = /\{1,(\d+)\}\$$/.exec(pattern("GatewayName") ?? "");
    expect(bound).not.toBeNull();
    expect(GATEWAY_NAME_MAX).toBe(Number(bound?.[1]));
  });

  it("ListGateways maxResults range is LIST_MAX_RESULTS_MIN..LIST_MAX_RESULTS_MAX", () => {
    expect(shape("GatewayMaxResults")).toMatchObject({ type: "integer", traits: { "smithy.api#range": { min: LIST_MAX_RESULTS_MIN, max: LIST_MAX_RESULTS_MAX } } });
  });

  it.each(["AllowedAudienceList", "AllowedClientsList", "AllowedScopesType", "CustomClaimValidationsType", "MatchValueStringList"])(
    "%s must not be empty (min 1), which is why the console omits empty lists",
    (name) => {
      expect(length(name)?.min).toBe(1);
    },
  );
});

describe("enums", () => {
  it("the console offers CUSTOM_JWT, AWS_IAM and NONE, all of them model authorizer types", () => {
    expect([...AUTHORIZER_TYPES]).toEqual(["CUSTOM_JWT", "AWS_IAM", "NONE"]);
    const inModel = enumValues("AuthorizerType");
    for (const t of AUTHORIZER_TYPES) expect(inModel).toContain(t);
  });

  it("the only model authorizer type the console does not offer is AUTHENTICATE_ONLY", () => {
    expect(enumValues("AuthorizerType").filter((t) => !(AUTHORIZER_TYPES as readonly string[]).includes(t))).toEqual(["AUTHENTICATE_ONLY"]);
  });

  it("CLAIM_OPERATORS equals ClaimMatchOperatorType", () => {
    expect([...CLAIM_OPERATORS].sort()).toEqual(enumValues("ClaimMatchOperatorType").sort());
  });

  it("CLAIM_VALUE_TYPES equals InboundTokenClaimValueType", () => {
    expect([...CLAIM_VALUE_TYPES].sort()).toEqual(enumValues("InboundTokenClaimValueType").sort());
  });

  it("SearchType has SEMANTIC and ExceptionLevel has DEBUG, the values the form's switches send", () => {
    expect(enumValues("SearchType")).toContain("SEMANTIC");
    expect(enumValues("ExceptionLevel")).toContain("DEBUG");
  });

  it("McpVersion is a free string in the model, and its default version is one the console offers", () => {
    const version = shape("McpVersion");
    expect(version.type).toBe("string");
    expect(version.traits?.["smithy.api#pattern"]).toBeUndefined();
    expect(MCP_VERSIONS as readonly unknown[]).toContain(version.traits?.["smithy.api#default"]);
    expect([...MCP_VERSIONS]).toEqual(["2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"]);
  });
});
