// validateToolSchemaText and describeTools: every ToolDefinition rule, exact positions, and the model's shapes.
import { readFileSync } from "node:fs";
import type { ToolDefinition as SdkToolDefinition } from "@aws-sdk/client-bedrock-agentcore-control";
import { describe, expect, it } from "vitest";
import {
  describeTools,
  SCHEMA_KEYS,
  SCHEMA_TYPES,
  TOOL_KEYS,
  TOOL_NAME_MAX,
  validateToolSchemaText,
  type ToolDefinition,
  type ToolSchemaProblem,
} from "./tool-schema";

type Shape = { type: string; members?: Record<string, { target: string; traits?: Record<string, unknown> }> };
const model = JSON.parse(readFileSync(new URL("../../sandbox/models/bedrock-agentcore-control.json", import.meta.url), "utf8")) as {
  shapes: Record<string, Shape>;
};
const shape = (name: string) => model.shapes[`com.amazonaws.bedrockagentcorecontrol#${name}`];

function problems(text: string): ToolSchemaProblem[] {
  const r = validateToolSchemaText(text);
  if (r.ok) throw new Error("expected problems");
  return r.problems;
}

function tools(text: string): ToolDefinition[] {
  const r = validateToolSchemaText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 2));
  return r.tools;
}

/** A valid tool with `patch` merged in, as one-element array text. */
function one(patch: Record<string, unknown> = {}, drop: string[] = []): string {
  const tool: Record<string, unknown> = { name: "get_order", description: "Gets an order", inputSchema: { type: "object" }, ...patch };
  for (const k of drop) delete tool[k];
  return JSON.stringify([tool], null, 2);
}

/** Line and column of the n-th occurrence of `needle`. */
function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, i).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe("the model extract", () => {
  it("SCHEMA_TYPES are SchemaType's enum values", () => {
    const values = Object.values(shape("SchemaType").members!).map((m) => m.traits?.["smithy.api#enumValue"]);
    expect([...SCHEMA_TYPES].sort()).toEqual([...values].sort());
  });

  it("TOOL_KEYS and SCHEMA_KEYS are the members of ToolDefinition and SchemaDefinition", () => {
    expect([...TOOL_KEYS].sort()).toEqual(Object.keys(shape("ToolDefinition").members!).sort());
    expect([...SCHEMA_KEYS].sort()).toEqual(Object.keys(shape("SchemaDefinition").members!).sort());
  });

  it("the required members are the ones the validator requires", () => {
    const required = (s: Shape) => Object.entries(s.members!).filter(([, m]) => m.traits && "smithy.api#required" in m.traits).map(([k]) => k);
    expect(required(shape("ToolDefinition")).sort()).toEqual(["description", "inputSchema", "name"]);
    expect(required(shape("SchemaDefinition"))).toEqual(["type"]);
    // No pattern or length on the tool name: the MCP rule applies (see TOOL_NAME_PATTERN).
    expect(shape("ToolDefinition").members!.name.target).toBe("smithy.api#String");
  });

  it("a validated tool is assignable to the SDK's ToolDefinition", () => {
    const [tool] = tools(one());
    const sdk: SdkToolDefinition = tool;
    expect(sdk.name).toBe("get_order");
  });
});

describe("validateToolSchemaText: valid schemas", () => {
  it("accepts the developer guide's shape and returns the tools", () => {
    const text = `[
  {
    "name": "get_order_tool",
    "description": "Get an order",
    "inputSchema": {
      "type": "object",
      "properties": {
        "orderId": { "type": "string", "description": "The order" },
        "lines": { "type": "array", "items": { "type": "object", "properties": { "sku": { "type": "string" }, "qty": { "type": "integer" } }, "required": ["sku"] } },
        "rush": { "type": "boolean" },
        "price": { "type": "number" }
      },
      "required": ["orderId"]
    },
    "outputSchema": { "type": "object", "properties": { "status": { "type": "string" } } }
  },
  { "name": "ping", "description": "", "inputSchema": { "type": "object" } }
]`;
    expect(tools(text)).toEqual(JSON.parse(text));
  });

  it("accepts names with letters, digits, '_', '-' and '.' up to 128 characters", () => {
    for (const name of ["a", "getUser", "DATA_EXPORT_v2", "admin.tools.list", "user-profile", "x".repeat(TOOL_NAME_MAX)]) {
      expect(tools(one({ name }))[0].name).toBe(name);
    }
  });

  it("returns only the modelled keys, in a fresh object", () => {
    const [tool] = tools(one({ inputSchema: { type: "object", description: "Args", properties: {}, required: [] } }));
    expect(tool).toEqual({ name: "get_order", description: "Gets an order", inputSchema: { type: "object", description: "Args", properties: {}, required: [] } });
  });
});

describe("validateToolSchemaText: JSON syntax", () => {
  it("reports one placed syntax error with an empty path", () => {
    const text = '[\n  {\n    "name": "a",\n  },\n]';
    expect(problems(text)).toEqual([{ line: 3, column: 16, path: "", message: "Unexpected ',' — a trailing comma is not allowed in JSON" }]);
  });

  it("places a missing quote and an unclosed bracket", () => {
    expect(problems('[{"name": "a, "description": "b"}]')).toEqual([
      { line: 1, column: 16, path: "", message: `Unexpected 'description' — the string before it is probably missing its closing '"'` },
    ]);
    expect(problems('[\n  {"name": "a"}\n')).toEqual([{ line: 1, column: 1, path: "", message: "Unclosed '[' — the text ends before its matching ']'" }]);
  });

  it("says so when the text is empty", () => {
    expect(problems("  \n")).toEqual([{ line: 1, column: 1, path: "", message: "The tool schema is empty: paste a JSON array of tool definitions" }]);
  });
});

describe("validateToolSchemaText: the document", () => {
  it.each(['{"name": "a", "description": "b", "inputSchema": {"type": "object"}}', '"tools"', "42", "null"])(
    "rejects a top level that is not an array: %s",
    (text) => {
      expect(problems(text)).toEqual([{ line: 1, column: 1, path: "", message: "The tool schema must be a JSON array of tool definitions" }]);
    },
  );

  it("rejects an empty array", () => {
    expect(problems("\n  []")).toEqual([{ line: 2, column: 3, path: "", message: "The tool schema must define at least one tool" }]);
  });

  it("rejects elements that are not objects", () => {
    expect(problems('[\n  "get_order",\n  null\n]')).toEqual([
      { line: 2, column: 3, path: "[0]", message: "A tool definition must be a JSON object with name, description and inputSchema" },
      { line: 3, column: 3, path: "[1]", message: "A tool definition must be a JSON object with name, description and inputSchema" },
    ]);
  });
});

describe("validateToolSchemaText: tool definitions", () => {
  it("requires name, description and inputSchema, placing each at the tool's '{'", () => {
    const text = "[\n  {}\n]";
    expect(problems(text)).toEqual([
      { line: 2, column: 3, path: "[0].name", message: "Missing 'name': every tool needs a name" },
      { line: 2, column: 3, path: "[0].description", message: "Missing 'description': every tool needs a description, which agents read to choose it" },
      { line: 2, column: 3, path: "[0].inputSchema", message: `Missing 'inputSchema': every tool needs one (use {"type": "object"} for a tool without inputs)` },
    ]);
  });

  it("checks the types of name and description", () => {
    const text = one({ name: 7, description: ["x"] });
    expect(problems(text)).toEqual([
      { ...at(text, "7"), path: "[0].name", message: "'name' must be a string" },
      { ...at(text, "[", 1), path: "[0].description", message: "'description' must be a string" },
    ].sort((a, b) => a.line - b.line || a.column - b.column));
  });

  it("rejects an empty name, a name with other characters and a name over 128 characters", () => {
    let text = one({ name: "" });
    expect(problems(text)).toEqual([{ ...at(text, '""'), path: "[0].name", message: "'name' must not be empty" }]);
    text = one({ name: "get order!" });
    expect(problems(text)).toEqual([
      { ...at(text, '"get order!"'), path: "[0].name", message: "Tool name 'get order!' is not valid: use only letters, digits, '_', '-' and '.' (no spaces)" },
    ]);
    text = one({ name: "ns/tool" });
    expect(problems(text)[0].message).toBe("Tool name 'ns/tool' is not valid: use only letters, digits, '_', '-' and '.' (no spaces)");
    text = one({ name: "x".repeat(129) });
    expect(problems(text)).toEqual([{ ...at(text, '"xxx'), path: "[0].name", message: "The tool name is 129 characters long: the maximum is 128" }]);
  });

  it("shortens long names quoted in messages", () => {
    const text = one({ name: `${"a".repeat(70)} b` });
    expect(problems(text)[0].message).toBe(`Tool name '${"a".repeat(57)}...' is not valid: use only letters, digits, '_', '-' and '.' (no spaces)`);
  });

  it("rejects duplicate tool names, pointing at each repeat", () => {
    const tool = (name: string) => ({ name, description: "d", inputSchema: { type: "object" } });
    const text = JSON.stringify([tool("a"), tool("b"), tool("a"), tool("a")], null, 2);
    expect(problems(text)).toEqual([
      { ...at(text, '"a"', 1), path: "[2].name", message: "Duplicate tool name 'a': tool names must be unique within a target (also used by [0])" },
      { ...at(text, '"a"', 2), path: "[3].name", message: "Duplicate tool name 'a': tool names must be unique within a target (also used by [0])" },
    ]);
  });

  it("treats tool names as case-sensitive", () => {
    const tool = (name: string) => ({ name, description: "d", inputSchema: { type: "object" } });
    expect(tools(JSON.stringify([tool("getUser"), tool("GetUser")]))).toHaveLength(2);
  });

  it("reports unknown keys at the key, suggesting the right spelling", () => {
    const text = one({ foo: 1, input_schema: {}, Description: "x" });
    expect(problems(text)).toEqual([
      { ...at(text, '"foo"'), path: "[0].foo", message: "Unknown key 'foo': a tool definition has name, description, inputSchema and outputSchema" },
      {
        ...at(text, '"input_schema"'),
        path: "[0].input_schema",
        message: "Unknown key 'input_schema': a tool definition has name, description, inputSchema and outputSchema (did you mean 'inputSchema'?)",
      },
      {
        ...at(text, '"Description"'),
        path: "[0].Description",
        message: "Unknown key 'Description': a tool definition has name, description, inputSchema and outputSchema (did you mean 'description'?)",
      },
    ]);
  });

  it("reports duplicate keys inside a tool", () => {
    const text = '[{"name": "a", "description": "d", "name": "b", "inputSchema": {"type": "object"}}]';
    expect(problems(text)).toEqual([{ line: 1, column: 36, path: "[0].name", message: "Duplicate key 'name': JSON keeps only the last one" }]);
  });

  it("validates an optional outputSchema like the input schema", () => {
    const text = one({ outputSchema: { type: "string" } });
    expect(problems(text)).toEqual([{ ...at(text, '"string"'), path: "[0].outputSchema.type", message: "The output schema must have type 'object'" }]);
    expect(problems(one({ outputSchema: null }))[0]).toMatchObject({ path: "[0].outputSchema", message: "A schema definition must be an object with a 'type'" });
  });
});

describe("validateToolSchemaText: schema definitions", () => {
  const props = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => one({ inputSchema: { type: "object", properties, ...extra } });

  it("requires the top-level input schema to be an object", () => {
    const text = one({ inputSchema: { type: "string" } });
    expect(problems(text)).toEqual([
      { ...at(text, '"string"'), path: "[0].inputSchema.type", message: "The input schema must have type 'object': a tool's arguments are always a JSON object" },
    ]);
  });

  it("requires 'type', placing the problem at the schema's '{'", () => {
    const text = props({ orderId: { description: "id" } });
    expect(problems(text)).toEqual([
      {
        ...at(text, "{", 3),
        path: "[0].inputSchema.properties.orderId.type",
        message: "Missing 'type': a schema definition needs a type (string, number, integer, boolean, object or array)",
      },
    ]);
  });

  it.each([
    ["String", "Unknown type 'String': type names are lowercase ('string')"],
    ["str", "Unknown type 'str': use string, number, integer, boolean, object or array"],
    ["null", "Unknown type 'null': use string, number, integer, boolean, object or array"],
  ])("rejects the type %j", (type, message) => {
    const text = props({ orderId: { type } });
    expect(problems(text)).toEqual([{ ...at(text, `"${type}"`), path: "[0].inputSchema.properties.orderId.type", message }]);
  });

  it("rejects a list of types and a non-string type", () => {
    let text = props({ orderId: { type: ["string", "null"] } });
    expect(problems(text)).toEqual([
      { ...at(text, "[\n", 1), path: "[0].inputSchema.properties.orderId.type", message: "'type' must be one type name, not a list: AgentCore schemas have no union types" },
    ]);
    text = props({ orderId: { type: 3 } });
    expect(problems(text)).toEqual([
      { ...at(text, "3"), path: "[0].inputSchema.properties.orderId.type", message: "'type' must be a string: string, number, integer, boolean, object or array" },
    ]);
  });

  it("accepts every SchemaType", () => {
    const properties = Object.fromEntries(SCHEMA_TYPES.map((t) => [t, t === "array" ? { type: t, items: { type: "string" } } : { type: t }]));
    expect(tools(props(properties))[0].inputSchema.properties).toEqual(properties);
  });

  it("rejects a schema that is not an object, hinting when it is a bare type name", () => {
    const text = props({ orderId: "string", count: 1 });
    expect(problems(text)).toEqual([
      { ...at(text, '"string"'), path: "[0].inputSchema.properties.orderId", message: `A schema definition must be an object with a 'type' (write {"type": "string"})` },
      { ...at(text, "1"), path: "[0].inputSchema.properties.count", message: "A schema definition must be an object with a 'type'" },
    ]);
  });

  it("reports unknown keys such as JSON Schema keywords AgentCore does not model", () => {
    const text = props({ status: { type: "string", enum: ["a"], Items: {} } });
    expect(problems(text)).toEqual([
      { ...at(text, '"enum"'), path: "[0].inputSchema.properties.status.enum", message: "Unknown key 'enum': a schema definition has type, properties, required, items and description" },
      {
        ...at(text, '"Items"'),
        path: "[0].inputSchema.properties.status.Items",
        message: "Unknown key 'Items': a schema definition has type, properties, required, items and description (did you mean 'items'?)",
      },
    ]);
  });

  it("requires 'description' to be a string", () => {
    const text = props({ a: { type: "string", description: 5 } });
    expect(problems(text)).toEqual([{ ...at(text, "5"), path: "[0].inputSchema.properties.a.description", message: "'description' must be a string" }]);
  });

  it("allows 'properties' only for objects and requires a map of schemas", () => {
    let text = props({ a: { type: "string", properties: {} } });
    expect(problems(text)).toEqual([
      { ...at(text, '"properties"', 1), path: "[0].inputSchema.properties.a.properties", message: "'properties' is only allowed when type is 'object'" },
    ]);
    text = one({ inputSchema: { type: "object", properties: ["a"] } });
    expect(problems(text)).toEqual([
      { ...at(text, "[\n", 1), path: "[0].inputSchema.properties", message: "'properties' must be an object that maps each property name to its schema" },
    ]);
  });

  it("reports duplicate property names", () => {
    const text = '[{"name": "a", "description": "d", "inputSchema": {"type": "object", "properties": {"x": {"type": "string"}, "x": {"type": "number"}}}}]';
    expect(problems(text)).toEqual([{ ...at(text, '"x"', 1), path: "[0].inputSchema.properties.x", message: "Duplicate property 'x': JSON keeps only the last one" }]);
  });

  it("allows 'required' only for objects, as a list of unique names defined in 'properties'", () => {
    let text = props({ a: { type: "string", required: ["a"] } });
    expect(problems(text)[0]).toEqual({ ...at(text, '"required"'), path: "[0].inputSchema.properties.a.required", message: "'required' is only allowed when type is 'object'" });

    text = props({ a: { type: "string" } }, { required: "a" });
    expect(problems(text)).toEqual([{ ...at(text, '"a"', 1), path: "[0].inputSchema.required", message: "'required' must be an array of property names" }]);

    text = props({ a: { type: "string" } }, { required: ["a", 1, "b", "a"] });
    expect(problems(text)).toEqual([
      { ...at(text, "1,"), path: "[0].inputSchema.required[1]", message: "Each 'required' entry must be a property name in double quotes" },
      { ...at(text, '"b"'), path: "[0].inputSchema.required[2]", message: "Required property 'b' is not defined in 'properties'" },
      { ...at(text, '"a"', 2), path: "[0].inputSchema.required[3]", message: "'a' is listed more than once in 'required'" },
    ]);
  });

  it("checks 'required' against 'properties' even when there are no properties", () => {
    const text = one({ inputSchema: { type: "object", required: ["orderId"] } });
    expect(problems(text)).toEqual([{ ...at(text, '"orderId"'), path: "[0].inputSchema.required[0]", message: "Required property 'orderId' is not defined in 'properties'" }]);
  });

  it("requires 'items' for arrays and allows it only for arrays", () => {
    let text = props({ tags: { type: "array" } });
    expect(problems(text)).toEqual([
      { ...at(text, "{", 3), path: "[0].inputSchema.properties.tags.items", message: `Missing 'items': an array schema must describe its items, e.g. "items": {"type": "string"}` },
    ]);
    text = props({ n: { type: "integer", items: { type: "string" } } });
    expect(problems(text)).toEqual([{ ...at(text, '"items"'), path: "[0].inputSchema.properties.n.items", message: "'items' is only allowed when type is 'array'" }]);
  });

  it("validates nested items and properties recursively, with the full path", () => {
    const text = props({ lines: { type: "array", items: { type: "object", properties: { qty: { type: "int" } }, required: ["sku"] } } });
    expect(problems(text)).toEqual([
      { ...at(text, '"int"'), path: "[0].inputSchema.properties.lines.items.properties.qty.type", message: "Unknown type 'int': use string, number, integer, boolean, object or array" },
      { ...at(text, '"sku"'), path: "[0].inputSchema.properties.lines.items.required[0]", message: "Required property 'sku' is not defined in 'properties'" },
    ]);
  });

  it("still checks the children of a schema whose type is wrong", () => {
    const text = props({ a: { type: "obj", properties: { b: { type: "bad" } } } });
    expect(problems(text).map((p) => p.path)).toEqual(["[0].inputSchema.properties.a.type", "[0].inputSchema.properties.a.properties.b.type"]);
  });

  it("writes property names that are not identifiers in brackets", () => {
    const text = props({ "order id": { type: "x" }, "a.b": { type: "y" } });
    expect(problems(text).map((p) => p.path)).toEqual(['[0].inputSchema.properties["order id"].type', '[0].inputSchema.properties["a.b"].type']);
  });
});

describe("validateToolSchemaText: all problems, sorted by position", () => {
  it("collects problems from every tool and sorts them by line and column", () => {
    const text = `[
  {
    "name": "get order",
    "description": "Gets",
    "inputSchema": {
      "type": "object",
      "properties": {
        "orderId": { "type": "String" },
        "tags": { "type": "array" }
      },
      "required": ["orderId", "missing"]
    },
    "foo": 1
  },
  { "name": "get order", "description": 3, "inputSchema": { "type": "string" } },
  "x"
]`;
    expect(problems(text)).toEqual([
      { line: 3, column: 13, path: "[0].name", message: "Tool name 'get order' is not valid: use only letters, digits, '_', '-' and '.' (no spaces)" },
      { line: 8, column: 30, path: "[0].inputSchema.properties.orderId.type", message: "Unknown type 'String': type names are lowercase ('string')" },
      { line: 9, column: 17, path: "[0].inputSchema.properties.tags.items", message: `Missing 'items': an array schema must describe its items, e.g. "items": {"type": "string"}` },
      { line: 11, column: 31, path: "[0].inputSchema.required[1]", message: "Required property 'missing' is not defined in 'properties'" },
      { line: 13, column: 5, path: "[0].foo", message: "Unknown key 'foo': a tool definition has name, description, inputSchema and outputSchema" },
      { line: 15, column: 13, path: "[1].name", message: "Tool name 'get order' is not valid: use only letters, digits, '_', '-' and '.' (no spaces)" },
      { line: 15, column: 13, path: "[1].name", message: "Duplicate tool name 'get order': tool names must be unique within a target (also used by [0])" },
      { line: 15, column: 41, path: "[1].description", message: "'description' must be a string" },
      { line: 15, column: 69, path: "[1].inputSchema.type", message: "The input schema must have type 'object': a tool's arguments are always a JSON object" },
      { line: 16, column: 3, path: "[2]", message: "A tool definition must be a JSON object with name, description and inputSchema" },
    ]);
  });
});

describe("describeTools", () => {
  it("lists each tool with its top-level inputs, types and required flags", () => {
    const text = JSON.stringify([
      {
        name: "get_order",
        description: "Get an order",
        inputSchema: {
          type: "object",
          properties: {
            orderId: { type: "string", description: "The order" },
            tags: { type: "array", items: { type: "string" } },
            matrix: { type: "array", items: { type: "array", items: { type: "number" } } },
            filter: { type: "object", properties: { status: { type: "string" } } },
          },
          required: ["orderId", "filter"],
        },
      },
      { name: "ping", description: "Ping", inputSchema: { type: "object" } },
    ]);
    expect(describeTools(tools(text))).toEqual([
      {
        name: "get_order",
        description: "Get an order",
        inputs: [
          { name: "orderId", type: "string", required: true, description: "The order" },
          { name: "tags", type: "array of string", required: false },
          { name: "matrix", type: "array of array of number", required: false },
          { name: "filter", type: "object", required: true },
        ],
      },
      { name: "ping", description: "Ping", inputs: [] },
    ]);
  });

  it("falls back to 'array' when an array has no items and returns [] for no tools", () => {
    const tool: ToolDefinition = { name: "t", description: "d", inputSchema: { type: "object", properties: { a: { type: "array" } } } };
    expect(describeTools([tool])[0].inputs).toEqual([{ name: "a", type: "array", required: false }]);
    expect(describeTools([])).toEqual([]);
  });
});
