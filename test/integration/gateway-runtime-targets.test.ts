// Target calls through the sandbox's gateways: OpenAPI with an API key and with OAuth, MCP server targets (sync and proxy).
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import {
  CreateApiKeyCredentialProviderCommand,
  CreateGatewayTargetCommand,
  CreateOauth2CredentialProviderCommand,
  GetGatewayTargetCommand,
  SynchronizeGatewayTargetsCommand,
  type BedrockAgentCoreControlClient,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { agentCoreClient, catchError, startSandbox, waitFor, type TestSandbox } from "./helpers";
import { cognitoM2m, listen, mcpClient, readyGateway, readyTarget, recordingApi, uniqueName, type LocalServer } from "./gateway-runtime-helpers";

let sandbox: TestSandbox;
let client: BedrockAgentCoreControlClient;
let api: Awaited<ReturnType<typeof recordingApi>>;

beforeAll(async () => {
  sandbox = await startSandbox({ allowHttpMcpEndpoints: true });
  client = agentCoreClient(sandbox);
  api = await recordingApi((r) => (r.url.startsWith("/api/missing") ? { status: 404, body: { message: "no such order" } } : { body: { received: r.url, method: r.method } }));
});
afterAll(async () => {
  await api.close();
  await sandbox.dispose();
});

const openApi = (serverUrl: string) =>
  JSON.stringify({
    openapi: "3.0.3",
    info: { title: "orders", version: "1" },
    servers: [{ url: serverUrl }],
    paths: {
      "/orders/{orderId}": {
        get: {
          operationId: "getOrder",
          parameters: [
            { name: "orderId", in: "path", required: true, schema: { type: "string" } },
            { name: "verbose", in: "query", schema: { type: "boolean" } },
            { name: "x-trace", in: "header", schema: { type: "string" } },
          ],
        },
      },
      "/orders": { post: { operationId: "createOrder", requestBody: { content: { "application/json": { schema: { type: "object" } } } } } },
      "/missing/{id}": { get: { operationId: "missing", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] } },
    },
  });

const text = (r: Record<string, unknown>) => (r.content as { type: string; text: string }[])[0].text;

describe("OpenAPI targets", () => {
  it("send a real request built from the arguments, with the API key in the configured header and prefix", async () => {
    const name = uniqueName("key");
    const { credentialProviderArn } = await client.send(new CreateApiKeyCredentialProviderCommand({ name, apiKey: "sk-test-123" }));
    const g = await readyGateway(client, { exceptionLevel: "DEBUG" });
    await readyTarget(client, {
      gatewayIdentifier: g.gatewayId,
      name: "orders",
      targetConfiguration: { mcp: { openApiSchema: { inlinePayload: openApi(`${api.url}/api`) } } },
      credentialProviderConfigurations: [
        { credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn: credentialProviderArn, credentialParameterName: "X-Api-Key", credentialPrefix: "Key ", credentialLocation: "HEADER" } } },
      ],
    });
    const mcp = await mcpClient(g.gatewayUrl);
    const res = await mcp.callTool({ name: "orders___getOrder", arguments: { orderId: "A/1", verbose: true, "x-trace": "t-1" } });
    expect(res.isError).toBeFalsy();
    expect(JSON.parse(text(res))).toEqual({ received: "/api/orders/A%2F1?verbose=true", method: "GET" });
    const got = api.received.at(-1)!;
    expect(got.headers["x-api-key"]).toBe("Key sk-test-123");
    expect(got.headers["x-trace"]).toBe("t-1");

    await mcp.callTool({ name: "orders___createOrder", arguments: { body: { item: "tea", qty: 2 } } });
    expect(api.received.at(-1)).toMatchObject({ method: "POST", url: "/api/orders", body: JSON.stringify({ item: "tea", qty: 2 }) });
    expect(api.received.at(-1)!.headers["content-type"]).toBe("application/json");

    const failed = await mcp.callTool({ name: "orders___missing", arguments: { id: "9" } });
    expect(failed.isError).toBe(true);
    expect(text(failed)).toContain("HTTP 404");
    await mcp.close();
  });

  it("put the API key in a query parameter when configured so, and hide failure details without DEBUG", async () => {
    const name = uniqueName("key");
    const { credentialProviderArn } = await client.send(new CreateApiKeyCredentialProviderCommand({ name, apiKey: "q-secret" }));
    const g = await readyGateway(client);
    await readyTarget(client, {
      gatewayIdentifier: g.gatewayId,
      name: "orders",
      targetConfiguration: { mcp: { openApiSchema: { inlinePayload: openApi(`${api.url}/api`) } } },
      credentialProviderConfigurations: [{ credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn: credentialProviderArn, credentialParameterName: "key", credentialLocation: "QUERY_PARAMETER" } } }],
    });
    const mcp = await mcpClient(g.gatewayUrl);
    await mcp.callTool({ name: "orders___getOrder", arguments: { orderId: "7" } });
    expect(api.received.at(-1)!.url).toBe("/api/orders/7?key=q-secret");
    const failed = await mcp.callTool({ name: "orders___missing", arguments: { id: "9" } });
    expect(failed.isError).toBe(true);
    expect(text(failed)).not.toContain("404");
    expect(text(failed)).toContain("DEBUG");
    await mcp.close();
  });

  it("send a client-credentials token from the OAuth provider's token endpoint (a sandbox Cognito pool)", async () => {
    const pool = await cognitoM2m(sandbox.url, ["agentcore-gateway/invoke", "agentcore-gateway/read"]);
    const { credentialProviderArn } = await client.send(
      new CreateOauth2CredentialProviderCommand({
        name: uniqueName("oauth"),
        credentialProviderVendor: "CustomOauth2",
        oauth2ProviderConfigInput: { customOauth2ProviderConfig: { oauthDiscovery: { discoveryUrl: pool.discoveryUrl }, clientId: pool.clientId, clientSecret: pool.clientSecret } },
      }),
    );
    // The pool's discovery document lists the domain's token endpoint.
    const g = await readyGateway(client, { exceptionLevel: "DEBUG" });
    await readyTarget(client, {
      gatewayIdentifier: g.gatewayId,
      name: "orders",
      targetConfiguration: { mcp: { openApiSchema: { inlinePayload: openApi(`${api.url}/api`) } } },
      credentialProviderConfigurations: [{ credentialProviderType: "OAUTH", credentialProvider: { oauthCredentialProvider: { providerArn: credentialProviderArn, scopes: ["agentcore-gateway/read"] } } }],
    });
    const mcp = await mcpClient(g.gatewayUrl);
    const res = await mcp.callTool({ name: "orders___getOrder", arguments: { orderId: "1" } });
    expect(res.isError).toBeFalsy();
    const auth = String(api.received.at(-1)!.headers.authorization);
    expect(auth).toMatch(/^Bearer ey/);
    const claims = JSON.parse(Buffer.from(auth.split(".")[1], "base64url").toString("utf8"));
    expect(claims).toMatchObject({ client_id: pool.clientId, scope: "agentcore-gateway/read", token_use: "access" });
    await mcp.close();
  });
});

/** A real MCP server built with the SDK on loopback; it records the Authorization header it sees. */
async function localMcpServer(): Promise<LocalServer & { authorizations: (string | undefined)[] }> {
  const authorizations: (string | undefined)[] = [];
  const srv = await listen(async (req: http.IncomingMessage, res: http.ServerResponse) => {
    authorizations.push(req.headers.authorization);
    const server = new McpServer({ name: "local-weather", version: "1.0.0" });
    server.registerTool("get_forecast", { description: "Forecast for a city", inputSchema: { city: z.string() } }, async ({ city }) => ({ content: [{ type: "text", text: `Sunny in ${city}` }] }));
    server.registerTool("fail", { description: "Always fails", inputSchema: {} }, async () => ({ content: [{ type: "text", text: "it broke" }], isError: true }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => void transport.close());
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  return { ...srv, authorizations };
}

describe("MCP server targets", () => {
  let mcpServer: Awaited<ReturnType<typeof localMcpServer>>;
  beforeAll(async () => {
    mcpServer = await localMcpServer();
  });
  afterAll(async () => {
    await mcpServer.close();
  });

  it("list the tools fetched from the real server at creation and proxy calls to it, with the outbound API key", async () => {
    const { credentialProviderArn } = await client.send(new CreateApiKeyCredentialProviderCommand({ name: uniqueName("mcpkey"), apiKey: "mcp-key" }));
    const g = await readyGateway(client);
    const t = await readyTarget(client, {
      gatewayIdentifier: g.gatewayId,
      name: "weather",
      targetConfiguration: { mcp: { mcpServer: { endpoint: `${mcpServer.url}/mcp` } } },
      credentialProviderConfigurations: [{ credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn: credentialProviderArn, credentialPrefix: "Bearer " } } }],
    });
    expect(t.status).toBe("READY");
    expect(mcpServer.authorizations.at(-1)).toBe("Bearer mcp-key");
    const mcp = await mcpClient(g.gatewayUrl);
    const { tools } = await mcp.listTools();
    expect(tools.map((x) => x.name)).toEqual(["weather___get_forecast", "weather___fail"]);
    expect(tools[0].inputSchema).toMatchObject({ type: "object", properties: { city: { type: "string" } }, required: ["city"] });
    expect(text(await mcp.callTool({ name: "weather___get_forecast", arguments: { city: "Oslo" } }))).toBe("Sunny in Oslo");
    expect((await mcp.callTool({ name: "weather___fail", arguments: {} })).isError).toBe(true);
    await mcp.close();
  });

  it("fail creation and synchronization with a status reason when the server cannot be reached", async () => {
    const g = await readyGateway(client);
    const dead = await listen((_req, res) => res.end());
    const deadUrl = `${dead.url}/mcp`;
    await dead.close();
    const failed = await readyTarget(client, { gatewayIdentifier: g.gatewayId, name: "dead", targetConfiguration: { mcp: { mcpServer: { endpoint: deadUrl } } } });
    expect(failed.status).toBe("FAILED");
    expect(failed.statusReasons![0]).toContain(`Failed to list tools from the MCP server at ${deadUrl}`);

    const live = await localMcpServer();
    const t = await readyTarget(client, { gatewayIdentifier: g.gatewayId, name: "flaky", targetConfiguration: { mcp: { mcpServer: { endpoint: `${live.url}/mcp` } } } });
    expect(t.status).toBe("READY");
    await live.close();
    await client.send(new SynchronizeGatewayTargetsCommand({ gatewayIdentifier: g.gatewayId, targetIdList: [t.targetId!] }));
    const after = await waitFor(
      () => client.send(new GetGatewayTargetCommand({ gatewayIdentifier: g.gatewayId, targetId: t.targetId })),
      (x) => x.status !== "SYNCHRONIZING",
    );
    expect(after.status).toBe("SYNCHRONIZE_UNSUCCESSFUL");
    expect(after.statusReasons![0]).toContain("Failed to list tools");
  });

  it("keep their synchronized tools across a restart", async () => {
    const g = await readyGateway(client);
    await readyTarget(client, { gatewayIdentifier: g.gatewayId, name: "kept", targetConfiguration: { mcp: { mcpServer: { endpoint: `${mcpServer.url}/mcp` } } } });
    sandbox = await sandbox.restart({ allowHttpMcpEndpoints: true });
    client = agentCoreClient(sandbox);
    const url = `${sandbox.url}/gateway-runtime/us-east-1/${g.gatewayId}/mcp`;
    const mcp = await mcpClient(url);
    expect((await mcp.listTools()).tools.map((t) => t.name)).toEqual(["kept___get_forecast", "kept___fail"]);
    await mcp.close();
  });

  it("refuse an http:// endpoint unless the sandbox allows loopback http", async () => {
    const strict = await startSandbox();
    try {
      const c = agentCoreClient(strict);
      const g = await readyGateway(c);
      const e = await catchError(() => c.send(new CreateGatewayTargetCommand({ gatewayIdentifier: g.gatewayId, name: "plain", targetConfiguration: { mcp: { mcpServer: { endpoint: "http://127.0.0.1:9/mcp" } } } })));
      expect(e.name).toBe("ValidationException");
    } finally {
      await strict.dispose();
    }
  });
});
