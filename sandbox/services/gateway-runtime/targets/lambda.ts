// Lambda targets: invoke the function with the arguments as the event and the gateway's client context.
import crypto from "node:crypto";
import { invokeFunction } from "../../lambda/invoke";
import { checkRole } from "../role";
import { targetError, type CallContext, type CallToolResult } from "./types";

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
 * Invokes the function as the gateway does: the role must allow lambda:InvokeFunction on the function ARN; the event is
 * the tool's arguments and the client context carries the prefixed tool name. The function's answer becomes the text
 * content (JSON as it came back); a function error or timeout is an isError result, with details under DEBUG only.
 */
export async function callLambdaTarget(ctx: CallContext): Promise<CallToolResult> {
  const functionArn = lambdaArn(ctx);
  const decision = await checkRole(ctx.store, { accountId: ctx.accountId, region: ctx.region, gateway: ctx.gateway }, { action: "lambda:InvokeFunction", resource: functionArn });
  if (!decision.allowed) return targetError(ctx, decision.message);
  const out = await invokeFunction(ctx.store, { region: ctx.region, accountId: ctx.accountId, functionArn, payload: ctx.args, clientContext: lambdaClientContext(ctx) });
  if (!out.ok) {
    if (out.kind === "not-found") return targetError(ctx, `The Lambda function ${functionArn} was not found (ResourceNotFoundException).`);
    return targetError(ctx, `The Lambda function ${functionArn} failed: ${out.errorType}: ${out.errorMessage}`);
  }
  const text = typeof out.payload === "string" ? out.payload : out.payloadText;
  return { content: [{ type: "text", text }] };
}
