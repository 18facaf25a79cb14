// MCP server targets: tools fetched from the real server (create / synchronize) and calls proxied to it, with the SDK client.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import type { RegionState } from "../../agentcore-control/models";
import { applyCredential, CredentialError, outboundCredential } from "../credentials";
import { boundedFetch, OutboundError } from "../outbound";
import type { SyncedTool } from "../tools";
import { targetError, type CallContext, type CallToolResult } from "./types";

type Obj = Record<string, unknown>;
const MAX_TOOL_PAGES = 50;

async function connect(endpoint: string, credentials: Obj | undefined, r: RegionState | undefined, now: number): Promise<Client> {
  const url = new URL(endpoint);
  const headers: Record<string, string> = {};
  applyCredential(await outboundCredential(credentials, r, now), headers, url);
  const client = new Client({ name: "bedrock-agentcore-gateway-sandbox", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers }, fetch: boundedFetch }));
  return client;
}

function why(e: unknown): string {
  const cause = (e as { cause?: { code?: string } }).cause;
  return cause?.code ? `${(e as Error).message} (${cause.code})` : (e as Error).message;
}

/** Lists the server's tools (all pages); throws an Error whose message is the target's status reason. */
export async function fetchMcpServerTools(endpoint: string, credentials: Obj | undefined, r: RegionState | undefined, now: number): Promise<SyncedTool[]> {
  let client: Client | undefined;
  try {
    client = await connect(endpoint, credentials, r, now);
    const tools: SyncedTool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_TOOL_PAGES; page++) {
      const res = await client.listTools(cursor ? { cursor } : undefined);
      for (const t of res.tools) tools.push({ name: t.name, ...(t.description ? { description: t.description } : {}), inputSchema: t.inputSchema as Obj });
      cursor = res.nextCursor;
      if (!cursor) break;
    }
    return tools;
  } catch (e) {
    throw new Error(`Failed to list tools from the MCP server at ${endpoint}: ${why(e)}`);
  } finally {
    await client?.close().catch(() => undefined);
  }
}

export async function callMcpServerTarget(ctx: CallContext): Promise<CallToolResult> {
  const endpoint = String(((ctx.tool.target.targetConfiguration as { mcp: { mcpServer: Obj } }).mcp.mcpServer.endpoint ?? ""));
  let client: Client | undefined;
  try {
    client = await connect(endpoint, ctx.tool.target.credentialProviderConfigurations?.[0] as Obj | undefined, ctx.regionState, ctx.now);
    return (await client.callTool({ name: ctx.tool.toolName, arguments: ctx.args })) as CallToolResult;
  } catch (e) {
    if (e instanceof CredentialError || e instanceof OutboundError) return targetError(ctx, `The gateway could not get the target's credential: ${e.message}`);
    if (e instanceof McpError) return targetError(ctx, `The MCP server answered with error ${e.code}: ${e.message}`);
    return targetError(ctx, `The gateway could not call the MCP server at ${endpoint}: ${why(e)}`);
  } finally {
    await client?.close().catch(() => undefined);
  }
}
