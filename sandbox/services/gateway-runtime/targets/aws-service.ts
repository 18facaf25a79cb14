// Smithy and API Gateway targets: listed, but their calls go to AWS services the sandbox cannot reach.
import type { CallContext, CallToolResult } from "./types";

export async function callAwsServiceTarget(ctx: CallContext): Promise<CallToolResult> {
  const what = ctx.tool.type === "apiGateway" ? "Amazon API Gateway REST API" : "AWS service described by the Smithy model";
  return {
    content: [{ type: "text", text: `The sandbox cannot reach the ${what} behind target ${ctx.tool.target.name}: the tool is listed, but calling it works only on AWS.` }],
    isError: true,
  };
}
