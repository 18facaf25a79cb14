// Server-only MCP client for a gateway's endpoint (the official SDK over streamable HTTP): list tools, call one, search; the exchange recorded with secrets masked.
import "server-only";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { ExchangeMessage, TestTool } from "@/lib/models/gateway-test";
import { sts } from "./clients";
import { ConsoleError } from "./errors";
import { outboundFetch, RefusedUrlError, TooLargeError } from "./outbound-fetch";
import { networkProblem } from "./oidc";

export const SEARCH_TOOL = "x_amz_bedrock_agentcore_search";
const SIGNING_NAME = "bedrock-agentcore";
const CALL_TIMEOUT_MS = 60_000;
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
const MASK = "****";

/** How each request is authenticated, once a Cognito token has been fetched. */
export type GatewayAuth = { kind: "bearer"; token: string } | { kind: "iam"; region: string } | { kind: "none" };

/** The gateway answered 401/403: the status, its headers and body, and what was exchanged up to then. */
export class GatewayRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly body: unknown,
    readonly exchange: ExchangeMessage[],
  ) {
    super(`The gateway refused the request (HTTP ${status}).`);
    this.name = "GatewayRefusedError";
  }
}

/** A gateway URL is its MCP endpoint: it ends in /mcp (posting to the bare host fails). */
export function checkGatewayUrl(url: string | undefined): URL {
  let u: URL;
  try {
    u = new URL(url ?? "");
  } catch {
    throw new ConsoleError("validation", "The gateway has no URL yet: wait until it is READY.", "NoGatewayUrl");
  }
  if (!u.pathname.endsWith("/mcp")) throw new ConsoleError("validation", `The gateway URL ${u.href} does not end in /mcp, so it is not an MCP endpoint.`, "NotAnMcpUrl");
  return u;
}

function maskAuthorization(v: string): string {
  if (/^bearer\s/i.test(v)) return `Bearer ${MASK}`;
  if (/^AWS4-HMAC-SHA256/.test(v)) return v.replace(/Credential=[^/,\s]+/, `Credential=${MASK}`).replace(/Signature=[0-9a-f]+/, `Signature=${MASK}`);
  return MASK;
}

const SECRET_HEADERS = new Set(["x-amz-security-token", "cookie", "set-cookie", "x-api-key"]);

function maskHeaders(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    const key = k.toLowerCase();
    out[key] = key === "authorization" ? maskAuthorization(v) : SECRET_HEADERS.has(key) ? MASK : v;
  }
  return out;
}

/** Any secret that slipped into a body (a token echoed by a tool, say) is replaced too. */
function maskText(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join(MASK);
  return out;
}

/** JSON, or the JSON-RPC messages of an SSE body, or the text as it came. */
function parseBody(text: string, contentType: string): unknown {
  if (text === "") return null;
  if (contentType.includes("text/event-stream")) {
    const messages = text
      .split(/\r?\n/)
      .filter((l) => l.startsWith("data:"))
      .map((l) => {
        try {
          return JSON.parse(l.slice(5).trim()) as unknown;
        } catch {
          return l.slice(5).trim();
        }
      });
    return messages.length === 1 ? messages[0] : messages;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Node's hash for the signer, from the STS client's own configuration (the same one the SDK signs with). */
async function signRequest(u: URL, headers: Record<string, string>, body: string, region: string): Promise<{ headers: Record<string, string>; secrets: string[] }> {
  const config = sts(region).config;
  const credentials = await config.credentials();
  const signer = new SignatureV4({ credentials, region, service: SIGNING_NAME, sha256: config.sha256 });
  const signed = await signer.sign({
    method: "POST",
    protocol: u.protocol,
    hostname: u.hostname,
    port: u.port ? Number(u.port) : undefined,
    path: u.pathname,
    query: Object.fromEntries(u.searchParams),
    headers: { ...headers, host: u.host },
    body,
  });
  return { headers: signed.headers as Record<string, string>, secrets: [credentials.secretAccessKey, credentials.sessionToken ?? ""].filter(Boolean) };
}

type Recorder = { exchange: ExchangeMessage[]; last?: { status: number; headers: Record<string, string>; body: unknown } };

/**
 * The transport's fetch: adds the credentials, goes through the console's outbound rules (sandbox only in sandbox mode;
 * https and public addresses on AWS; no redirects, since requests carry credentials), and records both directions.
 * GET (a server-initiated stream) is answered 405 locally: the Test tab needs none, and on AWS it would stay open.
 */
function gatewayFetch(auth: GatewayAuth, rec: Recorder): FetchLike {
  const secrets = auth.kind === "bearer" ? [auth.token] : [];
  return async (input, init) => {
    const u = new URL(typeof input === "string" ? input : input.href);
    const method = (init?.method ?? "GET").toUpperCase();
    if (method !== "POST") return new Response(null, { status: 405 });
    let headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const body = typeof init?.body === "string" ? init.body : "";
    if (auth.kind === "bearer") headers.authorization = `Bearer ${auth.token}`;
    if (auth.kind === "iam") {
      const s = await signRequest(u, headers, body, auth.region);
      headers = s.headers;
      secrets.push(...s.secrets);
    }
    rec.exchange.push({ direction: "request", headers: maskHeaders(headers), body: parseBody(maskText(body, secrets), "application/json") });
    let res;
    try {
      res = await outboundFetch(u.href, { method: "POST", headers, body, maxRedirects: 0, timeoutMs: CALL_TIMEOUT_MS, maxBytes: MAX_RESPONSE_BYTES });
    } catch (err) {
      if (err instanceof RefusedUrlError) throw new ConsoleError("validation", err.message, "RefusedUrl");
      if (err instanceof TooLargeError) throw new ConsoleError("validation", `The gateway ${err.message}.`, "TooLarge");
      throw new ConsoleError("unreachable", `The gateway at ${u.origin} ${networkProblem(err, CALL_TIMEOUT_MS)}.`, "GatewayUnreachable");
    }
    const resHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => (resHeaders[k] = v));
    const parsed = parseBody(maskText(res.text, secrets), res.headers.get("content-type") ?? "");
    rec.exchange.push({ direction: "response", status: res.status, headers: maskHeaders(resHeaders), body: parsed });
    rec.last = { status: res.status, headers: resHeaders, body: parsed };
    return new Response([204, 205, 304].includes(res.status) ? null : res.text, { status: res.status, headers: res.headers });
  };
}

export type GatewaySession = {
  client: Client;
  transport: StreamableHTTPClientTransport;
  exchange: ExchangeMessage[];
};

/** Turns what went wrong into a refusal (401/403, with the gateway's answer), a ConsoleError, or a sentence. */
function failure(err: unknown, rec: Recorder): Error {
  if (rec.last && (rec.last.status === 401 || rec.last.status === 403)) return new GatewayRefusedError(rec.last.status, rec.last.headers, rec.last.body, rec.exchange);
  if (err instanceof ConsoleError) return err;
  const status = rec.last && rec.last.status >= 400 ? ` (HTTP ${rec.last.status})` : "";
  return new ConsoleError("validation", `The gateway's MCP endpoint did not answer as MCP${status}: ${err instanceof Error ? err.message : String(err)}`, "McpError");
}

/** Runs `work` on an initialized MCP session; always closes it. */
export async function withGateway<T>(url: string, auth: GatewayAuth, work: (s: GatewaySession) => Promise<T>): Promise<T> {
  const u = checkGatewayUrl(url);
  const rec: Recorder = { exchange: [] };
  const transport = new StreamableHTTPClientTransport(u, { fetch: gatewayFetch(auth, rec) });
  const client = new Client({ name: "agentcore-gateway-console", version: "1.0.0" });
  try {
    await client.connect(transport, { timeout: CALL_TIMEOUT_MS });
    return await work({ client, transport, exchange: rec.exchange });
  } catch (err) {
    throw failure(err, rec);
  } finally {
    await client.close().catch(() => {});
  }
}

/** `TARGET___TOOL` split into its target prefix and tool name; the gateway's own tools have no prefix. */
export function splitToolName(name: string): { target: string; toolName: string } {
  const i = name.indexOf("___");
  return i > 0 ? { target: name.slice(0, i), toolName: name.slice(i + 3) } : { target: "", toolName: name };
}

/** Every tool, following the list's cursor (at most 50 pages). */
export async function listAllTools(s: GatewaySession): Promise<TestTool[]> {
  const tools: TestTool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const out = await s.client.listTools(cursor ? { cursor } : {}, { timeout: CALL_TIMEOUT_MS });
    for (const t of out.tools) tools.push({ name: t.name, ...splitToolName(t.name), description: t.description, inputSchema: t.inputSchema as Record<string, unknown> });
    cursor = out.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

export type ToolCallResult = { content: unknown[]; isError: boolean; structuredContent?: unknown; durationMs: number };

/** Calls one tool and measures the round trip. */
export async function callTool(s: GatewaySession, name: string, args: Record<string, unknown>): Promise<ToolCallResult> {
  const started = performance.now();
  const out = await s.client.callTool({ name, arguments: args }, undefined, { timeout: CALL_TIMEOUT_MS });
  const durationMs = Math.round(performance.now() - started);
  return {
    content: Array.isArray(out.content) ? out.content : [],
    isError: out.isError === true,
    ...(out.structuredContent !== undefined ? { structuredContent: out.structuredContent } : {}),
    durationMs,
  };
}
