// AgentCore Control service definition (moto "urls"): restJson1 routes come from the model's http traits.
import { loadModel } from "../../core/model";
import { ServiceError, type SandboxResponse, type ServiceDefinition } from "../../core/types";
import { gatewayOperations, validationException } from "./responses";
import { targetOperations } from "./targets";
import { credentialProviderOperations } from "./credential-providers";
import { tagOperations } from "./tags";
import { SERVICE_NAME, gatewayTargets, initialState, removeGatewayTarget, seedGatewayTarget, targetView, type TargetRecord } from "./models";

export { seedGatewayTarget, removeGatewayTarget, gatewayTargets } from "./models";

const HTTP_LOOPBACK = /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?(\/.*)?$/;

/** With allowHttpMcpEndpoints, an http:// loopback MCP server endpoint passes the model's https pattern. */
function isHttpLoopbackMcpEndpoint(field: string, input: Record<string, unknown>): boolean {
  if (field !== "targetConfiguration.mcp.mcpServer.endpoint") return false;
  const endpoint = (input.targetConfiguration as { mcp?: { mcpServer?: { endpoint?: unknown } } } | undefined)?.mcp?.mcpServer?.endpoint;
  return typeof endpoint === "string" && HTTP_LOOPBACK.test(endpoint);
}

const json = (status: number, body: unknown): SandboxResponse => ({ status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export function agentCoreControlService(): ServiceDefinition {
  return {
    name: SERVICE_NAME,
    signingName: "bedrock-agentcore",
    protocol: "restJson1",
    model: loadModel("bedrock-agentcore-control"),
    operations: { ...gatewayOperations, ...targetOperations, ...credentialProviderOperations, ...tagOperations },
    initialState,
    validationError: (fields) => validationException(fields),
    tolerateFieldError: (error, input, settings) => settings.allowHttpMcpEndpoints === true && isHttpLoopbackMcpEndpoint(error.name, input),
    parseError: (message) => new ServiceError("ValidationException", message, { fields: { reason: "CannotParse" } }),
    httpRoutes: [
      {
        // Test hook for other processes (e.g. Playwright): seed a target under a gateway.
        method: "POST",
        path: "/_sandbox/agentcore-control/gateways/:gatewayId/targets",
        handler(req, ctx) {
          let body: Partial<TargetRecord> & { region?: string };
          try {
            body = JSON.parse(req.body.toString("utf8") || "{}");
          } catch {
            return json(400, { message: "invalid JSON" });
          }
          const { region = "us-east-1", ...target } = body;
          try {
            return json(201, seedGatewayTarget(ctx.store, region, ctx.params.gatewayId, target, ctx.now()));
          } catch (e) {
            return json(404, { message: (e as Error).message });
          }
        },
      },
      {
        method: "GET",
        path: "/_sandbox/agentcore-control/gateways/:gatewayId/targets",
        handler(req, ctx) {
          const region = req.query.get("region") ?? "us-east-1";
          const now = ctx.now();
          return json(200, { items: gatewayTargets(ctx.store, region, ctx.params.gatewayId, now).map((t) => targetView(t, now)) });
        },
      },
      {
        method: "DELETE",
        path: "/_sandbox/agentcore-control/gateways/:gatewayId/targets/:targetId",
        handler(req, ctx) {
          const region = req.query.get("region") ?? "us-east-1";
          return removeGatewayTarget(ctx.store, region, ctx.params.gatewayId, ctx.params.targetId) ? json(200, { deleted: true }) : json(404, { message: "no such target" });
        },
      },
    ],
  };
}
