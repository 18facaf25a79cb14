// What a target call gets and returns: the tool, the arguments, the gateway around it; an MCP CallToolResult.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Store } from "../../../core/store";
import type { GatewayRecord, RegionState } from "../../agentcore-control/models";
import type { GatewayTool } from "../tools";

export interface CallContext {
  store: Store;
  region: string;
  accountId: string;
  gateway: GatewayRecord;
  regionState: RegionState;
  tool: GatewayTool;
  args: Record<string, unknown>;
  /** exceptionLevel DEBUG: failures say what went wrong. */
  debug: boolean;
  now: number;
  /** The JSON-RPC id and MCP session of the call (Lambda's client context carries them). */
  mcpMessageId: string;
  sessionId?: string;
}

export type { CallToolResult };

/** A target failure as MCP content: the details only under DEBUG, as the gateway does. */
export function targetError(ctx: Pick<CallContext, "debug" | "tool">, detail: string): CallToolResult {
  const text = ctx.debug ? detail : `An error occurred while calling the tool ${ctx.tool.name}. Set the gateway's exceptionLevel to DEBUG to see the details.`;
  return { content: [{ type: "text", text }], isError: true };
}
