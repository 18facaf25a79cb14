// The sandbox: routes requests to registered services (SigV4 scope, x-amz-target, Action), control endpoints, HTTP server.
import http from "node:http";
import crypto from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import type { AddressInfo } from "node:net";
import { Store } from "./store";
import { Faults, FaultConfigError, type FaultConfig } from "./faults";
import { validateShape } from "./validate";
import { decode, defaultFaultError, defaultValidationError, encodeError, encodeOutput, unknownOperation } from "./protocols";
import {
  RawResult,
  ServiceError,
  type HttpRoute,
  type OperationContext,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxSettings,
  type ServiceDefinition,
} from "./types";
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_LIFECYCLE_DELAY_MS, SANDBOX_ACCOUNT_ID } from "./constants";
import { REGION_PATTERN, browserRefusal, isSigned, mediaType, ownHosts } from "./guard";
import { MAX_BODY_BYTES, tooDeep, MAX_NESTING_DEPTH } from "./limits";
import { parseJsonDict } from "./dict";
import { defaultServices } from "../services";
import { handleGatewayRuntime, isGatewayRuntimePath } from "../services/gateway-runtime";

export interface SandboxOptions {
  /** 0 picks a free port. Default 4599. */
  port?: number;
  host?: string;
  /** Folder for state files; `null` keeps state in memory only. Default .data/sandbox. */
  dataDir?: string | null;
  /** How long CREATING/UPDATING/DELETING last. Default 1500 ms. */
  lifecycleDelayMs?: number;
  faults?: FaultConfig;
  /** Services to serve; default: every service in sandbox/services. */
  services?: ServiceDefinition[];
  /** Injectable clock (epoch ms), for deterministic tests. */
  clock?: () => number;
  /** Base URL used when no Host header is known (in-process use). */
  baseUrl?: string;
  /** Log one line per request to stderr. */
  log?: boolean;
  /** Largest request body served over HTTP (413 beyond). Default 10 MiB. */
  maxBodyBytes?: number;
  /** Accept http://127.0.0.1 / localhost / [::1] MCP server endpoints (the model demands https). Default false. */
  allowHttpMcpEndpoints?: boolean;
}

/** How the sandbox was reached: over HTTP, the Host header must name it. */
export interface Transport {
  hosts?: Set<string>;
}

/** What GET /_sandbox/requests reports. */
export interface RequestCounts {
  /** AWS API operations that reached a service handler. */
  handled: number;
  byOperation: Record<string, number>;
  /** Requests refused before routing (Origin, Host, content type, signature, region, size). */
  refused: number;
}

export type RefusalKind = "origin" | "host" | "unsigned" | "incomplete-signature" | "region" | "too-large";

/** What the SDK's `requestHandler` option accepts (see WIRE.md "In-process transport"). */
export interface InProcessRequestHandler {
  metadata: { handlerProtocol: string };
  handle(request: SdkHttpRequest): Promise<{ response: { statusCode: number; reason?: string; headers: Record<string, string>; body: Readable } }>;
  updateHttpClientConfig(): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
}

interface SdkHttpRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null | undefined>;
  headers: Record<string, string>;
  body?: unknown;
}

export interface SandboxCore {
  dispatch(req: SandboxRequest, baseUrl?: string, transport?: Transport): Promise<SandboxResponse>;
  /** Answers a refused request in the caller's protocol (and counts it). */
  refuse(req: SandboxRequest, kind: RefusalKind, message: string): SandboxResponse;
  requests(): RequestCounts;
  requestHandler: InProcessRequestHandler;
  store: Store;
  faults: Faults;
  settings: SandboxSettings;
  services: ServiceDefinition[];
  now(): number;
  /** Releases what services hold beyond their state (Lambda function processes). Sandbox.close() calls it. */
  close(): Promise<void>;
}

export interface Sandbox extends SandboxCore {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

const SCOPE = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

/** Region and service from the SigV4 credential scope (header or presigned query). */
export function credentialScope(req: SandboxRequest): { region: string; service: string } | undefined {
  if (!isSigned(req)) return undefined;
  const auth = req.headers.authorization ?? "";
  const m = SCOPE.exec(auth) ?? SCOPE.exec(`Credential=${req.query.get("X-Amz-Credential") ?? ""}`);
  return m ? { region: m[3], service: m[4] } : undefined;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

function compilePath(p: string | RegExp): RegExp {
  if (p instanceof RegExp) return p;
  const src = p
    .split("/")
    .map((seg) => (seg.startsWith(":") ? `(?<${seg.slice(1)}>[^/]+)` : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${src}$`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How AWS words each refusal, per protocol family (restJson1/awsJson code, awsQuery code, status). */
const REFUSALS: Record<RefusalKind, { json: string; query: string; status: number }> = {
  origin: { json: "AccessDeniedException", query: "AccessDenied", status: 403 },
  host: { json: "AccessDeniedException", query: "AccessDenied", status: 403 },
  unsigned: { json: "MissingAuthenticationTokenException", query: "MissingAuthenticationToken", status: 403 },
  "incomplete-signature": { json: "IncompleteSignatureException", query: "IncompleteSignature", status: 403 },
  region: { json: "InvalidSignatureException", query: "SignatureDoesNotMatch", status: 403 },
  "too-large": { json: "RequestEntityTooLargeException", query: "RequestEntityTooLarge", status: 413 },
};

const MAX_LIFECYCLE_DELAY_MS = 24 * 60 * 60 * 1000;

/** Parses a control endpoint's JSON body (prototype-free, depth-limited); empty → {}. */
function controlBody(req: SandboxRequest): unknown {
  const text = req.body.toString("utf8");
  if (!text.trim()) return {};
  if (tooDeep(text)) throw new Error(`the JSON body is nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`);
  try {
    return parseJsonDict(text);
  } catch (e) {
    throw new Error(`invalid JSON: ${(e as Error).message}`);
  }
}

export function createSandboxCore(options: SandboxOptions = {}): SandboxCore {
  const dataDir = options.dataDir === null ? undefined : path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const store = new Store(dataDir);
  const faults = new Faults(options.faults);
  const lifecycleDelayMs = options.lifecycleDelayMs ?? DEFAULT_LIFECYCLE_DELAY_MS;
  if (!Number.isFinite(lifecycleDelayMs) || lifecycleDelayMs < 0 || lifecycleDelayMs > MAX_LIFECYCLE_DELAY_MS) {
    throw new Error(`lifecycleDelayMs must be a number of milliseconds from 0 to ${MAX_LIFECYCLE_DELAY_MS} (got ${lifecycleDelayMs})`);
  }
  const settings: SandboxSettings = { lifecycleDelayMs, allowHttpMcpEndpoints: options.allowHttpMcpEndpoints ?? false };
  const services = options.services ?? defaultServices();
  const now = options.clock ?? Date.now;
  const plainRoutes: { service: ServiceDefinition; route: HttpRoute; re: RegExp }[] = services.flatMap((service) =>
    (service.httpRoutes ?? []).map((route) => ({ service, route, re: compilePath(route.path) })),
  );

  const log = (line: string) => {
    if (options.log) console.error(line);
  };
  for (const service of services) service.attach?.(store, { log });
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= Promise.all(services.map((s) => s.close?.(store))).then(() => undefined));

  const stateOf = (service: ServiceDefinition) => () => store.get(service.name, service.initialState ?? (() => ({})));

  let handled = 0;
  let refused = 0;
  const byOperation = new Map<string, number>();
  const requests = (): RequestCounts => ({ handled, byOperation: Object.fromEntries(byOperation), refused });

  async function control(req: SandboxRequest): Promise<SandboxResponse | undefined> {
    const route = `${req.method} ${req.path.replace(/\/$/, "")}`;
    switch (route) {
      case "GET /_sandbox/requests":
        return json(200, requests());
      case "DELETE /_sandbox/requests":
        handled = 0;
        refused = 0;
        byOperation.clear();
        return json(200, requests());
      case "GET /_sandbox/health":
        return json(200, {
          status: "ok",
          accountId: SANDBOX_ACCOUNT_ID,
          dataDir: dataDir ?? null,
          settings,
          services: services.map((s) => ({ name: s.name, signingName: s.signingName, protocol: s.protocol, operations: Object.keys(s.operations) })),
          faults: faults.get(),
        });
      case "GET /_sandbox/faults":
        return json(200, faults.get());
      case "POST /_sandbox/faults":
      case "PUT /_sandbox/faults": {
        try {
          const body = controlBody(req) as FaultConfig;
          if (req.query.get("mode") === "add") faults.add(body);
          else faults.set(body);
        } catch (e) {
          return json(400, { message: e instanceof FaultConfigError ? e.message : (e as Error).message });
        }
        return json(200, faults.get());
      }
      case "DELETE /_sandbox/faults":
        faults.clear();
        return json(200, faults.get());
      case "POST /_sandbox/reset":
        store.reset();
        await Promise.all(services.map((s) => s.reset?.(store)));
        return json(200, { status: "reset" });
      case "GET /_sandbox/settings":
        return json(200, settings);
      case "POST /_sandbox/settings": {
        try {
          const body = controlBody(req) as { lifecycleDelayMs?: unknown; allowHttpMcpEndpoints?: unknown };
          if (!body || typeof body !== "object" || Array.isArray(body)) throw new Error("settings must be a JSON object");
          if (body.lifecycleDelayMs !== undefined) {
            const v = body.lifecycleDelayMs;
            if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > MAX_LIFECYCLE_DELAY_MS) {
              throw new Error(`lifecycleDelayMs must be a number of milliseconds from 0 to ${MAX_LIFECYCLE_DELAY_MS} (24 hours)`);
            }
            settings.lifecycleDelayMs = v;
          }
          if (body.allowHttpMcpEndpoints !== undefined) {
            if (typeof body.allowHttpMcpEndpoints !== "boolean") throw new Error("allowHttpMcpEndpoints must be true or false");
            settings.allowHttpMcpEndpoints = body.allowHttpMcpEndpoints;
          }
        } catch (e) {
          return json(400, { message: (e as Error).message });
        }
        return json(200, settings);
      }
    }
    return undefined;
  }

  async function plain(req: SandboxRequest, baseUrl: string): Promise<SandboxResponse | undefined> {
    for (const { service, route, re } of plainRoutes) {
      if (route.method.toUpperCase() !== req.method.toUpperCase()) continue;
      const m = re.exec(req.path);
      if (!m) continue;
      const params: Record<string, string> = {};
      try {
        for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = decodeURIComponent(v);
      } catch {
        return json(400, { message: `malformed percent-encoding in ${req.path}` });
      }
      const state = stateOf(service);
      return route.handler(req, {
        params,
        store,
        settings,
        now,
        baseUrl,
        accountId: SANDBOX_ACCOUNT_ID,
        state: <T extends object>() => state() as T,
        save: () => store.save(service.name),
      });
    }
    return undefined;
  }

  function findService(req: SandboxRequest): ServiceDefinition | undefined {
    const scope = credentialScope(req);
    const target = req.headers["x-amz-target"];
    const candidates = scope ? services.filter((s) => s.signingName === scope.service) : services;
    if (candidates.length === 1 && scope) return candidates[0];
    if (target) {
      const prefix = target.slice(0, target.lastIndexOf("."));
      const s = candidates.find((c) => (c.protocol === "awsJson1_1" || c.protocol === "awsJson1_0") && (!c.targetPrefix || c.targetPrefix === prefix));
      if (s) return s;
    }
    const ct = req.headers["content-type"] ?? "";
    if (ct.startsWith("application/x-www-form-urlencoded")) {
      const params = new URLSearchParams(req.body.toString("utf8"));
      const version = params.get("Version");
      const s = candidates.find((c) => c.protocol === "awsQuery" && (!version || !c.queryVersion || c.queryVersion === version));
      if (s) return s;
    }
    return candidates.find((c) => c.protocol === "restJson1" && c.model?.matchRoute(req.method, req.path, req.query));
  }

  async function handleAws(service: ServiceDefinition, req: SandboxRequest, baseUrl: string, requestId: string): Promise<SandboxResponse> {
    const region = credentialScope(req)!.region;
    const decoded = decode(service, req);
    if (!decoded) throw unknownOperation(service.protocol, `${req.method} ${req.path}`);
    const { operation, input, code } = decoded;
    const handler = Object.prototype.hasOwnProperty.call(service.operations, operation) ? service.operations[operation] : undefined;
    if (!handler) {
      if (service.model?.hasShape(operation)) {
        throw new ServiceError("NotImplemented", `The sandbox does not implement ${operation} yet`, { status: 501 });
      }
      throw unknownOperation(service.protocol, operation);
    }
    const fault = faults.pick(service.name, operation);
    if (fault) throw service.faultError?.(fault) ?? defaultFaultError(service.protocol, fault);

    const model = service.model;
    if (model?.hasShape(operation) && !service.skipValidation?.includes(operation)) {
      const inputId = model.inputShapeId(operation);
      if (inputId) {
        const errors = validateShape(model, inputId, input).filter((e) => !service.tolerateFieldError?.(e, input, settings));
        if (errors.length) throw service.validationError?.(errors, operation) ?? defaultValidationError(service.protocol, errors);
      }
    }
    const state = stateOf(service);
    const ctx: OperationContext = {
      service,
      operation,
      region,
      accountId: SANDBOX_ACCOUNT_ID,
      requestId,
      now,
      settings,
      store,
      state: <T extends object>() => state() as T,
      save: () => store.save(service.name),
      baseUrl,
      request: req,
    };
    handled++;
    byOperation.set(operation, (byOperation.get(operation) ?? 0) + 1);
    const output = await handler(input, ctx);
    const readonly = model?.hasShape(operation) ? "smithy.api#readonly" in (model.operation(operation).traits ?? {}) : false;
    if (!readonly) store.save(service.name);
    if (output instanceof RawResult) return output.response;
    return encodeOutput(service, operation, code, output, requestId);
  }

  function plainRouteMatches(req: SandboxRequest): boolean {
    return plainRoutes.some(({ route, re }) => route.method.toUpperCase() === req.method.toUpperCase() && re.test(req.path));
  }

  function refuse(req: SandboxRequest, kind: RefusalKind, message: string): SandboxResponse {
    refused++;
    const requestId = crypto.randomUUID();
    const wire = REFUSALS[kind];
    // Control and plain HTTP routes (OIDC) speak plain JSON; AWS API routes answer in their service's protocol.
    if (req.path.startsWith("/_sandbox/") || (!isSigned(req) && plainRouteMatches(req))) {
      return json(wire.status, { message }, { "x-amzn-requestid": requestId });
    }
    const service = findService({ ...req, body: Buffer.alloc(0) });
    const code = service?.protocol === "awsQuery" ? wire.query : wire.json;
    const res = encodeError(service, new ServiceError(code, message, { status: wire.status }), requestId);
    res.headers["x-amzn-errortype"] = code;
    return res;
  }

  async function dispatch(req: SandboxRequest, baseUrl = options.baseUrl ?? "http://sandbox.local", transport: Transport = {}): Promise<SandboxResponse> {
    const requestId = crypto.randomUUID();
    let service: ServiceDefinition | undefined;
    try {
      const refusal = browserRefusal(req, transport.hosts);
      if (refusal) return refuse(req, refusal.kind, refusal.message);
      // The gateways' data plane: plain HTTP (MCP), with the gateway's own inbound auth (SigV4 only for AWS_IAM).
      if (isGatewayRuntimePath(req.path)) return await handleGatewayRuntime(req, { store, now: now(), baseUrl, accountId: SANDBOX_ACCOUNT_ID });
      if (req.path.startsWith("/_sandbox/")) {
        // A web page can send text/plain or form bodies without a CORS preflight, never application/json.
        if (req.method !== "GET" && req.method !== "HEAD" && mediaType(req) !== "application/json") {
          refused++;
          return json(415, { message: `The sandbox's control endpoints take content-type: application/json (got ${JSON.stringify(req.headers["content-type"] ?? "none")}).` });
        }
        const res = (await control(req)) ?? (await plain(req, baseUrl));
        return res ?? json(404, { message: `no sandbox control endpoint ${req.method} ${req.path}` });
      }
      const latency = faults.latency();
      if (latency) await sleep(latency);
      const scope = credentialScope(req);
      if (!scope) {
        if (!isSigned(req)) {
          const res = await plain(req, baseUrl);
          if (res) return res;
          return refuse(req, "unsigned", findService(req)?.protocol === "awsQuery" ? "Request is missing Authentication Token" : "Missing Authentication Token");
        }
        return refuse(req, "incomplete-signature", "Authorization header requires a 'Credential' parameter of the form KEY/YYYYMMDD/REGION/SERVICE/aws4_request.");
      }
      service = findService(req);
      if (!service) {
        return json(404, { message: `The sandbox has no service for ${req.method} ${req.path}` }, { "x-amzn-errortype": "UnknownOperationException", "x-amzn-requestid": requestId });
      }
      if (!REGION_PATTERN.test(scope.region)) return refuse(req, "region", "Credential should be scoped to a valid region.");
      const res = await handleAws(service, req, baseUrl, requestId);
      res.headers["x-amzn-requestid"] ??= requestId;
      return res;
    } catch (e) {
      if (e instanceof ServiceError) return encodeError(service, e, requestId);
      console.error("[sandbox] handler crashed:", e);
      return encodeError(service, new ServiceError(service?.protocol === "awsQuery" ? "ServiceFailure" : "InternalServerException", `Sandbox internal error: ${(e as Error).message}`, { status: 500 }), requestId);
    }
  }

  const requestHandler: InProcessRequestHandler = {
    metadata: { handlerProtocol: "http/1.1" },
    async handle(request) {
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(request.query ?? {})) {
        if (Array.isArray(v)) v.forEach((x) => query.append(k, x));
        else query.append(k, v ?? "");
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
      const res = await dispatch({ method: request.method, path: request.path, query, headers, body: await bodyToBuffer(request.body) }, options.baseUrl);
      const body = typeof res.body === "string" ? Buffer.from(res.body) : res.body;
      return { response: { statusCode: res.status, headers: { ...res.headers, "content-length": String(body.length) }, body: Readable.from([body]) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };

  return { dispatch, refuse, requests, requestHandler, store, faults, settings, services, now, close };
}

async function bodyToBuffer(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof Readable || (typeof body === "object" && Symbol.asyncIterator in body)) {
    const chunks: Buffer[] = [];
    for await (const c of body as AsyncIterable<Buffer | string>) chunks.push(typeof c === "string" ? Buffer.from(c) : Buffer.from(c));
    return Buffer.concat(chunks);
  }
  return Buffer.from(String(body));
}

/** Past this much, an oversized body is no longer drained: the sandbox answers and closes the connection. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Reads the body; an oversized one is read and discarded (so the client gets the 413, not a TCP reset),
 * and `undefined` comes back. `drained` is false when even draining was given up on.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<{ body?: Buffer; drained: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number(req.headers["content-length"]) > limit;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_DRAIN_BYTES) {
        req.off("data", onData);
        req.pause();
        resolve({ drained: false });
        return;
      }
      if (over || size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(c);
    };
    req.on("data", onData);
    req.on("end", () => resolve(over ? { drained: true } : { body: Buffer.concat(chunks), drained: true }));
    req.on("error", reject);
  });
}

/** Starts the sandbox HTTP server on loopback. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? DEFAULT_HOST;
  const core = createSandboxCore(options);
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let hosts = new Set<string>();
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      const started = Date.now();
      const read = await readBody(req, limit);
      const sreq: SandboxRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers, body: read.body ?? Buffer.alloc(0) };
      const out = read.body
        ? await core.dispatch(sreq, `http://${req.headers.host ?? `${host}:${port}`}`, { hosts })
        : core.refuse(sreq, "too-large", `Request body too large: the limit is ${limit} bytes.`);
      const buf = typeof out.body === "string" ? Buffer.from(out.body) : out.body;
      const extra: Record<string, string> = read.drained ? {} : { connection: "close" };
      res.writeHead(out.status, { ...out.headers, ...extra, "content-length": String(buf.length) });
      res.end(buf);
      if (!read.drained) res.on("finish", () => req.destroy());
      if (options.log) console.error(`[sandbox] ${req.method} ${req.url} ${headers["x-amz-target"] ?? ""} → ${out.status} ${out.headers["x-amzn-errortype"] ?? ""} (${Date.now() - started} ms)`);
    } catch (e) {
      console.error("[sandbox] request failed:", e);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "sandbox transport error" }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4599, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = ownHosts(host, port);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    ...core,
    url,
    port,
    host,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }).finally(() => core.close());
      return closed;
    },
  };
}
