// The tools a gateway lists: every READY target's tools, named TARGETNAME___TOOLNAME, with their input schemas.
import type { TargetRecord } from "../agentcore-control/models";
import { openApiOperations, parseDocumentText, type OpenApiOperation } from "./openapi";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export const TOOL_SEPARATOR = "___";
export const SEARCH_TOOL_NAME = "x_amz_bedrock_agentcore_search";
const OPEN_SCHEMA = { type: "object" };

export type TargetType = "lambda" | "openApiSchema" | "smithyModel" | "mcpServer" | "apiGateway";

export interface GatewayTool {
  /** What MCP clients see: TARGETNAME___TOOLNAME. */
  name: string;
  /** The tool's own name in its target. */
  toolName: string;
  description?: string;
  inputSchema: Obj;
  target: TargetRecord;
  type: TargetType;
  /** OpenAPI: how to build the request. */
  operation?: OpenApiOperation;
  serverUrl?: string;
  /** API Gateway: the REST method and path. */
  rest?: { method: string; path: string };
}

/** The tools an MCP server target learnt at its last synchronization (kept on the target record). */
export interface SyncedTool {
  name: string;
  description?: string;
  inputSchema: Obj;
}

export function targetMember(t: TargetRecord): { type: TargetType; member: Obj } | undefined {
  const mcp = (t.targetConfiguration as { mcp?: Obj } | undefined)?.mcp;
  if (!isObj(mcp)) return undefined;
  const type = (["lambda", "openApiSchema", "smithyModel", "mcpServer", "apiGateway"] as const).find((k) => isObj(mcp[k]));
  return type ? { type, member: mcp[type] as Obj } : undefined;
}

const schemaOf = (v: unknown): Obj => (isObj(v) ? v : OPEN_SCHEMA);
const describe = (v: unknown) => (typeof v === "string" && v ? v : undefined);

function smithyTools(text: string): SyncedTool[] {
  const doc = parseDocumentText(text) as { shapes?: Record<string, Obj> };
  const shapes = isObj(doc?.shapes) ? doc.shapes : {};
  const tools: SyncedTool[] = [];
  const typeOf = (target: string): Obj => {
    const prelude: Record<string, string> = { String: "string", Integer: "integer", Long: "integer", Short: "integer", Float: "number", Double: "number", Boolean: "boolean" };
    const short = target.split("#")[1] ?? target;
    if (prelude[short]) return { type: prelude[short] };
    const shape = shapes[target];
    const kind = shape?.type as string | undefined;
    if (kind === "list") return { type: "array" };
    if (kind === "structure" || kind === "map") return { type: "object" };
    if (kind && ["integer", "long", "short", "byte"].includes(kind)) return { type: "integer" };
    if (kind && ["float", "double", "bigDecimal"].includes(kind)) return { type: "number" };
    if (kind === "boolean") return { type: "boolean" };
    return { type: "string" };
  };
  for (const [id, shape] of Object.entries(shapes)) {
    if (!isObj(shape) || shape.type !== "operation") continue;
    const inputId = isObj(shape.input) ? (shape.input.target as string) : undefined;
    const input = inputId ? shapes[inputId] : undefined;
    const properties: Obj = {};
    const required: string[] = [];
    for (const [name, m] of Object.entries(isObj(input?.members) ? (input!.members as Record<string, Obj>) : {})) {
      properties[name] = typeOf(String(m.target ?? ""));
      if (isObj(m.traits) && "smithy.api#required" in m.traits) required.push(name);
    }
    const traits = isObj(shape.traits) ? shape.traits : {};
    tools.push({
      name: id.split("#")[1] ?? id,
      description: describe(traits["smithy.api#documentation"]),
      inputSchema: { type: "object", properties, ...(required.length ? { required } : {}) },
    });
  }
  return tools;
}

function staticMcpTools(text: string): SyncedTool[] {
  const doc = JSON.parse(text) as unknown;
  const list = Array.isArray(doc) ? doc : isObj(doc) && Array.isArray(doc.tools) ? doc.tools : [];
  return list.filter(isObj).map((t) => ({ name: String(t.name), description: describe(t.description), inputSchema: schemaOf(t.inputSchema) }));
}

/** The tools of one target, before prefixing. Documents stored in S3 cannot be read by the sandbox: those list nothing. */
function targetTools(t: TargetRecord): Omit<GatewayTool, "name" | "target">[] {
  const found = targetMember(t);
  if (!found) return [];
  const { type, member } = found;
  try {
    switch (type) {
      case "lambda": {
        const inline = (member.toolSchema as Obj | undefined)?.inlinePayload;
        return (Array.isArray(inline) ? inline : []).filter(isObj).map((d) => ({ type, toolName: String(d.name), description: describe(d.description), inputSchema: schemaOf(d.inputSchema) }));
      }
      case "openApiSchema": {
        if (typeof member.inlinePayload !== "string") return [];
        const doc = openApiOperations(member.inlinePayload);
        return doc.operations.map((operation) => ({ type, toolName: operation.operationId, description: operation.description, inputSchema: operation.inputSchema, operation, serverUrl: doc.serverUrl }));
      }
      case "smithyModel":
        return typeof member.inlinePayload === "string" ? smithyTools(member.inlinePayload).map((s) => ({ type, toolName: s.name, description: s.description, inputSchema: s.inputSchema })) : [];
      case "apiGateway": {
        const config = member.apiGatewayToolConfiguration as { toolFilters?: { filterPath: string; methods: string[] }[]; toolOverrides?: { name: string; description?: string; path: string; method: string }[] };
        const overrides = config?.toolOverrides ?? [];
        return (config?.toolFilters ?? []).flatMap((f) =>
          f.methods.map((method) => {
            const o = overrides.find((x) => x.path === f.filterPath && x.method === method);
            const fallback = `${method.toLowerCase()}${f.filterPath.replace(/[^A-Za-z0-9]+/g, "_").replace(/_+$/, "")}`;
            return { type, toolName: o?.name ?? fallback, description: o?.description, inputSchema: OPEN_SCHEMA, rest: { method, path: f.filterPath } };
          }),
        );
      }
      case "mcpServer": {
        const staticSchema = (member.mcpToolSchema as Obj | undefined)?.inlinePayload;
        const tools = typeof staticSchema === "string" ? staticMcpTools(staticSchema) : ((t.syncedTools as SyncedTool[] | undefined) ?? []);
        return tools.map((s) => ({ type, toolName: s.name, description: s.description, inputSchema: s.inputSchema }));
      }
    }
  } catch {
    return [];
  }
}

/**
 * Every tool of the given (READY) targets, prefixed. Names over 64 characters are listed unchanged, as AWS lists
 * them (many MCP clients and model APIs then refuse the whole list).
 */
export function gatewayTools(targets: TargetRecord[]): GatewayTool[] {
  return targets.flatMap((target) => targetTools(target).map((tool) => ({ ...tool, target, name: `${target.name}${TOOL_SEPARATOR}${tool.toolName}` })));
}

export const SEARCH_TOOL = {
  name: SEARCH_TOOL_NAME,
  description: "A special tool that returns a trimmed down list of tools given a context. Use this tool only when there are many tools available and you want to get a subset that matches the provided context.",
  inputSchema: { type: "object", properties: { query: { type: "string", description: "search query to use for finding tools" } }, required: ["query"] },
};

/** Lower-cased words of a text, splitting snake_case, kebab-case and camelCase. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * SEMANTIC search, lexically: BM25 over each tool's name (words counted twice) and description. AWS ranks with
 * embeddings; the sandbox's order can differ, but a tool whose name or description shares the query's words comes first.
 */
export function searchTools<T extends { name: string; description?: string }>(tools: T[], query: string, limit = 10): T[] {
  const q = [...new Set(words(query))];
  if (!q.length) return [];
  const docs = tools.map((t) => [...words(t.name), ...words(t.name), ...words(t.description ?? "")]);
  const avg = docs.reduce((n, d) => n + d.length, 0) / Math.max(docs.length, 1) || 1;
  const df = (w: string) => docs.filter((d) => d.includes(w)).length;
  const idf = new Map(q.map((w) => [w, Math.log(1 + (docs.length - df(w) + 0.5) / (df(w) + 0.5))]));
  const k1 = 1.2;
  const b = 0.75;
  return tools
    .map((tool, i) => {
      const d = docs[i];
      const score = q.reduce((s, w) => {
        const f = d.filter((x) => x === w).length;
        return f ? s + idf.get(w)! * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.length) / avg))) : s;
      }, 0);
      return { tool, score };
    })
    .filter((r) => r.score > 0)
    .sort((a, b2) => b2.score - a.score)
    .slice(0, limit)
    .map((r) => r.tool);
}
