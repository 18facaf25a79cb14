import { describe, expect, it } from "vitest";
import type { TargetRecord } from "../agentcore-control/models";
import { checkRules, type CustomJwtConfig } from "./jwt-authorizer";
import { openApiOperations } from "./openapi";
import { gatewayTools, searchTools, words } from "./tools";

const target = (name: string, mcp: Record<string, unknown>, extra: Partial<TargetRecord> = {}): TargetRecord =>
  ({ targetId: name.toUpperCase(), gatewayArn: "arn", name, createdAt: "", updatedAt: "", seq: 1, stableStatus: "READY", targetConfiguration: { mcp }, ...extra }) as TargetRecord;

describe("gatewayTools", () => {
  it("prefixes every tool with its target's name and three underscores", () => {
    const tools = gatewayTools([
      target("weather", { lambda: { lambdaArn: "arn:fn", toolSchema: { inlinePayload: [{ name: "get_forecast", description: "d", inputSchema: { type: "object" } }] } } }),
      target("remote", { mcpServer: { endpoint: "https://x" } }, { syncedTools: [{ name: "ping", inputSchema: { type: "object" } }] }),
    ]);
    expect(tools.map((t) => t.name)).toEqual(["weather___get_forecast", "remote___ping"]);
  });

  it("lists nothing for a target whose schema lives in S3 (the sandbox cannot read it) or does not parse", () => {
    expect(gatewayTools([target("s3", { lambda: { lambdaArn: "arn:fn", toolSchema: { s3: { uri: "s3://b/k" } } } }), target("bad", { openApiSchema: { inlinePayload: "{" } })])).toEqual([]);
  });

  it("names API Gateway tools by their override, else by method and path", () => {
    const tools = gatewayTools([
      target("pets", { apiGateway: { restApiId: "a", stage: "s", apiGatewayToolConfiguration: { toolFilters: [{ filterPath: "/pets/{id}", methods: ["GET", "DELETE"] }], toolOverrides: [{ name: "getPet", path: "/pets/{id}", method: "GET" }] } } }),
    ]);
    expect(tools.map((t) => t.name)).toEqual(["pets___getPet", "pets___delete_pets_id"]);
  });
});

describe("openApiOperations", () => {
  it("folds path-level and operation parameters, $refs and the request body into one input schema", () => {
    const doc = openApiOperations(`
openapi: 3.0.3
info: { title: t, version: "1" }
servers: [{ url: "https://{host}/v1", variables: { host: { default: api.example.com } } }]
components:
  schemas:
    Order: { type: object, properties: { item: { type: string } } }
paths:
  /orders/{id}:
    parameters: [{ name: id, in: path, schema: { type: string } }]
    put:
      operationId: putOrder
      parameters: [{ name: dryRun, in: query, required: true, schema: { type: boolean }, description: only check }]
      requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/Order" } } } }
`);
    expect(doc.serverUrl).toBe("https://api.example.com/v1");
    expect(doc.operations[0]).toMatchObject({
      operationId: "putOrder",
      method: "PUT",
      bodyType: "application/json",
      inputSchema: {
        type: "object",
        properties: { id: { type: "string" }, dryRun: { type: "boolean", description: "only check" }, body: { type: "object", properties: { item: { type: "string" } } } },
        required: ["id", "dryRun"],
      },
    });
  });

  it("survives a self-referencing schema", () => {
    const doc = openApiOperations(
      JSON.stringify({ openapi: "3.0.0", components: { schemas: { Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" } } } } }, paths: { "/n": { post: { operationId: "n", requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } } } } } } }),
    );
    // The cycle is cut with an open schema.
    expect(doc.operations[0].inputSchema).toEqual({ type: "object", properties: { body: { type: "object", properties: { next: {} } } } });
  });
});

describe("searchTools", () => {
  const tools = [
    { name: "weather___get_forecast", description: "Weather forecast for a city" },
    { name: "weather___get_alerts", description: "Severe storm alerts" },
    { name: "orders___createOrder", description: "Place an order" },
  ];
  it("splits camelCase, snake_case and punctuation into words", () => {
    expect(words("orders___createOrder")).toEqual(["orders", "create", "order"]);
  });
  it("ranks by shared words and drops tools sharing none", () => {
    expect(searchTools(tools, "storm alerts").map((t) => t.name)).toEqual(["weather___get_alerts"]);
    expect(searchTools(tools, "create an order")[0].name).toBe("orders___createOrder");
    expect(searchTools(tools, "???")).toEqual([]);
  });
});

describe("checkRules", () => {
  const base: CustomJwtConfig = { discoveryUrl: "https://idp/.well-known/openid-configuration" };
  it("checks allowedClients against client_id, never aud", () => {
    expect(checkRules({ ...base, allowedClients: ["a"] }, { aud: "a" })).toContain("no client_id");
    expect(checkRules({ ...base, allowedClients: ["a"] }, { client_id: "a" })).toBeUndefined();
  });
  it("accepts one matching audience out of several", () => {
    expect(checkRules({ ...base, allowedAudience: ["x", "y"] }, { aud: ["z", "y"] })).toBeUndefined();
  });
  it("needs at least one allowed scope, from scope or scp", () => {
    expect(checkRules({ ...base, allowedScopes: ["s1", "s2"] }, { scope: "s0 s2" })).toBeUndefined();
    expect(checkRules({ ...base, allowedScopes: ["s1"] }, { scp: ["s1"] })).toBeUndefined();
    expect(checkRules({ ...base, allowedScopes: ["s1"] }, { scope: "s0" })).toContain("none of allowedScopes");
  });
  it("checks EQUALS on strings and CONTAINS / CONTAINS_ANY on string arrays, with the right types", () => {
    const rule = (op: "EQUALS" | "CONTAINS" | "CONTAINS_ANY", type: "STRING" | "STRING_ARRAY", v: { matchValueString?: string; matchValueStringList?: string[] }) => ({
      ...base,
      customClaims: [{ inboundTokenClaimName: "c", inboundTokenClaimValueType: type, authorizingClaimMatchValue: { claimMatchOperator: op, claimMatchValue: v } }],
    });
    expect(checkRules(rule("EQUALS", "STRING", { matchValueString: "a" }), { c: "a" })).toBeUndefined();
    expect(checkRules(rule("EQUALS", "STRING", { matchValueString: "a" }), { c: ["a"] })).toContain("not a string");
    expect(checkRules(rule("CONTAINS", "STRING_ARRAY", { matchValueString: "a" }), { c: ["b", "a"] })).toBeUndefined();
    expect(checkRules(rule("CONTAINS", "STRING_ARRAY", { matchValueString: "a" }), { c: "a" })).toContain("not a string array");
    expect(checkRules(rule("CONTAINS_ANY", "STRING_ARRAY", { matchValueStringList: ["x", "a"] }), { c: ["a"] })).toBeUndefined();
    expect(checkRules(rule("CONTAINS_ANY", "STRING_ARRAY", { matchValueStringList: ["x"] }), { c: ["a"] })).toContain("none of the required");
    expect(checkRules(rule("EQUALS", "STRING", { matchValueString: "a" }), {})).toContain("no c claim");
  });
});
