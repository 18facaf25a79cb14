import { describe, expect, it } from "vitest";
import { ServiceModel, loadModel } from "./model";

const agentcore = loadModel("bedrock-agentcore-control");
const q = (s = "") => new URLSearchParams(s);

describe("ServiceModel", () => {
  it("knows the service, protocol and signing name", () => {
    expect(agentcore.protocol).toBe("restJson1");
    expect(agentcore.signingName).toBe("bedrock-agentcore");
    expect(loadModel("iam").protocol).toBe("awsQuery");
    expect(loadModel("cognito-identity-provider").protocol).toBe("awsJson1_1");
    expect(agentcore.operationNames()).toContain("CreateGateway");
  });

  it("resolves shapes by name, id and prelude", () => {
    expect(agentcore.shape("GatewayName").type).toBe("string");
    expect(agentcore.shape("com.amazonaws.bedrockagentcorecontrol#GatewayName")).toBe(agentcore.shape("GatewayName"));
    expect(agentcore.shape("smithy.api#String").type).toBe("string");
    expect(() => agentcore.shape("Nope")).toThrow(/unknown shape/);
    expect(agentcore.inputShapeId("CreateGateway")).toBe("com.amazonaws.bedrockagentcorecontrol#CreateGatewayRequest");
  });

  it("error statuses come from httpError", () => {
    expect(agentcore.errorStatus("ValidationException")).toBe(400);
    expect(agentcore.errorStatus("ConflictException")).toBe(409);
    expect(agentcore.errorStatus("ThrottlingException")).toBe(429);
    expect(agentcore.errorStatus("InternalServerException")).toBe(500);
    expect(agentcore.errorNames("DeleteGateway")).toContain("ConflictException");
  });

  it("routes from the http traits, trailing slashes included", () => {
    expect(agentcore.matchRoute("POST", "/gateways/", q())).toMatchObject({ operation: "CreateGateway", code: 202 });
    expect(agentcore.matchRoute("GET", "/gateways/", q("maxResults=5"))).toMatchObject({ operation: "ListGateways" });
    expect(agentcore.matchRoute("GET", "/gateways/gw-abcdefghij/", q())).toEqual({ operation: "GetGateway", labels: { gatewayIdentifier: "gw-abcdefghij" }, code: 200 });
    expect(agentcore.matchRoute("PUT", "/gateways/gw-abcdefghij/", q())?.operation).toBe("UpdateGateway");
    expect(agentcore.matchRoute("DELETE", "/gateways/gw-abcdefghij/", q())?.operation).toBe("DeleteGateway");
    expect(agentcore.matchRoute("GET", "/gateways/gw-abcdefghij/targets/", q())).toMatchObject({ operation: "ListGatewayTargets" });
    expect(agentcore.matchRoute("GET", "/gateways/gw-abcdefghij/targets/T1/", q())).toMatchObject({
      operation: "GetGatewayTarget",
      labels: { gatewayIdentifier: "gw-abcdefghij", targetId: "T1" },
    });
    expect(agentcore.matchRoute("PUT", "/gateways/gw-abcdefghij/synchronizeTargets", q())?.operation).toBe("SynchronizeGatewayTargets");
    expect(agentcore.matchRoute("POST", "/identities/CreateApiKeyCredentialProvider", q())).toMatchObject({ operation: "CreateApiKeyCredentialProvider" });
    // Trailing slashes matter.
    expect(agentcore.matchRoute("GET", "/gateways/gw-abcdefghij", q())).toBeUndefined();
    expect(agentcore.matchRoute("GET", "/gateways", q())).toBeUndefined();
    expect(agentcore.matchRoute("PATCH", "/gateways/", q())).toBeUndefined();
    expect(agentcore.pathExists("/gateways/")).toBe(true);
    expect(agentcore.matchRoute("GET", "/gateways/a%2Fb-abcdefghij/", q())?.labels.gatewayIdentifier).toBe("a/b-abcdefghij");
  });

  it("handles greedy labels and static query literals", () => {
    const m = new ServiceModel({
      smithy: "2.0",
      shapes: {
        "x#S": { type: "service", operations: [{ target: "x#A" }, { target: "x#B" }] },
        "x#A": { type: "operation", traits: { "smithy.api#http": { method: "GET", uri: "/files/{key+}", code: 200 } } },
        "x#B": { type: "operation", traits: { "smithy.api#http": { method: "POST", uri: "/things?action=run", code: 201 } } },
      },
    });
    expect(m.matchRoute("GET", "/files/a/b/c", q())?.labels).toEqual({ key: "a/b/c" });
    expect(m.matchRoute("POST", "/things", q("action=run"))).toMatchObject({ operation: "B", code: 201 });
    expect(m.matchRoute("POST", "/things", q("action=stop"))).toBeUndefined();
  });
});
