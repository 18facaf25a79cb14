// Lambda targets: invoke the function with the arguments as the event and the gateway's client context.
import crypto from "node:crypto";
import type { CallContext, CallToolResult } from "./types";

/** The client context the gateway sends (PROVENANCE.md): the prefixed tool name and the call's ids, under `custom`. */
export function lambdaClientContext(ctx: CallContext, awsRequestId: string = crypto.randomUUID()): { custom: Record<string, string> } {
  return {
    custom: {
      bedrockAgentCoreToolName: ctx.tool.name,
      bedrockAgentCoreGatewayId: ctx.gateway.gatewayId,
      bedrockAgentCoreTargetId: ctx.tool.target.targetId,
      bedrockAgentCoreMessageVersion: "1.0",
      bedrockAgentCoreAwsRequestId: awsRequestId,
      bedrockAgentCoreMcpMessageId: ctx.mcpMessageId,
      ...(ctx.sessionId ? { bedrockAgentCoreSessionId: ctx.sessionId } : {}),
    },
  };
}

/** The function ARN of a Lambda target (for the role check, lambda:InvokeFunction). */
export function lambdaArn(ctx: CallContext): string {
  return String((ctx.tool.target.targetConfiguration as { mcp: { lambda: { lambdaArn: string } } }).mcp.lambda.lambdaArn);
}

/**
 * WIRED LATER: the lead connects this to invokeFunction(...) from sandbox/services/lambda/invoke.ts — event =
 * ctx.args, client context = lambdaClientContext(ctx) — after checkRole(…, { action: "lambda:InvokeFunction",
 * resource: lambdaArn(ctx) }).
 */
export async function callLambdaTarget(ctx: CallContext): Promise<CallToolResult> {
  void ctx;
  return { content: [{ type: "text", text: "Lambda targets are wired in a later step" }], isError: true };
}
