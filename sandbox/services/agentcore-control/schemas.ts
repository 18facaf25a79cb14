// Checks of inline target payloads (OpenAPI, Smithy JSON AST, MCP tool schema): why a payload would make the target FAILED.
// The documents are judged by the console's own parsers, so the sandbox and the target form agree on what is valid.
import { parseDocument } from "yaml";
import { parseApiDocument, type ApiDocumentKind } from "../../../lib/schemas/api-document";
import { getEntry, lineIndex, parseJsonWithPositions, type JsonNode } from "../../../lib/schemas/json-positions";

const at = (p: { line: number; column: number }) => `at line ${p.line}, column ${p.column}`;

const WHAT: Record<ApiDocumentKind, { failed: string; invalid: string }> = {
  openapi: { failed: "Failed to parse the OpenAPI schema", invalid: "Invalid OpenAPI schema" },
  smithy: { failed: "Failed to parse the Smithy model", invalid: "Invalid Smithy model" },
};

/** Whether the text gets past the JSON or YAML parser at all (then a failure is about the document's content). */
function syntax(text: string, kind: ApiDocumentKind): { format: "JSON" | "YAML" | undefined; parses: boolean } {
  const first = /\S/.exec(text.replace(/^\uFEFF/, " "))?.[0];
  if (first === "{" || first === "[") return { format: "JSON", parses: parseJsonWithPositions(text).ok };
  // Smithy: only the JSON AST (parseApiDocument names the IDL when it sees it).
  if (kind === "smithy") return { format: undefined, parses: false };
  return { format: "YAML", parses: parseDocument(text, { prettyErrors: false }).errors.length === 0 };
}

function documentProblems(text: string, kind: ApiDocumentKind): string[] {
  const what = WHAT[kind];
  if (!text.trim()) return [`${what.failed}: the document is empty`];
  const result = parseApiDocument(text, kind);
  if (result.ok) return [];
  const { format, parses } = syntax(text, kind);
  const prefix = parses ? what.invalid : format ? `${what.failed} as ${format}` : what.failed;
  return [`${prefix}: ${result.message} ${at(result)}`];
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

/** Why an inline MCP tool schema (JSON, MCP tools/list shape) is unusable; empty when it is fine. */
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
    if (tool.kind !== "object") return reasons.push(`Invalid MCP tool schema: tools[${i}] must be an object ${at(where(tool.start))}`);
    const name = member(tool, "name");
    if (name?.kind !== "string" || !name.value) reasons.push(`Invalid MCP tool schema: tools[${i}].name is required ${at(where((name ?? tool).start))}`);
    const input = member(tool, "inputSchema");
    if (input?.kind !== "object") reasons.push(`Invalid MCP tool schema: tools[${i}].inputSchema is required ${at(where((input ?? tool).start))}`);
  });
  return reasons;
}
