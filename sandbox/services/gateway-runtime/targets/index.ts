// tools/call routing: one module per target type; the role is checked (AWS assumes it) before the credential is fetched.
import { credentialActions } from "../credentials";
import { checkRole } from "../role";
import { callAwsServiceTarget } from "./aws-service";
import { callLambdaTarget } from "./lambda";
import { callMcpServerTarget } from "./mcp-server";
import { callOpenApiTarget } from "./openapi";
import { targetError, type CallContext, type CallToolResult } from "./types";

export type { CallContext } from "./types";

export async function callTarget(ctx: CallContext): Promise<CallToolResult> {
  const config = ctx.tool.target.credentialProviderConfigurations?.[0] as Record<string, unknown> | undefined;
  for (const check of credentialActions(ctx.region, ctx.gateway.gatewayId, config, ctx.regionState)) {
    const decision = await checkRole(ctx.store, { accountId: ctx.accountId, region: ctx.region, gateway: ctx.gateway }, check);
    if (!decision.allowed) return targetError(ctx, decision.message);
  }
  switch (ctx.tool.type) {
    case "lambda":
      return callLambdaTarget(ctx);
    case "openApiSchema":
      return callOpenApiTarget(ctx);
    case "mcpServer":
      return callMcpServerTarget(ctx);
    case "smithyModel":
    case "apiGateway":
      return callAwsServiceTarget(ctx);
  }
}
