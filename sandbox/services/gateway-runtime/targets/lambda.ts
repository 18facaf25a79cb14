// Lambda targets: invoke the function with the arguments as the event and the gateway's client context.
import type { CallContext, CallToolResult } from "./types";

/**
 * WIRED LATER: the lead connects this to invokeFunction(...) from sandbox/services/lambda/invoke.ts, with the
 * client context keys of PROVENANCE.md (bedrockAgentCoreToolName = the prefixed name, …) and the role check for
 * lambda:InvokeFunction on the function ARN.
 */
export async function callLambdaTarget(ctx: CallContext): Promise<CallToolResult> {
  void ctx;
  return { content: [{ type: "text", text: "Lambda targets are wired in a later step" }], isError: true };
}
