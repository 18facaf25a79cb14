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
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_LIFECYCLE_DELAY_MS, DEFAULT_REGION, SANDBOX_ACCOUNT_ID } from "./constants";
import { defaultServices } from "../services";

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
}

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
  dispatch(req: SandboxRequest, baseUrl?: string): Promise<SandboxResponse>;
  requestHandler: InProcessRequestHandler;
  store: Store;
  faults: Faults;
  settings: SandboxSettings;
  services: ServiceDefinition[];
  now(): number;
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

export function createSandboxCore(options: SandboxOptions = {}): SandboxCore {
  const dataDir = options.dataDir === null ? undefined : path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const store = new Store(dataDir);
  const faults = new Faults(options.faults);
  const settings: SandboxSettings = { lifecycleDelayMs: options.lifecycleDelayMs ?? DEFAULT_LIFECYCLE_DELAY_MS };
  const services = options.services ?? defaultServices();
  const now = options.clock ?? Date.now;
  const plainRoutes: { service: ServiceDefinition; route: HttpRoute; re: RegExp }[] = services.flatMap((service) =>
    (service.httpRoutes ?? []).map((route) => ({ service, route, re: compilePath(route.path) })),
  );

  const stateOf = (service: ServiceDefinition) => () => store.get(service.name, service.initialState ?? (() => ({})));

  async function control(req: SandboxRequest): Promise<SandboxResponse | undefined> {
    const route = `${req.method} ${req.path.replace(/\/$/, "")}`;
    switch (route) {
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
          const body = req.body.length ? JSON.parse(req.body.toString("utf8")) : {};
          if (req.query.get("mode") === "add") faults.add(body);
          else faults.set(body);
        } catch (e) {
          return json(400, { message: e instanceof FaultConfigError ? e.message : `invalid JSON: ${(e as Error).message}` });
        }
        return json(200, faults.get());
      }
      case "DELETE /_sandbox/faults":
        faults.clear();
        return json(200, faults.get());
      case "POST /_sandbox/reset":
        store.reset();
        return json(200, { status: "reset" });
      case "GET /_sandbox/settings":
        return json(200, settings);
      case "POST /_sandbox/settings": {
        try {
          const body = JSON.parse(req.body.toString("utf8") || "{}");
          if (body.lifecycleDelayMs !== undefined) {
            if (typeof body.lifecycleDelayMs !== "number" || body.lifecycleDelayMs < 0) throw new Error("lifecycleDelayMs must be a non-negative number");
            settings.lifecycleDelayMs = body.lifecycleDelayMs;
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
      for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = decodeURIComponent(v);
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
    const region = credentialScope(req)?.region ?? DEFAULT_REGION;
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
        const errors = validateShape(model, inputId, input);
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
    const output = await handler(input, ctx);
    const readonly = model?.hasShape(operation) ? "smithy.api#readonly" in (model.operation(operation).traits ?? {}) : false;
    if (!readonly) store.save(service.name);
    if (output instanceof RawResult) return output.response;
    return encodeOutput(service, operation, code, output, requestId);
  }

  async function dispatch(req: SandboxRequest, baseUrl = options.baseUrl ?? "http://sandbox.local"): Promise<SandboxResponse> {
    const requestId = crypto.randomUUID();
    let service: ServiceDefinition | undefined;
    try {
      if (req.path.startsWith("/_sandbox/")) {
        const res = (await control(req)) ?? (await plain(req, baseUrl));
        return res ?? json(404, { message: `no sandbox control endpoint ${req.method} ${req.path}` });
      }
      const latency = faults.latency();
      if (latency) await sleep(latency);
      if (!credentialScope(req)) {
        const res = await plain(req, baseUrl);
        if (res) return res;
      }
      service = findService(req);
      if (!service) {
        return json(404, { message: `The sandbox has no service for ${req.method} ${req.path}` }, { "x-amzn-errortype": "UnknownOperationException", "x-amzn-requestid": requestId });
      }
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

  return { dispatch, requestHandler, store, faults, settings, services, now };
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

const MAX_BODY_BYTES = 20 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new Error("request body too large"));
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Starts the sandbox HTTP server on loopback. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? DEFAULT_HOST;
  const core = createSandboxCore(options);
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      const body = await readBody(req);
      const baseUrl = `http://${req.headers.host ?? `${host}:${port}`}`;
      const started = Date.now();
      const out = await core.dispatch({ method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers, body }, baseUrl);
      const buf = typeof out.body === "string" ? Buffer.from(out.body) : out.body;
      res.writeHead(out.status, { ...out.headers, "content-length": String(buf.length) });
      res.end(buf);
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
      });
      return closed;
    },
  };
}
