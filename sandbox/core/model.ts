// Loads a Smithy JSON AST extract and answers shape, operation and HTTP-route questions from it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type Traits = Record<string, unknown>;
export interface MemberRef {
  target: string;
  traits?: Traits;
}
export interface Shape {
  type: string;
  traits?: Traits;
  members?: Record<string, MemberRef>;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  input?: { target: string };
  output?: { target: string };
  errors?: { target: string }[];
  operations?: { target: string }[];
}
export interface SmithyModel {
  smithy: string;
  shapes: Record<string, Shape>;
}

export interface HttpBinding {
  method: string;
  uri: string;
  code: number;
}

interface RouteSegment {
  literal?: string;
  label?: string;
  greedy?: boolean;
}
interface CompiledRoute {
  operation: string;
  method: string;
  segments: RouteSegment[];
  trailingSlash: boolean;
  staticQuery: [string, string | undefined][];
  code: number;
}

export interface RouteMatch {
  operation: string;
  labels: Record<string, string>;
  code: number;
}

/** Prelude shapes (smithy.api#String…) are not in the model; describe them by their simple type. */
const PRELUDE: Record<string, Shape> = {
  "smithy.api#String": { type: "string" },
  "smithy.api#Boolean": { type: "boolean" },
  "smithy.api#PrimitiveBoolean": { type: "boolean" },
  "smithy.api#Integer": { type: "integer" },
  "smithy.api#PrimitiveInteger": { type: "integer" },
  "smithy.api#Long": { type: "long" },
  "smithy.api#PrimitiveLong": { type: "long" },
  "smithy.api#Short": { type: "short" },
  "smithy.api#Byte": { type: "byte" },
  "smithy.api#Float": { type: "float" },
  "smithy.api#Double": { type: "double" },
  "smithy.api#BigInteger": { type: "bigInteger" },
  "smithy.api#BigDecimal": { type: "bigDecimal" },
  "smithy.api#Timestamp": { type: "timestamp" },
  "smithy.api#Blob": { type: "blob" },
  "smithy.api#Document": { type: "document" },
  "smithy.api#Unit": { type: "structure", members: {} },
};

export const MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "models");

export class ServiceModel {
  readonly serviceId: string;
  readonly namespace: string;
  readonly service: Shape;
  private routes: CompiledRoute[] | undefined;

  constructor(readonly model: SmithyModel) {
    const entry = Object.entries(model.shapes).find(([, s]) => s.type === "service");
    if (!entry) throw new Error("model has no service shape");
    [this.serviceId, this.service] = entry;
    this.namespace = this.serviceId.split("#")[0];
  }

  static load(name: string, dir = MODELS_DIR): ServiceModel {
    return new ServiceModel(JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), "utf8")));
  }

  get protocol(): "restJson1" | "awsJson1_0" | "awsJson1_1" | "awsQuery" | "unknown" {
    const t = this.service.traits ?? {};
    if ("aws.protocols#restJson1" in t) return "restJson1";
    if ("aws.protocols#awsJson1_1" in t) return "awsJson1_1";
    if ("aws.protocols#awsJson1_0" in t) return "awsJson1_0";
    if ("aws.protocols#awsQuery" in t) return "awsQuery";
    return "unknown";
  }

  get signingName(): string | undefined {
    return (this.service.traits?.["aws.auth#sigv4"] as { name?: string } | undefined)?.name;
  }

  /** Resolves a shape id, accepting a bare name in the service namespace. */
  id(name: string): string {
    return name.includes("#") ? name : `${this.namespace}#${name}`;
  }

  shape(idOrName: string): Shape {
    const id = this.id(idOrName);
    const s = (Object.hasOwn(this.model.shapes, id) ? this.model.shapes[id] : undefined) ?? (Object.hasOwn(PRELUDE, id) ? PRELUDE[id] : undefined);
    if (!s) throw new Error(`unknown shape ${id}`);
    return s;
  }

  hasShape(idOrName: string): boolean {
    const id = this.id(idOrName);
    return Object.hasOwn(this.model.shapes, id) || Object.hasOwn(PRELUDE, id);
  }

  operationNames(): string[] {
    return (this.service.operations ?? []).map((o) => o.target.split("#")[1]);
  }

  operation(name: string): Shape {
    const s = this.shape(name);
    if (s.type !== "operation") throw new Error(`${name} is not an operation`);
    return s;
  }

  inputShapeId(op: string): string | undefined {
    return this.operation(op).input?.target;
  }

  outputShapeId(op: string): string | undefined {
    return this.operation(op).output?.target;
  }

  http(op: string): HttpBinding | undefined {
    return this.operation(op).traits?.["smithy.api#http"] as HttpBinding | undefined;
  }

  /** Error shape names (without namespace) an operation may return, plus service-wide errors. */
  errorNames(op: string): string[] {
    return [...(this.operation(op).errors ?? []), ...(this.service.errors ?? [])].map((e) => e.target.split("#")[1]);
  }

  /** HTTP status of a modelled error (smithy.api#httpError), or a default by fault side. */
  errorStatus(errorName: string): number | undefined {
    if (!this.hasShape(errorName)) return undefined;
    const t = this.shape(errorName).traits ?? {};
    if (typeof t["smithy.api#httpError"] === "number") return t["smithy.api#httpError"] as number;
    if (t["smithy.api#error"] === "server") return 500;
    if (t["smithy.api#error"] === "client") return 400;
    return undefined;
  }

  private compileRoutes(): CompiledRoute[] {
    if (this.routes) return this.routes;
    const routes: CompiledRoute[] = [];
    for (const op of this.operationNames()) {
      const http = this.http(op);
      if (!http) continue;
      const [rawPath, rawQuery] = http.uri.split("?");
      const parts = rawPath.split("/").slice(1);
      const trailingSlash = rawPath.length > 1 && rawPath.endsWith("/");
      if (trailingSlash) parts.pop();
      const segments = parts.map((p): RouteSegment => {
        const m = /^\{([^}]+?)(\+)?\}$/.exec(p);
        return m ? { label: m[1], greedy: !!m[2] } : { literal: p };
      });
      const staticQuery = (rawQuery ? rawQuery.split("&") : []).map((kv): [string, string | undefined] => {
        const [k, v] = kv.split("=");
        return [decodeURIComponent(k), v === undefined ? undefined : decodeURIComponent(v)];
      });
      routes.push({ operation: op, method: http.method.toUpperCase(), segments, trailingSlash, staticQuery, code: http.code ?? 200 });
    }
    // Most literal segments first so /gateways/{id}/targets/ beats /gateways/{id}/ style ambiguity.
    routes.sort((a, b) => score(b) - score(a));
    this.routes = routes;
    return routes;
  }

  /** Finds the operation for a request from the model's smithy.api#http traits. */
  matchRoute(method: string, rawPath: string, query: URLSearchParams): RouteMatch | undefined {
    const trailingSlash = rawPath.length > 1 && rawPath.endsWith("/");
    const parts = rawPath.split("/").slice(1);
    if (trailingSlash) parts.pop();
    for (const route of this.compileRoutes()) {
      if (route.method !== method.toUpperCase()) continue;
      const labels = matchSegments(route.segments, parts);
      if (!labels) continue;
      if (route.trailingSlash !== trailingSlash && !route.segments.at(-1)?.greedy) continue;
      if (!route.staticQuery.every(([k, v]) => (v === undefined ? query.has(k) : query.get(k) === v))) continue;
      return { operation: route.operation, labels, code: route.code };
    }
    return undefined;
  }

  /** True when some operation has this path under another method (for 405-ish answers). */
  pathExists(rawPath: string): boolean {
    const parts = rawPath.split("/").slice(1);
    if (rawPath.length > 1 && rawPath.endsWith("/")) parts.pop();
    return this.compileRoutes().some((r) => matchSegments(r.segments, parts) !== undefined);
  }
}

function score(r: CompiledRoute): number {
  return r.segments.filter((s) => s.literal !== undefined).length * 10 + r.segments.length + r.staticQuery.length * 5 - (r.segments.some((s) => s.greedy) ? 100 : 0);
}

function matchSegments(segments: RouteSegment[], parts: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg.greedy) {
      const rest = parts.slice(i);
      if (!rest.length) return undefined;
      labels[seg.label!] = rest.map(safeDecode).join("/");
      return labels;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (seg.literal !== undefined) {
      if (safeDecode(part) !== seg.literal) return undefined;
    } else {
      if (part === "") return undefined;
      labels[seg.label!] = safeDecode(part);
    }
  }
  return parts.length === segments.length ? labels : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const cache = new Map<string, ServiceModel>();
/** Loads (once) the extract sandbox/models/<name>.json. */
export function loadModel(name: string): ServiceModel {
  let m = cache.get(name);
  if (!m) {
    m = ServiceModel.load(name);
    cache.set(name, m);
  }
  return m;
}
