// Parses an OpenAPI (JSON or YAML) or Smithy JSON AST document for a gateway target and summarises its operations.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from "yaml";
import { duplicateEntries, getEntry, lineIndex, parseJsonWithPositions, type JsonEntry, type JsonNode, type JsonObjectNode } from "./json-positions";

export type ApiDocumentKind = "openapi" | "smithy";

export interface OpenApiOperation {
  /** Upper case: GET, POST, ... */
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
}

export interface OpenApiSummary {
  /** The document's `openapi` version, e.g. "3.0.3". */
  openapi: string;
  title: string;
  version: string;
  operations: OpenApiOperation[];
}

export interface SmithySummary {
  /** The JSON AST's `smithy` version, e.g. "2.0". */
  smithy: string;
  /** Absolute shape IDs (namespace#Name) of the service shapes. */
  services: string[];
  /** Absolute shape IDs of the operation shapes. */
  operations: string[];
}

export interface ApiDocumentError {
  ok: false;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  message: string;
}

export type ApiDocumentResult<S> = { ok: true; format: "json" | "yaml"; summary: S; warnings: string[] } | ApiDocumentError;

/** HTTP methods of an OpenAPI 3 path item, in the order the specification lists them. */
export const OPENAPI_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** AgentCore Gateway takes OpenAPI 3.0.x and 3.1.x (the sandbox applies the same rule). */
const OPENAPI_VERSION = /^3\.[01]\.\d+$/;

class Problem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

function fail(offset: number, message: string): never {
  throw new Problem(offset, message);
}

const MAX_DEPTH = 512;

/** The YAML tree in the JSON parser's node shape, so one checker serves both formats. */
/** How many values a YAML document may expand to: aliases that repeat each other (an "alias bomb") would not end. */
const MAX_YAML_VALUES = 200_000;

function fromYaml(node: YamlNode | null, doc: Document, fallback: number, depth = 0, budget = { left: MAX_YAML_VALUES }): JsonNode {
  if (depth > MAX_DEPTH) fail(fallback, `Nesting is too deep — more than ${MAX_DEPTH} levels (or an alias that contains itself)`);
  if (--budget.left < 0) fail(fallback, `The document expands to more than ${MAX_YAML_VALUES} values — aliases that repeat other aliases?`);
  if (node === null) return { kind: "null", value: null, start: fallback, end: fallback };
  const start = node.range?.[0] ?? fallback;
  const end = node.range?.[1] ?? start;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (!target) fail(start, `Unknown alias '*${node.source}': no anchor '&${node.source}' is defined before it`);
    return { ...fromYaml(target as YamlNode, doc, start, depth + 1, budget), start, end };
  }
  if (isMap(node)) {
    const entries: JsonEntry[] = node.items.map((pair) => {
      const key = pair.key as YamlNode | null;
      const keyStart = key?.range?.[0] ?? start;
      if (key !== null && !isScalar(key)) fail(keyStart, "A key must be a plain value such as a name, not a list or a mapping");
      const k = key === null || key.value === null ? "" : String(key.value);
      const valueFallback = key?.range?.[1] ?? keyStart;
      return { key: k, keyStart, value: fromYaml(pair.value as YamlNode | null, doc, valueFallback, depth + 1, budget) };
    });
    return { kind: "object", entries, start, end };
  }
  if (isSeq(node)) return { kind: "array", items: node.items.map((n) => fromYaml(n as YamlNode | null, doc, start, depth + 1, budget)), start, end };
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return { kind: "null", value: null, start, end };
    if (typeof v === "boolean") return { kind: "boolean", value: v, start, end };
    if (typeof v === "number") return { kind: "number", value: v, start, end };
    return { kind: "string", value: String(v), start, end };
  }
  return { kind: "null", value: null, start, end };
}

/** The innermost quoted scalar whose range runs to `offset` (where yaml reports a missing closing quote). */
function openQuoteBefore(doc: Document, offset: number): number | undefined {
  let found: number | undefined;
  const visit = (n: unknown) => {
    if (isScalar(n) && (n.type === "QUOTE_DOUBLE" || n.type === "QUOTE_SINGLE") && n.range && n.range[0] < offset && n.range[2] >= offset) found = n.range[0];
    else if (isMap(n)) n.items.forEach((p) => (visit(p.key), visit(p.value)));
    else if (isSeq(n)) n.items.forEach(visit);
  };
  visit(doc.contents);
  return found;
}

function yamlMessage(code: string, message: string, text: string, offset: number): string {
  switch (code) {
    case "TAB_AS_INDENT":
      return "Tabs are not allowed for indentation in YAML — indent with spaces";
    case "BAD_INDENT": {
      const flow = /end with an? ([}\]])/.exec(message);
      if (flow) return `Unclosed '${flow[1] === "}" ? "{" : "["}' — close it with '${flow[1]}' or indent the lines that continue it`;
      return `Bad indentation — ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
    }
    case "DUPLICATE_KEY": {
      const key = /^\s*("[^"]*"|'[^']*'|[^:#\n]*?)\s*:/.exec(text.slice(offset))?.[1];
      return key ? `Duplicate key '${key.replace(/^["']|["']$/g, "")}' — each key may appear only once in a mapping` : "Duplicate key — each key may appear only once in a mapping";
    }
    case "MULTIPLE_DOCS":
      return "The text holds several YAML documents (separated by '---') — paste only one";
    case "MISSING_CHAR":
      return /quote/.test(message) ? `Unterminated string — add the closing ${/'/.test(message) ? `"'"` : `'"'`}` : message;
    case "BLOCK_AS_IMPLICIT_KEY":
      if (/compact mappings/.test(message)) return "Bad indentation — a line below this value is indented further, as if the value had keys of its own";
      return "Bad indentation — a '- ' list item cannot stand where a key is expected";
    case "MULTILINE_IMPLICIT_KEY":
      return "A key must fit on one line — check for a missing ':' or a stray indentation";
    default:
      return message;
  }
}

type Parsed = { format: "json" | "yaml"; root: JsonNode };

function parseText(text: string, jsonOnly: boolean, what: string): Parsed {
  const first = /\S/.exec(text.replace(/^\uFEFF/, " "));
  if (!first) fail(0, `The ${what} is empty`);
  if (first[0] === "{" || first[0] === "[" || jsonOnly) {
    const parsed = parseJsonWithPositions(text);
    if (!parsed.ok) fail(parsed.error.offset, parsed.error.message);
    return { format: "json", root: parsed.root };
  }
  // Offsets, not yaml's LineCounter, so YAML and JSON positions come from the same lineIndex.
  const doc = parseDocument(text, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    let offset = error.pos[0];
    if (error.code === "MISSING_CHAR" && /quote/.test(error.message)) offset = openQuoteBefore(doc, offset) ?? offset;
    // yaml may report the start of an indented line; point at what is written there.
    else while (text[offset] === " ") offset++;
    fail(offset, yamlMessage(error.code, error.message, text, offset));
  }
  if (doc.contents === null) fail(first.index, `The ${what} is empty`);
  return { format: "yaml", root: fromYaml(doc.contents as YamlNode, doc, first.index) };
}

function noDuplicates(node: JsonObjectNode) {
  const dup = duplicateEntries(node)[0];
  if (dup) fail(dup.keyStart, `Duplicate key '${dup.key}' — each key may appear only once in an object`);
}

function openApi(doc: JsonNode, text: string, warnings: string[]): OpenApiSummary {
  if (doc.kind !== "object") fail(doc.start, "An OpenAPI document must be an object with openapi, info and paths");
  noDuplicates(doc);

  const version = getEntry(doc, "openapi");
  const swagger = getEntry(doc, "swagger");
  if (!version) {
    if (swagger) fail(swagger.value.start, "Swagger 2.0 documents are not supported — AgentCore Gateway accepts OpenAPI 3.0 and 3.1; convert the document to OpenAPI 3");
    fail(doc.start, "Missing 'openapi' — the document must declare its OpenAPI version, e.g. openapi: 3.0.3");
  }
  const v = version.value;
  if (v.kind !== "string") fail(v.start, `'openapi' must be a string such as "3.0.3" — put the version in quotes`);
  const openapi = v.value;
  if (!OPENAPI_VERSION.test(openapi)) {
    fail(v.start, `OpenAPI version '${openapi}' is not supported — AgentCore Gateway accepts OpenAPI 3.0.x and 3.1.x (e.g. "3.0.3" or "3.1.0")`);
  }

  const info = getEntry(doc, "info");
  if (!info) fail(doc.start, "Missing 'info' — the document needs an info object with title and version");
  if (info.value.kind !== "object") fail(info.value.start, "'info' must be an object with title and version");
  const infoNode = info.value;
  noDuplicates(infoNode);
  const title = getEntry(infoNode, "title");
  if (!title) fail(infoNode.start, "Missing 'info.title' — give the API a title");
  if (title.value.kind !== "string") fail(title.value.start, "'info.title' must be a string");
  const apiVersion = getEntry(infoNode, "version");
  if (!apiVersion) fail(infoNode.start, "Missing 'info.version' — give the API a version, e.g. version: \"1.0.0\"");
  const av = apiVersion.value;
  if (av.kind !== "string" && av.kind !== "number") fail(av.start, "'info.version' must be a string such as \"1.0.0\"");

  const paths = getEntry(doc, "paths");
  if (!paths) fail(doc.start, "Missing 'paths' — AgentCore Gateway makes one tool per operation, so the document needs paths with at least one operation");
  if (paths.value.kind !== "object") fail(paths.value.start, "'paths' must be an object that maps each path to its operations");
  const pathsNode = paths.value;
  noDuplicates(pathsNode);

  const operations: OpenApiOperation[] = [];
  const operationIds = new Map<string, string>();
  for (const p of pathsNode.entries) {
    if (p.key.startsWith("x-")) continue;
    if (!p.key.startsWith("/")) fail(p.keyStart, `Path '${p.key}' must start with '/'`);
    if (p.value.kind === "null") continue;
    if (p.value.kind !== "object") fail(p.value.start, `The path item '${p.key}' must be an object of operations (get, post, ...)`);
    const item = p.value;
    noDuplicates(item);
    for (const e of item.entries) {
      const method = e.key.toLowerCase();
      if (!(OPENAPI_METHODS as readonly string[]).includes(e.key)) {
        if ((OPENAPI_METHODS as readonly string[]).includes(method)) fail(e.keyStart, `HTTP methods are lower case in OpenAPI: write '${method}', not '${e.key}'`);
        continue;
      }
      const label = `${method.toUpperCase()} ${p.key}`;
      if (e.value.kind !== "object") fail(e.value.start, `The operation ${label} must be an object`);
      const op = e.value;
      noDuplicates(op);
      const row: OpenApiOperation = { method: method.toUpperCase(), path: p.key };
      const id = getEntry(op, "operationId");
      if (id) {
        if (id.value.kind !== "string" || !id.value.value) fail(id.value.start, `'operationId' of ${label} must be a non-empty string`);
        const value = id.value.value;
        const other = operationIds.get(value);
        if (other) fail(id.value.start, `Duplicate operationId '${value}' — ${other} uses it too, and AgentCore Gateway names each tool after its operationId`);
        operationIds.set(value, label);
        row.operationId = value;
      } else {
        warnings.push(`${label} has no operationId — AgentCore Gateway names each tool after its operationId`);
      }
      const summary = getEntry(op, "summary");
      if (summary?.value.kind === "string") row.summary = summary.value.value;
      operations.push(row);
    }
  }
  if (!operations.length) {
    fail(pathsNode.start, "'paths' defines no operations — AgentCore Gateway makes one tool per operation, so add at least one (get, post, ...)");
  }

  return {
    openapi,
    title: title.value.value,
    // A YAML number such as `version: 1.0` keeps its written form.
    version: av.kind === "string" ? av.value : text.slice(av.start, av.end).trim() || String(av.value),
    operations,
  };
}

const SMITHY_VERSION = /^[12](\.0)?$/;

function smithy(doc: JsonNode, warnings: string[]): SmithySummary {
  if (doc.kind !== "object") fail(doc.start, `A Smithy model must be a JSON AST object: { "smithy": "2.0", "shapes": { ... } }`);
  noDuplicates(doc);

  const version = getEntry(doc, "smithy");
  if (!version) fail(doc.start, `Missing 'smithy' — the JSON AST must declare its version, e.g. "smithy": "2.0"`);
  const v = version.value;
  if (v.kind !== "string") fail(v.start, `'smithy' must be a string such as "2.0"`);
  const smithyVersion = v.value;
  if (!SMITHY_VERSION.test(smithyVersion)) fail(v.start, `Smithy version '${smithyVersion}' is not supported — use "1.0" or "2.0"`);

  const shapes = getEntry(doc, "shapes");
  if (!shapes) fail(doc.start, "Missing 'shapes' — the JSON AST must define its shapes, including at least one service or operation");
  if (shapes.value.kind !== "object") fail(shapes.value.start, "'shapes' must be an object that maps each shape ID to its definition");
  const shapesNode = shapes.value;
  noDuplicates(shapesNode);

  const services: string[] = [];
  const operations: string[] = [];
  for (const s of shapesNode.entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*#[A-Za-z_][A-Za-z0-9_]*$/.test(s.key)) {
      fail(s.keyStart, `Shape ID '${s.key}' is not valid — JSON AST shape IDs are absolute: namespace#Name`);
    }
    if (s.value.kind !== "object") fail(s.value.start, `The shape '${s.key}' must be an object with a 'type'`);
    const type = getEntry(s.value, "type");
    if (!type) fail(s.value.start, `Missing 'type' in the shape '${s.key}'`);
    if (type.value.kind !== "string") fail(type.value.start, `'type' of the shape '${s.key}' must be a string such as "service" or "operation"`);
    const t = type.value.value;
    if (t === "service") services.push(s.key);
    if (t === "operation") operations.push(s.key);
  }
  if (!services.length && !operations.length) fail(shapesNode.start, "The model defines no service or operation shape — AgentCore Gateway makes its tools from operations");
  if (!services.length) warnings.push("The model has no service shape — AgentCore Gateway expects the operations to be bound to a service");

  return { smithy: smithyVersion, services, operations };
}

/**
 * Parses an inline API document for an OpenAPI or Smithy target. OpenAPI accepts JSON or YAML; Smithy only the
 * JSON AST. On failure, the first problem with its 1-based line and column.
 */
export function parseApiDocument(text: string, kind: "openapi"): ApiDocumentResult<OpenApiSummary>;
export function parseApiDocument(text: string, kind: "smithy"): ApiDocumentResult<SmithySummary>;
export function parseApiDocument(text: string, kind: ApiDocumentKind): ApiDocumentResult<OpenApiSummary | SmithySummary>;
export function parseApiDocument(text: string, kind: ApiDocumentKind): ApiDocumentResult<OpenApiSummary | SmithySummary> {
  try {
    const warnings: string[] = [];
    if (kind === "smithy") {
      const first = /\S/.exec(text.replace(/^\uFEFF/, " "));
      if (first && first[0] !== "{" && /^(\$version|namespace|metadata|use|service|operation|structure)\b/m.test(text.slice(first.index))) {
        fail(first.index, "Only Smithy JSON AST models are supported, not the Smithy IDL — convert the model to its JSON AST (for example with `smithy ast`)");
      }
      const { format, root } = parseText(text, true, "Smithy model");
      return { ok: true, format, summary: smithy(root, warnings), warnings };
    }
    const { format, root } = parseText(text, false, "OpenAPI document");
    return { ok: true, format, summary: openApi(root, text, warnings), warnings };
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    return { ok: false, ...lineIndex(text)(e.offset), message: e.message };
  }
}
