// One gateway's MCP endpoint over streamable HTTP: the SDK's Server and web-standard transport, a fresh pair per request.
import crypto from "node:crypto";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { CallToolRequestSchema, ErrorCode, InitializeRequestSchema, isInitializeRequest, JSONRPCMessageSchema, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Store } from "../../core/store";
import type { SandboxRequest, SandboxResponse } from "../../core/types";
import { liveTargets, targetStatus, type GatewayRecord, type RegionState } from "../agentcore-control/models";
import { callTarget } from "./targets";
import { gatewayTools, SEARCH_TOOL, SEARCH_TOOL_NAME, searchTools, type GatewayTool } from "./tools";

/** The model's default for McpVersion when supportedVersions is not set. */
export const DEFAULT_MCP_VERSION = "2025-03-26";

interface Session {
  gatewayKey: string;
  protocolVersion: string;
}
/** Sessions live in memory: after a restart a client gets 404 and initializes again, as the transport spec says. */
const sessions = new Map<string, Session>();
const MAX_SESSIONS = 10_000;

export interface EndpointContext {
  store: Store;
  region: string;
  accountId: string;
  regionState: RegionState;
  gateway: GatewayRecord;
  now: number;
  url: string;
}

type Obj = Record<string, unknown>;

export function supportedVersions(g: GatewayRecord): string[] {
  const list = ((g.protocolConfiguration as { mcp?: { supportedVersions?: string[] } } | undefined)?.mcp?.supportedVersions ?? []).filter(Boolean);
  return list.length ? list : [DEFAULT_MCP_VERSION];
}

function mcpOptions(g: GatewayRecord): { instructions?: string; searchType?: string } {
  return ((g.protocolConfiguration as { mcp?: Obj } | undefined)?.mcp ?? {}) as { instructions?: string; searchType?: string };
}

export function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}, id: unknown = null): SandboxResponse {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ jsonrpc: "2.0", id, error: { code, message } }) };
}

/** application/json or text/event-stream, whichever the client lists first (`*​/*` → JSON); undefined: neither. */
function preferredType(accept: string | undefined): "json" | "sse" | undefined {
  const types = (accept ?? "").split(",").map((t) => t.split(";")[0].trim().toLowerCase());
  for (const t of types) {
    if (t === "application/json" || t === "application/*" || t === "*/*") return "json";
    if (t === "text/event-stream" || t === "text/*") return "sse";
  }
  return undefined;
}

function readyTools(ctx: EndpointContext): GatewayTool[] {
  const targets = liveTargets(ctx.regionState, ctx.gateway.gatewayId, ctx.now).filter((t) => targetStatus(t, ctx.now) === "READY");
  return gatewayTools(targets);
}

const listed = (t: GatewayTool) => ({ name: t.name, ...(t.description ? { description: t.description } : {}), inputSchema: t.inputSchema });

function buildServer(ctx: EndpointContext, sessionId: string | undefined): Server {
  const g = ctx.gateway;
  const options = mcpOptions(g);
  const semantic = options.searchType === "SEMANTIC";
  const server = new Server({ name: g.name, version: "1.0.0" }, { capabilities: { tools: {} }, ...(options.instructions ? { instructions: options.instructions } : {}) });
  const versions = supportedVersions(g);
  // The gateway's supportedVersions, not the SDK's list: a version it does not allow gets its newest one.
  server.setRequestHandler(InitializeRequestSchema, (request) => {
    const requested = request.params.protocolVersion;
    const protocolVersion = versions.includes(requested) ? requested : [...versions].sort().at(-1)!;
    return { protocolVersion, capabilities: { tools: {} }, serverInfo: { name: g.name, version: "1.0.0" }, ...(options.instructions ? { instructions: options.instructions } : {}) };
  });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...(semantic ? [SEARCH_TOOL] : []), ...readyTools(ctx).map(listed)] }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const name = request.params.name;
    const args = (request.params.arguments ?? {}) as Obj;
    const tools = readyTools(ctx);
    if (semantic && name === SEARCH_TOOL_NAME) {
      if (typeof args.query !== "string" || !args.query.trim()) throw new McpError(ErrorCode.InvalidParams, `${SEARCH_TOOL_NAME} needs a non-empty string argument 'query'`);
      const found = searchTools(tools, args.query).map(listed);
      return { content: [{ type: "text", text: JSON.stringify({ tools: found }) }], structuredContent: { tools: found } };
    }
    const tool = tools.find((t) => t.name === name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
    return callTarget({
      store: ctx.store,
      region: ctx.region,
      accountId: ctx.accountId,
      gateway: g,
      regionState: ctx.regionState,
      tool,
      args,
      debug: g.exceptionLevel === "DEBUG",
      now: ctx.now,
      mcpMessageId: String(extra.requestId),
      sessionId,
    });
  });
  return server;
}

/** Serves one HTTP request to the MCP endpoint (auth already passed). */
export async function serveMcp(req: SandboxRequest, ctx: EndpointContext): Promise<SandboxResponse> {
  const gatewayKey = `${ctx.region}/${ctx.gateway.gatewayId}`;
  const sessionId = req.headers["mcp-session-id"];
  const session = sessionId !== undefined ? sessions.get(sessionId) : undefined;
  if (sessionId !== undefined && session?.gatewayKey !== gatewayKey) return jsonRpcError(404, -32001, "Session not found: initialize a new session");
  if (req.method === "DELETE") {
    if (sessionId === undefined) return jsonRpcError(400, -32000, "Bad Request: Mcp-Session-Id header is required");
    sessions.delete(sessionId);
    return { status: 200, headers: {}, body: "" };
  }
  if (req.method !== "POST") {
    // The gateway offers no server-initiated SSE stream (GET), which the transport spec allows.
    return jsonRpcError(405, -32000, "Method not allowed: the gateway takes JSON-RPC messages by POST", { allow: "POST, DELETE" });
  }
  const versions = supportedVersions(ctx.gateway);
  const headerVersion = req.headers["mcp-protocol-version"];
  if (headerVersion !== undefined && !versions.includes(headerVersion)) {
    return jsonRpcError(400, -32000, `Bad Request: Unsupported protocol version ${headerVersion} (this gateway supports ${versions.join(", ")})`);
  }
  const type = preferredType(req.headers.accept);
  if (!type) return jsonRpcError(406, -32000, "Not Acceptable: the Accept header must list application/json or text/event-stream");

  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body.toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const messages = Array.isArray(parsed) ? parsed : [parsed];
  if (parsed !== undefined) {
    // Valid JSON that is no JSON-RPC message is an Invalid Request (-32600), not a parse error.
    if (Array.isArray(parsed) && !parsed.length) return jsonRpcError(400, ErrorCode.InvalidRequest, "Invalid Request: an empty batch");
    const bad = messages.findIndex((m) => !JSONRPCMessageSchema.safeParse(m).success);
    if (bad >= 0) {
      const id = (messages[bad] as { id?: unknown } | null)?.id;
      return jsonRpcError(400, ErrorCode.InvalidRequest, "Invalid Request: not a JSON-RPC 2.0 message (jsonrpc: \"2.0\", method, and an id for requests)", {}, typeof id === "string" || typeof id === "number" ? id : null);
    }
  }
  const initializing = messages.some((m) => isInitializeRequest(m));

  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (!["host", "content-length", "connection", "transfer-encoding"].includes(k)) headers.set(k, v);
  // The SDK's transport wants both types listed; which one answers is decided here, from the client's order.
  headers.set("accept", "application/json, text/event-stream");
  if (headerVersion === undefined) headers.delete("mcp-protocol-version");
  const request = new Request(ctx.url, { method: "POST", headers, body: new Uint8Array(req.body) });

  const newSession = initializing ? crypto.randomUUID() : undefined;
  const server = buildServer(ctx, newSession ?? sessionId);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: type === "json" });
  await server.connect(transport);
  try {
    const res = await transport.handleRequest(request, parsed !== undefined ? { parsedBody: parsed } : undefined);
    const body = Buffer.from(await res.arrayBuffer());
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => (out[k] = v));
    if (newSession && res.status === 200) {
      const version = /"protocolVersion"\s*:\s*"([^"]+)"/.exec(body.toString("utf8"))?.[1] ?? versions[0];
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      sessions.set(newSession, { gatewayKey, protocolVersion: version });
      out["mcp-session-id"] = newSession;
    }
    return { status: res.status, headers: out, body };
  } finally {
    await server.close().catch(() => undefined);
  }
}
