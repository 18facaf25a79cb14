// OpenAPI documents as gateway tools: one tool per operation (by operationId), parameters and request body as input schema.
import { parse as parseYaml } from "yaml";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
}

export interface OpenApiOperation {
  operationId: string;
  method: string;
  path: string;
  description?: string;
  parameters: OpenApiParameter[];
  /** The content type of the request body, when the operation takes one. */
  bodyType?: string;
  inputSchema: Obj;
}

export interface OpenApiDocument {
  serverUrl?: string;
  operations: OpenApiOperation[];
}

/** Parses JSON or YAML (the target was already judged usable at creation). */
export function parseDocumentText(text: string): unknown {
  const first = /\S/.exec(text)?.[0];
  return first === "{" || first === "[" ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
}

/** Resolves local `#/…` references, copying; cycles and unknown refs become an open schema. */
function deref(root: Obj, node: unknown, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(root, n, seen));
  if (!isObj(node)) return node;
  if (typeof node.$ref === "string") {
    const ref = node.$ref;
    if (!ref.startsWith("#/") || seen.includes(ref) || seen.length > 32) return {};
    let target: unknown = root;
    for (const part of ref.slice(2).split("/")) target = isObj(target) ? target[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
    return target === undefined ? {} : deref(root, target, [...seen, ref]);
  }
  const out: Obj = {};
  for (const [k, v] of Object.entries(node)) out[k] = deref(root, v, seen);
  return out;
}

function serverUrl(doc: Obj): string | undefined {
  const server = Array.isArray(doc.servers) && isObj(doc.servers[0]) ? doc.servers[0] : undefined;
  if (typeof server?.url !== "string") return undefined;
  const vars = isObj(server.variables) ? server.variables : {};
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return isObj(v) && typeof v.default === "string" ? v.default : whole;
  });
}

/** The operations of an OpenAPI 3 document that have an operationId (the gateway names tools by it). */
export function openApiOperations(text: string): OpenApiDocument {
  const doc = parseDocumentText(text);
  if (!isObj(doc)) return { operations: [] };
  const operations: OpenApiOperation[] = [];
  for (const [path, rawItem] of Object.entries(isObj(doc.paths) ? doc.paths : {})) {
    const item = deref(doc, rawItem) as Obj;
    if (!isObj(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObj(op) || typeof op.operationId !== "string") continue;
      const properties: Obj = {};
      const required: string[] = [];
      const parameters: OpenApiParameter[] = [];
      for (const p of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
        if (!isObj(p) || typeof p.name !== "string" || typeof p.in !== "string") continue;
        const param: OpenApiParameter = { name: p.name, in: p.in as OpenApiParameter["in"], required: p.in === "path" || p.required === true };
        const at = parameters.findIndex((q) => q.name === param.name && q.in === param.in);
        if (at >= 0) parameters[at] = param;
        else parameters.push(param);
        properties[p.name] = { ...(isObj(p.schema) ? p.schema : { type: "string" }), ...(typeof p.description === "string" ? { description: p.description } : {}) };
        if (param.required && !required.includes(p.name)) required.push(p.name);
      }
      let bodyType: string | undefined;
      const body = isObj(op.requestBody) ? op.requestBody : undefined;
      if (body && isObj(body.content)) {
        bodyType = Object.keys(body.content).find((t) => t.includes("json")) ?? Object.keys(body.content)[0];
        const media = bodyType ? body.content[bodyType] : undefined;
        properties.body = { ...(isObj(media) && isObj(media.schema) ? media.schema : {}), ...(typeof body.description === "string" ? { description: body.description } : {}) };
        if (body.required === true) required.push("body");
      }
      const description = [op.summary, op.description].filter((s): s is string => typeof s === "string").join(" — ") || undefined;
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        description,
        parameters,
        bodyType,
        inputSchema: { type: "object", properties, ...(required.length ? { required } : {}) },
      });
    }
  }
  return { serverUrl: serverUrl(doc), operations };
}
