// Validates a Lambda target's inline tool schema (JSON array of ToolDefinition) and places every problem in the text.
import { duplicateEntries, getEntry, lineIndex, parseJsonWithPositions, type JsonNode, type JsonObjectNode } from "@/formats/json-positions";

/** SchemaType in the AgentCore Control model (bedrock-agentcore-control 2023-06-05); the wire values are lowercase. */
export const SCHEMA_TYPES = ["string", "number", "object", "array", "boolean", "integer"] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

/** Mirrors the SDK's SchemaDefinition (ToolSchema.inlinePayload of CreateGatewayTarget). */
export interface SchemaDefinition {
  type: SchemaType;
  properties?: Record<string, SchemaDefinition>;
  required?: string[];
  items?: SchemaDefinition;
  description?: string;
}

/** Mirrors the SDK's ToolDefinition. */
export interface ToolDefinition {
  name: string;
  description: string;
  inputSchema: SchemaDefinition;
  outputSchema?: SchemaDefinition;
}

export interface ToolSchemaProblem {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** Where in the array, e.g. `[0].inputSchema.properties.orderId.type`; "" for the whole document. */
  path: string;
  message: string;
}

export type ToolSchemaResult = { ok: true; tools: ToolDefinition[] } | { ok: false; problems: ToolSchemaProblem[] };

export const TOOL_KEYS = ["name", "description", "inputSchema", "outputSchema"] as const;
export const SCHEMA_KEYS = ["type", "properties", "required", "items", "description"] as const;

/*
 * Tool names: the AgentCore Control model sets no constraint on ToolDefinition.name (a plain smithy.api#String),
 * so we apply the MCP rule (specification 2025-11-25, server/tools, "Tool names"): 1 to 128 characters, only
 * ASCII letters, digits, '_', '-' and '.'. Gateway then shows the tool as `${targetName}___${toolName}`
 * (AgentCore developer guide, "Understand how AgentCore Gateway tools are named").
 */
export const TOOL_NAME_MAX = 128;
export const TOOL_NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

const TYPE_LIST = "string, number, integer, boolean, object or array";

const isIdentifier = (key: string) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key);
const child = (path: string, key: string) => (isIdentifier(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`);
const quote = (s: string) => `'${s.length > 60 ? `${s.slice(0, 57)}...` : s}'`;

function suggestion(key: string, known: readonly string[]): string {
  const norm = (s: string) => s.toLowerCase().replace(/[_-]/g, "");
  const match = known.find((k) => norm(k) === norm(key));
  return match ? ` (did you mean '${match}'?)` : "";
}

interface Found {
  offset: number;
  path: string;
  message: string;
}

class Checker {
  readonly found: Found[] = [];

  add(offset: number, path: string, message: string) {
    this.found.push({ offset, path, message });
  }

  /** Duplicate keys (JSON keeps the last) and keys outside `known`. */
  keys(node: JsonObjectNode, path: string, known: readonly string[], what: string) {
    for (const dup of duplicateEntries(node)) {
      this.add(dup.keyStart, child(path, dup.key), `Duplicate key ${quote(dup.key)}: JSON keeps only the last one`);
    }
    const list = `${known.slice(0, -1).join(", ")} and ${known[known.length - 1]}`;
    for (const e of node.entries) {
      if (!known.includes(e.key)) this.add(e.keyStart, child(path, e.key), `Unknown key ${quote(e.key)}: ${what} has ${list}${suggestion(e.key, known)}`);
    }
  }

  tool(node: JsonNode, path: string, names: Map<string, string>) {
    if (node.kind !== "object") {
      this.add(node.start, path, "A tool definition must be a JSON object with name, description and inputSchema");
      return;
    }
    this.keys(node, path, TOOL_KEYS, "a tool definition");

    const name = getEntry(node, "name");
    if (!name) this.add(node.start, child(path, "name"), "Missing 'name': every tool needs a name");
    else if (name.value.kind !== "string") this.add(name.value.start, child(path, "name"), "'name' must be a string");
    else {
      const n = name.value.value;
      const at = name.value.start;
      if (!n) this.add(at, child(path, "name"), "'name' must not be empty");
      else if (n.length > TOOL_NAME_MAX) this.add(at, child(path, "name"), `The tool name is ${n.length} characters long: the maximum is ${TOOL_NAME_MAX}`);
      else if (!TOOL_NAME_PATTERN.test(n)) {
        this.add(at, child(path, "name"), `Tool name ${quote(n)} is not valid: use only letters, digits, '_', '-' and '.' (no spaces)`);
      }
      if (n) {
        const first = names.get(n);
        if (first !== undefined) this.add(at, child(path, "name"), `Duplicate tool name ${quote(n)}: tool names must be unique within a target (also used by ${first})`);
        else names.set(n, path);
      }
    }

    const description = getEntry(node, "description");
    if (!description) this.add(node.start, child(path, "description"), "Missing 'description': every tool needs a description, which agents read to choose it");
    else if (description.value.kind !== "string") this.add(description.value.start, child(path, "description"), "'description' must be a string");

    const input = getEntry(node, "inputSchema");
    if (!input) {
      this.add(node.start, child(path, "inputSchema"), `Missing 'inputSchema': every tool needs one (use {"type": "object"} for a tool without inputs)`);
    } else this.schema(input.value, child(path, "inputSchema"), "input");

    const output = getEntry(node, "outputSchema");
    if (output) this.schema(output.value, child(path, "outputSchema"), "output");
  }

  schema(node: JsonNode, path: string, top?: "input" | "output") {
    if (node.kind !== "object") {
      const hint =
        node.kind === "string" && (SCHEMA_TYPES as readonly string[]).includes(node.value) ? ` (write {"type": "${node.value}"})` : "";
      this.add(node.start, path, `A schema definition must be an object with a 'type'${hint}`);
      return;
    }
    this.keys(node, path, SCHEMA_KEYS, "a schema definition");

    let type: SchemaType | undefined;
    const typeEntry = getEntry(node, "type");
    const typePath = child(path, "type");
    if (!typeEntry) this.add(node.start, typePath, `Missing 'type': a schema definition needs a type (${TYPE_LIST})`);
    else {
      const v = typeEntry.value;
      if (v.kind === "array") this.add(v.start, typePath, `'type' must be one type name, not a list: AgentCore schemas have no union types`);
      else if (v.kind !== "string") this.add(v.start, typePath, `'type' must be a string: ${TYPE_LIST}`);
      else if ((SCHEMA_TYPES as readonly string[]).includes(v.value)) type = v.value as SchemaType;
      else if ((SCHEMA_TYPES as readonly string[]).includes(v.value.toLowerCase())) {
        this.add(v.start, typePath, `Unknown type ${quote(v.value)}: type names are lowercase ('${v.value.toLowerCase()}')`);
      } else this.add(v.start, typePath, `Unknown type ${quote(v.value)}: use ${TYPE_LIST}`);
      if (top && type && type !== "object") {
        const what = top === "input" ? "The input schema must have type 'object': a tool's arguments are always a JSON object" : "The output schema must have type 'object'";
        this.add(v.start, typePath, what);
      }
    }

    const description = getEntry(node, "description");
    if (description && description.value.kind !== "string") this.add(description.value.start, child(path, "description"), "'description' must be a string");

    const properties = getEntry(node, "properties");
    const propertiesPath = child(path, "properties");
    let propertyNames: Set<string> | undefined = new Set();
    if (properties) {
      if (type && type !== "object") this.add(properties.keyStart, propertiesPath, "'properties' is only allowed when type is 'object'");
      const map = properties.value;
      if (map.kind !== "object") {
        this.add(map.start, propertiesPath, "'properties' must be an object that maps each property name to its schema");
        propertyNames = undefined;
      } else {
        for (const dup of duplicateEntries(map)) this.add(dup.keyStart, child(propertiesPath, dup.key), `Duplicate property ${quote(dup.key)}: JSON keeps only the last one`);
        for (const e of map.entries) {
          propertyNames.add(e.key);
          if (getEntry(map, e.key) === e) this.schema(e.value, child(propertiesPath, e.key));
        }
      }
    }

    const required = getEntry(node, "required");
    const requiredPath = child(path, "required");
    if (required) {
      if (type && type !== "object") this.add(required.keyStart, requiredPath, "'required' is only allowed when type is 'object'");
      const list = required.value;
      if (list.kind !== "array") this.add(list.start, requiredPath, "'required' must be an array of property names");
      else {
        const seen = new Set<string>();
        list.items.forEach((item, i) => {
          const itemPath = `${requiredPath}[${i}]`;
          if (item.kind !== "string") this.add(item.start, itemPath, "Each 'required' entry must be a property name in double quotes");
          else if (seen.has(item.value)) this.add(item.start, itemPath, `${quote(item.value)} is listed more than once in 'required'`);
          else {
            seen.add(item.value);
            if (propertyNames && !propertyNames.has(item.value)) this.add(item.start, itemPath, `Required property ${quote(item.value)} is not defined in 'properties'`);
          }
        });
      }
    }

    const items = getEntry(node, "items");
    if (items) {
      if (type && type !== "array") this.add(items.keyStart, child(path, "items"), "'items' is only allowed when type is 'array'");
      this.schema(items.value, child(path, "items"));
    } else if (type === "array") {
      this.add(node.start, child(path, "items"), `Missing 'items': an array schema must describe its items, e.g. "items": {"type": "string"}`);
    }
  }
}

/** Only called once the node passed validation. */
const text = (node: JsonNode | undefined) => (node as { value: string }).value;

function toSchema(node: JsonObjectNode): SchemaDefinition {
  const out: SchemaDefinition = { type: text(getEntry(node, "type")?.value) as SchemaType };
  const description = getEntry(node, "description");
  if (description) out.description = text(description.value);
  const properties = getEntry(node, "properties");
  if (properties?.value.kind === "object") {
    const map: Record<string, SchemaDefinition> = {};
    for (const e of properties.value.entries) {
      Object.defineProperty(map, e.key, { value: toSchema(e.value as JsonObjectNode), enumerable: true, writable: true, configurable: true });
    }
    out.properties = map;
  }
  const required = getEntry(node, "required");
  if (required?.value.kind === "array") out.required = required.value.items.map(text);
  const items = getEntry(node, "items");
  if (items) out.items = toSchema(items.value as JsonObjectNode);
  return out;
}

function toTool(node: JsonObjectNode): ToolDefinition {
  const tool: ToolDefinition = {
    name: text(getEntry(node, "name")?.value),
    description: text(getEntry(node, "description")?.value),
    inputSchema: toSchema(getEntry(node, "inputSchema")!.value as JsonObjectNode),
  };
  const output = getEntry(node, "outputSchema");
  if (output) tool.outputSchema = toSchema(output.value as JsonObjectNode);
  return tool;
}

/**
 * Checks the text of an inline tool schema: JSON syntax first (one problem, placed), then every rule of the
 * AgentCore ToolDefinition shape; all problems are reported, sorted by position.
 */
export function validateToolSchemaText(text: string): ToolSchemaResult {
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    const empty = !text.trim();
    return { ok: false, problems: [{ line, column, path: "", message: empty ? "The tool schema is empty: paste a JSON array of tool definitions" : message }] };
  }
  const root = parsed.root;
  const checker = new Checker();
  if (root.kind !== "array") checker.add(root.start, "", "The tool schema must be a JSON array of tool definitions");
  else if (!root.items.length) checker.add(root.start, "", "The tool schema must define at least one tool");
  else {
    const names = new Map<string, string>();
    root.items.forEach((item, i) => checker.tool(item, `[${i}]`, names));
  }
  if (checker.found.length) {
    const at = lineIndex(text);
    const problems = [...checker.found].sort((a, b) => a.offset - b.offset).map(({ offset, path, message }) => ({ ...at(offset), path, message }));
    return { ok: false, problems };
  }
  return { ok: true, tools: (root as Extract<JsonNode, { kind: "array" }>).items.map((n) => toTool(n as JsonObjectNode)) };
}

export interface ToolInputRow {
  name: string;
  /** "string", "object", "array of string", ... */
  type: string;
  required: boolean;
  description?: string;
}

export interface ToolRow {
  name: string;
  description: string;
  inputs: ToolInputRow[];
}

function typeLabel(schema: SchemaDefinition): string {
  return schema.type === "array" && schema.items ? `array of ${typeLabel(schema.items)}` : schema.type;
}

/** One row per tool with its top-level inputs, for a readable table. */
export function describeTools(tools: readonly ToolDefinition[]): ToolRow[] {
  return tools.map((tool) => {
    const required = new Set(tool.inputSchema.required ?? []);
    const inputs = Object.entries(tool.inputSchema.properties ?? {}).map(([name, schema]) => {
      const row: ToolInputRow = { name, type: typeLabel(schema), required: required.has(name) };
      if (schema.description !== undefined) row.description = schema.description;
      return row;
    });
    return { name: tool.name, description: tool.description, inputs };
  });
}
