// Helpers for the gateway data-plane suites: READY gateways, MCP SDK clients, a local OIDC provider, a recording HTTP server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  CreateGatewayCommand,
  CreateGatewayTargetCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
  type BedrockAgentCoreControlClient,
  type CreateGatewayCommandInput,
  type CreateGatewayTargetCommandInput,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { ROLE_ARN, waitFor } from "./helpers";

let n = 0;
export const uniqueName = (prefix = "gw") => `${prefix}-${Date.now().toString(36)}-${++n}`;

export async function readyGateway(client: BedrockAgentCoreControlClient, input: Partial<CreateGatewayCommandInput> = {}) {
  const out = await client.send(new CreateGatewayCommand({ name: uniqueName(), roleArn: ROLE_ARN, protocolType: "MCP", authorizerType: "NONE", ...input }));
  await waitFor(
    () => client.send(new GetGatewayCommand({ gatewayIdentifier: out.gatewayId })),
    (g) => g.status === "READY",
  );
  return { gatewayId: out.gatewayId!, gatewayUrl: out.gatewayUrl!, gatewayArn: out.gatewayArn! };
}

export async function readyTarget(client: BedrockAgentCoreControlClient, input: CreateGatewayTargetCommandInput) {
  const out = await client.send(new CreateGatewayTargetCommand(input));
  return waitFor(
    () => client.send(new GetGatewayTargetCommand({ gatewayIdentifier: input.gatewayIdentifier, targetId: out.targetId })),
    (t) => t.status !== "CREATING",
  );
}

/** An MCP SDK client connected to a gateway over streamable HTTP. */
export async function mcpClient(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: "gateway-runtime-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** A JSON-RPC POST with plain fetch. */
export async function rpc(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: { result?: Record<string, unknown>; error?: { code: number; message: string } } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const INIT = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-03-26", capabilities: {}, clientInfo: { name: "fetch", version: "1" } } };

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

async function listen(handler: http.RequestListener): Promise<LocalServer & { server: http.Server }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An OIDC provider on loopback (discovery + JWKS) that mints RS256 tokens with any claims. */
export async function localOidcProvider() {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key-1", alg: "RS256", use: "sig" };
  let base = "";
  const srv = await listen((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/.well-known/openid-configuration") res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks.json` }));
    else if (req.url === "/jwks.json") res.end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end("{}");
  });
  base = srv.url;
  return {
    ...srv,
    issuer: base,
    discoveryUrl: `${base}/.well-known/openid-configuration`,
    async token(claims: JWTPayload, options: { expiresIn?: string | number; issuer?: string; notBefore?: string | number } = {}) {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "test-key-1" }).setIssuedAt().setIssuer(options.issuer ?? base);
      jwt.setExpirationTime(options.expiresIn ?? "5m");
      if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
      return jwt.sign(privateKey);
    },
  };
}

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An HTTP API on loopback that records every request and answers JSON (a few canned routes). */
export async function recordingApi(answer: (r: Recorded) => { status?: number; body: unknown } = (r) => ({ body: { ok: true, path: r.url } })) {
  const received: Recorded[] = [];
  const srv = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const r = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      const out = answer(r);
      res.writeHead(out.status ?? 200, { "content-type": "application/json" }).end(JSON.stringify(out.body));
    });
  });
  return { ...srv, received };
}

export { listen };
