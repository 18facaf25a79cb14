import { describe, expect, it } from "vitest";
import { parseApiDocument } from "../../../formats/api-document";
import { mcpToolSchemaProblems, openApiProblems, smithyProblems } from "./schemas";

const OPENAPI_JSON = JSON.stringify({ openapi: "3.0.1", info: { title: "t", version: "1" }, paths: { "/a": { get: { operationId: "a" } } } });
const OPENAPI_YAML = `# pets
openapi: "3.1.0"
info:
  title: Pets
  version: '1'
  description: |
    A long text: with colons
    	and a tab inside the block scalar, which is fine
paths:
  /pets:
    get:
      operationId: listPets
`;
const SMITHY = JSON.stringify({ smithy: "2.0", shapes: { "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Op" }] }, "ex#Op": { type: "operation" } } });

/** Nine levels of ten aliases each: 10^9 nodes once expanded. */
function aliasBomb(levels = 9): string {
  let y = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (let i = 1; i < levels; i++) y += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
  return y;
}

describe("OpenAPI documents", () => {
  it("accepts OpenAPI 3.0 and 3.1 in JSON and YAML", () => {
    expect(openApiProblems(OPENAPI_JSON)).toEqual([]);
    expect(openApiProblems(OPENAPI_YAML)).toEqual([]);
    expect(openApiProblems(`\uFEFF${OPENAPI_JSON}`)).toEqual([]);
  });

  it("an empty document", () => {
    expect(openApiProblems("")).toEqual(["Failed to parse the OpenAPI schema: the document is empty"]);
    expect(openApiProblems(" \n\t")).toEqual(["Failed to parse the OpenAPI schema: the document is empty"]);
  });

  it("JSON syntax errors: 'Failed to parse ... as JSON' with the console's message and position", () => {
    expect(openApiProblems('{\n  "openapi": "3.0.1",\n  "info": { "title": "x" }\n  "paths": {}\n}')).toEqual([
      "Failed to parse the OpenAPI schema as JSON: Missing ',' between two properties at line 4, column 3",
    ]);
    expect(openApiProblems('{"openapi": "3.0.0",')).toEqual(["Failed to parse the OpenAPI schema as JSON: Unclosed '{' — the text ends before its matching '}' at line 1, column 1"]);
    expect(openApiProblems("{'openapi': 1}")).toEqual([`Failed to parse the OpenAPI schema as JSON: Unexpected "'" — JSON keys use double quotes, not single quotes at line 1, column 2`]);
    expect(openApiProblems('[1, 2 3]')).toEqual(["Failed to parse the OpenAPI schema as JSON: Missing ',' between two array items at line 1, column 7"]);
  });

  it("YAML syntax errors: 'Failed to parse ... as YAML' with the console's message and position", () => {
    expect(openApiProblems("openapi: 3.0.0\n\tinfo: x")).toEqual(["Failed to parse the OpenAPI schema as YAML: Tabs are not allowed for indentation in YAML — indent with spaces at line 2, column 1"]);
    expect(openApiProblems("openapi: 3.0.0\nopenapi: 3.0.1")).toEqual([
      "Failed to parse the OpenAPI schema as YAML: Duplicate key 'openapi' — each key may appear only once in a mapping at line 2, column 1",
    ]);
    expect(openApiProblems("a: 1\n---\nb: 2")).toEqual([
      "Failed to parse the OpenAPI schema as YAML: The text holds several YAML documents (separated by '---') — paste only one at line 2, column 1",
    ]);
    expect(openApiProblems("not: [valid")).toEqual([
      "Failed to parse the OpenAPI schema as YAML: Unclosed '[' — close it with ']' or indent the lines that continue it at line 1, column 12",
    ]);
    expect(openApiProblems("openapi: 3.0.0\ninfo: *nope\n")).toEqual([
      "Failed to parse the OpenAPI schema as YAML: Unknown alias '*nope': no anchor '&nope' is defined before it at line 2, column 7",
    ]);
  });

  it("an alias bomb is refused quickly, before the document is expanded", () => {
    const started = Date.now();
    expect(openApiProblems(aliasBomb())).toEqual([
      "Failed to parse the OpenAPI schema as YAML: Too many aliases — the anchors and aliases expand to an excessive number of nodes at line 2, column 10",
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("documents that parse but are not usable: 'Invalid OpenAPI schema' with the position", () => {
    expect(openApiProblems("just some text")).toEqual(["Invalid OpenAPI schema: An OpenAPI document must be an object with openapi, info and paths at line 1, column 1"]);
    expect(openApiProblems("[1]")).toEqual(["Invalid OpenAPI schema: An OpenAPI document must be an object with openapi, info and paths at line 1, column 1"]);
    expect(openApiProblems(JSON.stringify({ swagger: "2.0", info: {}, paths: {} }))).toEqual([
      "Invalid OpenAPI schema: Swagger 2.0 documents are not supported — AgentCore Gateway accepts OpenAPI 3.0 and 3.1; convert the document to OpenAPI 3 at line 1, column 12",
    ]);
    expect(openApiProblems("openapi: 2.5.0\ninfo:\n  title: x\npaths: {}")).toEqual([
      `Invalid OpenAPI schema: OpenAPI version '2.5.0' is not supported — AgentCore Gateway accepts OpenAPI 3.0.x and 3.1.x (e.g. "3.0.3" or "3.1.0") at line 1, column 10`,
    ]);
    expect(openApiProblems('{"openapi": "3.0.0"}')).toEqual(["Invalid OpenAPI schema: Missing 'info' — the document needs an info object with title and version at line 1, column 1"]);
    expect(openApiProblems("  openapi: 3.0.0")).toEqual(["Invalid OpenAPI schema: Missing 'info' — the document needs an info object with title and version at line 1, column 3"]);
    expect(openApiProblems('openapi: 3.0.0\ninfo:\n  title: x\n  version: "1"\npaths: {}\n')).toEqual([
      "Invalid OpenAPI schema: 'paths' defines no operations — AgentCore Gateway makes one tool per operation, so add at least one (get, post, ...) at line 5, column 8",
    ]);
  });

  it("judges exactly as the console's parseApiDocument does (same verdict, same message, same place)", () => {
    const samples = [OPENAPI_JSON, OPENAPI_YAML, "not: [valid", '{"openapi": 3}', "openapi: 3.0.0\ninfo: {title: x, version: 1}\npaths:\n  /a:\n    GET: {}\n"];
    for (const text of samples) {
      const verdict = parseApiDocument(text, "openapi");
      const sandbox = openApiProblems(text);
      if (verdict.ok) expect(sandbox).toEqual([]);
      else expect(sandbox).toEqual([expect.stringContaining(`: ${verdict.message} at line ${verdict.line}, column ${verdict.column}`)]);
    }
  });
});

describe("Smithy models", () => {
  it("accepts a JSON AST with a service or operation", () => {
    expect(smithyProblems(SMITHY)).toEqual([]);
    expect(smithyProblems(JSON.stringify({ smithy: "1.0", shapes: { "ex#Op": { type: "operation" } } }))).toEqual([]);
  });

  it("an empty model, the IDL, JSON syntax errors", () => {
    expect(smithyProblems("")).toEqual(["Failed to parse the Smithy model: the document is empty"]);
    expect(smithyProblems('$version: "2"\nnamespace ex')).toEqual([
      "Failed to parse the Smithy model as JSON: Only Smithy JSON AST models are supported, not the Smithy IDL — convert the model to its JSON AST (for example with `smithy ast`) at line 1, column 1",
    ]);
    expect(smithyProblems('{"smithy": "2.0", "shapes": {')).toEqual(["Failed to parse the Smithy model as JSON: Unclosed '{' — the text ends before its matching '}' at line 1, column 29"]);
    expect(smithyProblems("hello")).toEqual([`Failed to parse the Smithy model as JSON: Unexpected 'hello' — text must be in double quotes ("hello") at line 1, column 1`]);
  });

  it("models that parse but are not usable", () => {
    expect(smithyProblems('{"shapes": {}}')).toEqual([`Invalid Smithy model: Missing 'smithy' — the JSON AST must declare its version, e.g. "smithy": "2.0" at line 1, column 1`]);
    expect(smithyProblems('{"smithy": "2.0",\n "shapes": {"ex#S": {"type": "structure"}}}')).toEqual([
      "Invalid Smithy model: The model defines no service or operation shape — AgentCore Gateway makes its tools from operations at line 2, column 12",
    ]);
    expect(smithyProblems('{"smithy": "3.0", "shapes": {}}')).toEqual([`Invalid Smithy model: Smithy version '3.0' is not supported — use "1.0" or "2.0" at line 1, column 12`]);
    expect(smithyProblems('{"smithy": "2.0", "shapes": {"Svc": {"type": "service"}}}')).toEqual([
      "Invalid Smithy model: Shape ID 'Svc' is not valid — JSON AST shape IDs are absolute: namespace#Name at line 1, column 30",
    ]);
  });
});

describe("MCP tool schemas", () => {
  it("a tools array (or a bare array) of named tools with an input schema", () => {
    expect(mcpToolSchemaProblems(JSON.stringify({ tools: [{ name: "a", inputSchema: { type: "object" } }] }))).toEqual([]);
    expect(mcpToolSchemaProblems(JSON.stringify([{ name: "a", inputSchema: {} }]))).toEqual([]);
  });

  it("every problem is reported with its position", () => {
    expect(mcpToolSchemaProblems("{}")).toEqual(["Invalid MCP tool schema: expected an object with a 'tools' array (or an array of tools) at line 1, column 1"]);
    expect(mcpToolSchemaProblems('{"tools": {}}')).toEqual(["Invalid MCP tool schema: expected an object with a 'tools' array (or an array of tools) at line 1, column 11"]);
    expect(mcpToolSchemaProblems('{"tools": [\n  {"inputSchema": {}},\n  3,\n  {"name": "", "inputSchema": []}\n]}')).toEqual([
      "Invalid MCP tool schema: tools[0].name is required at line 2, column 3",
      "Invalid MCP tool schema: tools[1] must be an object at line 3, column 3",
      "Invalid MCP tool schema: tools[2].name is required at line 4, column 12",
      "Invalid MCP tool schema: tools[2].inputSchema is required at line 4, column 31",
    ]);
  });

  it("JSON syntax errors use the console's parser", () => {
    expect(mcpToolSchemaProblems("nope")).toEqual([`Failed to parse the MCP tool schema as JSON: Unexpected 'nope' — text must be in double quotes ("nope") at line 1, column 1`]);
    expect(mcpToolSchemaProblems('{"tools": [,]}')).toEqual(["Failed to parse the MCP tool schema as JSON: Unexpected ',' — expected a value before it at line 1, column 12"]);
  });
});
