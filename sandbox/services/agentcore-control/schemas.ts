// Checks of inline target payloads (OpenAPI, Smithy JSON AST, MCP tool schema): why a payload would make the target FAILED.
// Documents are judged by the parsers the console uses too (formats/), so the sandbox and the target form agree on what is valid.
import { isAlias, parseDocument, visit } from "yaml";
import { parseApiDocument, type ApiDocumentKind } from "../../../formats/api-document";
import { getEntry, lineIndex, parseJsonWithPositions, positionAt, type JsonNode, type TextPosition } from "../../../formats/json-positions";

const at = (p: TextPosition) => `at line ${p.line}, column ${p.column}`;

const WHAT: Record<ApiDocumentKind, { failed: string; invalid: string }> = {
  openapi: { failed: "Failed to parse the OpenAPI schema", invalid: "Invalid OpenAPI schema" },
  smithy: { failed: "Failed to parse the Smithy model", invalid: "Invalid Smithy model" },
};

type Syntax = { format: "JSON" | "YAML"; parses: boolean; aliasBomb?: TextPosition };

/** Whether the text gets past the JSON or YAML parser at all (if so, a failure is about the document's content). */
function syntax(text: string, kind: ApiDocumentKind): Syntax {
  const first = /\S/.exec(text.replace(/^\uFEFF/, " "))?.[0];
  // Smithy models are JSON AST only (parseApiDocument names the IDL when it sees it).
  if (kind === "smithy" || first === "{" || first === "[") return { format: "JSON", parses: parseJsonWithPositions(text).ok };
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) return { format: "YAML", parses: false };
  try {
    // Unknown aliases, and aliases that expand exponentially, only show when the tree is resolved.
    doc.toJS();
    return { format: "YAML", parses: true };
  } catch (e) {
    if (!/Excessive alias count/.test((e as Error).message)) return { format: "YAML", parses: false };
    let offset = 0;
    visit(doc, (_key, node) => (isAlias(node) ? ((offset = node.range?.[0] ?? 0), visit.BREAK) : undefined));
    return { format: "YAML", parses: false, aliasBomb: positionAt(text, offset) };
  }
}

function documentProblems(text: string, kind: ApiDocumentKind): string[] {
  const what = WHAT[kind];
  if (!text.trim()) return [`${what.failed}: the document is empty`];
  const s = syntax(text, kind);
  const failed = `${what.failed} as ${s.format}`;
  // Checked before parseApiDocument, which expands every alias (exponential for an "alias bomb").
  if (s.aliasBomb) return [`${failed}: Too many aliases — the anchors and aliases expand to an excessive number of nodes ${at(s.aliasBomb)}`];
  const result = parseApiDocument(text, kind);
  if (result.ok) return [];
  return [`${s.parses ? what.invalid : failed}: ${result.message} ${at(result)}`];
}

/** Why an inline OpenAPI document (JSON or YAML) is unusable; empty when it is fine. At most one reason, placed. */
export function openApiProblems(text: string): string[] {
  return documentProblems(text, "openapi");
}

/** Why an inline Smithy model (JSON AST) is unusable; empty when it is fine. At most one reason, placed. */
export function smithyProblems(text: string): string[] {
  return documentProblems(text, "smithy");
}

const member = (node: JsonNode, key: string) => (node.kind === "object" ? getEntry(node, key)?.value : undefined);

/** Why an inline MCP tool schema (JSON, MCP tools/list shape) is unusable; empty when it is fine. Every reason is placed. */
export function mcpToolSchemaProblems(text: string): string[] {
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) return [`Failed to parse the MCP tool schema as JSON: ${parsed.error.message} ${at(parsed.error)}`];
  const where = lineIndex(text);
  const root = parsed.root;
  const tools = root.kind === "array" ? root : member(root, "tools");
  if (tools?.kind !== "array") {
    return [`Invalid MCP tool schema: expected an object with a 'tools' array (or an array of tools) ${at(where((tools ?? root).start))}`];
  }
  const reasons: string[] = [];
  tools.items.forEach((tool, i) => {
    if (tool.kind !== "object") {
      reasons.push(`Invalid MCP tool schema: tools[${i}] must be an object ${at(where(tool.start))}`);
      return;
    }
    const name = member(tool, "name");
    if (name?.kind !== "string" || !name.value) reasons.push(`Invalid MCP tool schema: tools[${i}].name is required ${at(where((name ?? tool).start))}`);
    const input = member(tool, "inputSchema");
    if (input?.kind !== "object") reasons.push(`Invalid MCP tool schema: tools[${i}].inputSchema is required ${at(where((input ?? tool).start))}`);
  });
  return reasons;
}
