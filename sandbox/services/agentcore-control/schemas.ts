// Checks of inline target payloads (OpenAPI, Smithy JSON AST, MCP tool schema): why a payload would make the target FAILED.

/** Line and column (1-based) of a character offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/** JSON.parse with an error that names the line and column (V8's messages differ by version and often lack a position). */
export function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const found = jsonSyntaxError(text);
    if (!found) return { ok: false, error: (e as Error).message };
    const { line, column } = position(text, found.offset);
    return { ok: false, error: `${found.message} at line ${line}, column ${column}` };
  }
}

/** Finds the first JSON syntax error: where, and what was expected. */
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  const found = () => (i >= text.length ? "the end of the input" : `'${text[i]}'`);
  const fail = (message: string): never => {
    throw { offset: i, message };
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail("Unterminated string");
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c < " ") fail("Bad control character in string");
      if (c === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("Bad Unicode escape in string");
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail("Bad escaped character in string");
      }
      i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === undefined) fail("Unexpected end of input, expected a value");
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === "{") {
          ws();
          if (text[i] !== '"') fail(`Expected a property name in double quotes but found ${found()}`);
          string();
          ws();
          if (text[i] !== ":") fail(`Expected ':' after a property name but found ${found()}`);
          i++;
        }
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        fail(`Expected ',' or '${close}' but found ${found()}`);
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return;
    }
    fail(`Unexpected ${found()}, expected a value`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`Unexpected ${found()} after the JSON value`);
  } catch (e) {
    // A RangeError (absurd nesting) is no syntax error we can place.
    return e instanceof Error ? undefined : (e as { offset: number; message: string });
  }
  return undefined;
}

const looksLikeJson = (text: string) => /^\s*[[{]/.test(text);

const TOP_LEVEL_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'{}[\],&*!|>%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?:\s|$)/;

/** A `key: |` / `- >-` line: the more indented lines after it are raw text. */
const BLOCK_SCALAR = /(^|:\s+|^-\s+)[|>][-+0-9]*\s*(#.*)?$/;

interface YamlOutline {
  /** Top-level keys and the rest of their line (comments stripped). */
  keys: Map<string, string>;
  error?: string;
}

/**
 * A minimal structural check of a YAML document whose root must be a mapping (the sandbox carries no
 * YAML parser): no tabs in indentation, every unindented line is a `key:` entry, no duplicate
 * top-level key, nothing indented before the first key. Enough to tell an OpenAPI document from noise.
 */
export function yamlOutline(text: string): YamlOutline {
  const keys = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  let seenKey = false;
  let blockScalarIndent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const n = i + 1;
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    if (blockScalarIndent !== undefined) {
      if (indent > blockScalarIndent) continue;
      blockScalarIndent = undefined;
    }
    if (/^\s*#/.test(line)) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      if (line.startsWith("---") && seenKey && line.trim() === "---") return { keys, error: `a stream of several YAML documents is not supported (line ${n})` };
      continue;
    }
    if (/^%/.test(line) && !seenKey) continue;
    const lead = /^[ \t]*/.exec(line)![0];
    if (lead.includes("\t")) return { keys, error: `tab characters cannot be used for indentation at line ${n}, column ${lead.indexOf("\t") + 1}` };
    if (indent === 0) {
      const m = TOP_LEVEL_KEY.exec(line);
      if (!m) return { keys, error: `expected a 'key: value' mapping entry at line ${n}, column 1` };
      let key = m[1].trim();
      if (key.startsWith('"')) key = JSON.parse(key) as string;
      else if (key.startsWith("'")) key = key.slice(1, -1).replace(/''/g, "'");
      if (keys.has(key)) return { keys, error: `duplicate key '${key}' at line ${n}, column 1` };
      const value = line.slice(m[0].length).replace(/\s+#.*$/, "").trim();
      keys.set(key, value);
      seenKey = true;
      if (BLOCK_SCALAR.test(value)) blockScalarIndent = 0;
    } else {
      if (!seenKey) return { keys, error: `unexpected indentation at line ${n}, column ${indent + 1}: the document must be a mapping` };
      if (BLOCK_SCALAR.test(line.trimStart())) blockScalarIndent = indent;
    }
  }
  if (!seenKey) return { keys, error: "the document is empty" };
  return { keys };
}

function unquote(v: string): string {
  const t = v.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
}

const OPENAPI_VERSION = /^3\.[01]\.\d+$/;

function checkOpenApiObject(doc: Record<string, unknown>): string[] {
  const reasons: string[] = [];
  const version = doc.openapi;
  if (version === undefined) {
    reasons.push(doc.swagger !== undefined ? "Unsupported OpenAPI version: Swagger 2.0 documents are not supported; use OpenAPI 3.0 or 3.1" : "Invalid OpenAPI schema: missing required field 'openapi'");
  } else if (typeof version !== "string" || !OPENAPI_VERSION.test(version)) {
    reasons.push(`Unsupported OpenAPI version '${String(version)}': only OpenAPI 3.0.x and 3.1.x are supported`);
  }
  if (doc.info === undefined || doc.info === null || typeof doc.info !== "object") reasons.push("Invalid OpenAPI schema: missing required field 'info'");
  if (doc.paths === undefined || doc.paths === null || typeof doc.paths !== "object" || Array.isArray(doc.paths)) {
    reasons.push("Invalid OpenAPI schema: missing required field 'paths'");
  }
  return reasons;
}

/** Why an inline OpenAPI document (JSON or YAML) is unusable; empty when it is fine. */
export function openApiProblems(text: string): string[] {
  if (!text.trim()) return ["Failed to parse the OpenAPI schema: the document is empty"];
  if (looksLikeJson(text)) {
    const parsed = parseJson(text);
    if (!parsed.ok) return [`Failed to parse the OpenAPI schema as JSON: ${parsed.error}`];
    if (!parsed.value || typeof parsed.value !== "object" || Array.isArray(parsed.value)) return ["Invalid OpenAPI schema: the document must be a JSON object"];
    return checkOpenApiObject(parsed.value as Record<string, unknown>);
  }
  const outline = yamlOutline(text);
  if (outline.error) return [`Failed to parse the OpenAPI schema as YAML: ${outline.error}`];
  const doc: Record<string, unknown> = {};
  for (const [k, v] of outline.keys) doc[k] = k === "openapi" || k === "swagger" ? unquote(v) || undefined : v === "" || v.startsWith("{") ? {} : v;
  return checkOpenApiObject(doc);
}

/** Why an inline Smithy model (JSON AST) is unusable; empty when it is fine. */
export function smithyProblems(text: string): string[] {
  if (!text.trim()) return ["Failed to parse the Smithy model: the document is empty"];
  if (!looksLikeJson(text)) return ["Failed to parse the Smithy model: only the Smithy JSON AST format is supported (not the IDL)"];
  const parsed = parseJson(text);
  if (!parsed.ok) return [`Failed to parse the Smithy model as JSON: ${parsed.error}`];
  const doc = parsed.value as { smithy?: unknown; shapes?: unknown };
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return ["Invalid Smithy model: the JSON AST must be an object"];
  const reasons: string[] = [];
  if (typeof doc.smithy !== "string") reasons.push("Invalid Smithy model: missing required field 'smithy' (the IDL version)");
  if (!doc.shapes || typeof doc.shapes !== "object" || Array.isArray(doc.shapes)) {
    reasons.push("Invalid Smithy model: missing required field 'shapes'");
  } else if (!Object.values(doc.shapes as Record<string, { type?: unknown }>).some((s) => s && s.type === "service")) {
    reasons.push("Invalid Smithy model: no shape of type 'service' found");
  }
  return reasons;
}

/** Why an inline MCP tool schema (JSON, MCP tools/list shape) is unusable; empty when it is fine. */
export function mcpToolSchemaProblems(text: string): string[] {
  const parsed = parseJson(text);
  if (!parsed.ok) return [`Failed to parse the MCP tool schema as JSON: ${parsed.error}`];
  const doc = parsed.value;
  const tools = Array.isArray(doc) ? doc : doc && typeof doc === "object" ? (doc as { tools?: unknown }).tools : undefined;
  if (!Array.isArray(tools)) return ["Invalid MCP tool schema: expected an object with a 'tools' array (or an array of tools)"];
  const reasons: string[] = [];
  tools.forEach((t, i) => {
    const tool = t as { name?: unknown; inputSchema?: unknown };
    if (!tool || typeof tool !== "object") reasons.push(`Invalid MCP tool schema: tools[${i}] must be an object`);
    else {
      if (typeof tool.name !== "string" || !tool.name) reasons.push(`Invalid MCP tool schema: tools[${i}].name is required`);
      if (!tool.inputSchema || typeof tool.inputSchema !== "object") reasons.push(`Invalid MCP tool schema: tools[${i}].inputSchema is required`);
    }
  });
  return reasons;
}
