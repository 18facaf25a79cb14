import { describe, expect, it } from "vitest";
import { loadModel } from "./model";
import { summarize, validateShape } from "./validate";

const agentcore = loadModel("bedrock-agentcore-control");
const iam = loadModel("iam");
const cognito = loadModel("cognito-identity-provider");
const CREATE = "CreateGatewayRequest";
const valid = {
  name: "my-gateway",
  roleArn: "arn:aws:iam::123456789012:role/Gw",
  authorizerType: "CUSTOM_JWT",
  authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: "https://issuer/.well-known/openid-configuration", allowedClients: ["abc"] } },
};
const names = (errors: { name: string }[]) => errors.map((e) => e.name);

describe("validateShape on CreateGatewayRequest", () => {
  it("accepts a valid input", () => {
    expect(validateShape(agentcore, CREATE, valid)).toEqual([]);
  });

  it("required members (null counts as absent; defaulted members are not required)", () => {
    const errors = validateShape(agentcore, CREATE, { name: null, roleArn: valid.roleArn });
    expect(errors).toEqual([
      { name: "name", message: "Value at 'name' failed to satisfy constraint: Member must not be null" },
      { name: "authorizerType", message: "Value at 'authorizerType' failed to satisfy constraint: Member must not be null" },
    ]);
  });

  it("pattern, with the pattern in the message", () => {
    expect(validateShape(agentcore, CREATE, { ...valid, name: "a".repeat(49) })).toEqual([
      { name: "name", message: "Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([0-9a-zA-Z][-]?){1,48}$" },
    ]);
    expect(names(validateShape(agentcore, CREATE, { ...valid, name: "bad--name" }))).toEqual(["name"]);
    expect(validateShape(agentcore, CREATE, { ...valid, name: "a".repeat(48) })).toEqual([]);
  });

  it("string length counts code points", () => {
    expect(validateShape(agentcore, CREATE, { ...valid, description: "é".repeat(200) })).toEqual([]);
    expect(validateShape(agentcore, CREATE, { ...valid, description: "😀".repeat(200) })).toEqual([]);
    expect(validateShape(agentcore, CREATE, { ...valid, description: "x".repeat(201) })[0].message).toBe(
      "Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 200",
    );
    expect(validateShape(agentcore, CREATE, { ...valid, description: "" })[0].message).toContain("Member must have length greater than or equal to 1");
  });

  it("enums", () => {
    expect(validateShape(agentcore, CREATE, { ...valid, authorizerType: "OIDC" })).toEqual([
      { name: "authorizerType", message: "Value at 'authorizerType' failed to satisfy constraint: Member must satisfy enum value set: [CUSTOM_JWT, AWS_IAM, NONE, AUTHENTICATE_ONLY]" },
    ]);
  });

  it("nested paths, list indexes and list length", () => {
    const input = { ...valid, authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: "https://x/oidc", allowedClients: [] } } };
    expect(names(validateShape(agentcore, CREATE, input))).toEqual([
      "authorizerConfiguration.customJWTAuthorizer.discoveryUrl",
      "authorizerConfiguration.customJWTAuthorizer.allowedClients",
    ]);
    const items = { ...valid, authorizerConfiguration: { customJWTAuthorizer: { ...valid.authorizerConfiguration.customJWTAuthorizer, allowedClients: ["ok", 5, null] } } };
    expect(validateShape(agentcore, CREATE, items)).toEqual([
      {
        name: "authorizerConfiguration.customJWTAuthorizer.allowedClients[1]",
        message: "Value at 'authorizerConfiguration.customJWTAuthorizer.allowedClients[1]' failed to satisfy constraint: Member must be of type string",
      },
      {
        name: "authorizerConfiguration.customJWTAuthorizer.allowedClients[2]",
        message: "Value at 'authorizerConfiguration.customJWTAuthorizer.allowedClients[2]' failed to satisfy constraint: Member must not be null",
      },
    ]);
  });

  it("maps: key and value constraints, and entry count", () => {
    expect(names(validateShape(agentcore, CREATE, { ...valid, tags: { "bad key!": "v", ok: "bad value!" } }))).toEqual(["tags.key", "tags.value"]);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
    expect(validateShape(agentcore, CREATE, { ...valid, tags: many })[0].message).toContain("Member must have length less than or equal to 50");
  });

  it("unions: exactly one member set", () => {
    const none = validateShape(agentcore, CREATE, { ...valid, authorizerConfiguration: {} });
    expect(none).toEqual([
      {
        name: "authorizerConfiguration",
        message: "Value at 'authorizerConfiguration' failed to satisfy constraint: Member must have exactly one of [customJWTAuthorizer] set",
      },
    ]);
    const claim = (claimMatchValue: unknown) => ({
      ...valid,
      authorizerConfiguration: {
        customJWTAuthorizer: {
          discoveryUrl: "https://issuer/.well-known/openid-configuration",
          customClaims: [{ inboundTokenClaimName: "groups", inboundTokenClaimValueType: "STRING", authorizingClaimMatchValue: { claimMatchOperator: "EQUALS", claimMatchValue } }],
        },
      },
    });
    expect(validateShape(agentcore, CREATE, claim({ matchValueString: "admins" }))).toEqual([]);
    expect(names(validateShape(agentcore, CREATE, claim({ matchValueString: "a", matchValueStringList: ["b"] })))).toEqual([
      "authorizerConfiguration.customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchValue",
    ]);
    expect(names(validateShape(agentcore, CREATE, claim({ unknownMember: "x" })))).toEqual([
      "authorizerConfiguration.customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchValue",
    ]);
  });

  it("type checks do not recurse into a wrong type", () => {
    expect(validateShape(agentcore, CREATE, { ...valid, authorizerConfiguration: "nope" })).toEqual([
      { name: "authorizerConfiguration", message: "Value at 'authorizerConfiguration' failed to satisfy constraint: Member must be of type union" },
    ]);
    expect(names(validateShape(agentcore, CREATE, { ...valid, tags: ["a"] }))).toEqual(["tags"]);
  });
});

describe("validateShape: ranges, integers, uniqueItems, other services", () => {
  it("range and integer type on ListGatewaysRequest", () => {
    expect(validateShape(agentcore, "ListGatewaysRequest", { maxResults: 1000 })).toEqual([]);
    expect(validateShape(agentcore, "ListGatewaysRequest", { maxResults: 0 })).toEqual([
      { name: "maxResults", message: "Value at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1" },
    ]);
    expect(validateShape(agentcore, "ListGatewaysRequest", { maxResults: 1001 })[0].message).toContain("Member must have value less than or equal to 1000");
    expect(validateShape(agentcore, "ListGatewaysRequest", { maxResults: 1.5 })[0].message).toContain("Member must be of type integer");
  });

  it("uniqueItems", () => {
    const shapes = Object.entries(agentcore.model.shapes).filter(([, s]) => s.type === "list" && s.traits && "smithy.api#uniqueItems" in s.traits);
    expect(shapes.length).toBeGreaterThan(0);
    const [id, shape] = shapes[0];
    const item = agentcore.shape(shape.member!.target);
    if (item.type === "string" || item.type === "enum") {
      const value = item.type === "enum" ? Object.values(item.members!)[0].traits!["smithy.api#enumValue"] : "a";
      expect(validateShape(agentcore, id, [value, value]).map((e) => e.message)).toContain("Value at 'input' failed to satisfy constraint: Member must have unique items");
    }
  });

  it("IAM CreateRoleRequest (lengths, patterns, required nested list members)", () => {
    const ok = { RoleName: "MyRole", AssumeRolePolicyDocument: "{}", Tags: [{ Key: "k", Value: "v" }] };
    expect(validateShape(iam, "CreateRoleRequest", ok)).toEqual([]);
    expect(names(validateShape(iam, "CreateRoleRequest", { ...ok, RoleName: "x".repeat(65), Tags: [{ Key: "k" }] }))).toEqual(["RoleName", "Tags[0].Value"]);
  });

  it("Cognito CreateUserPoolRequest", () => {
    expect(validateShape(cognito, "CreateUserPoolRequest", { PoolName: "pool" })).toEqual([]);
    expect(names(validateShape(cognito, "CreateUserPoolRequest", {}))).toEqual(["PoolName"]);
  });

  it("skip option and summary", () => {
    expect(validateShape(agentcore, CREATE, { ...valid, name: undefined }, { skip: ["name"] })).toEqual([]);
    const errors = validateShape(agentcore, CREATE, {});
    expect(summarize(errors)).toMatch(/^3 validation errors detected: Value at 'name' .*; Value at 'roleArn'/);
  });
});
