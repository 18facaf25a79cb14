import { describe, expect, it } from "vitest";
import { mcpToolSchemaProblems, openApiProblems, parseJson, position, smithyProblems, yamlOutline } from "./schemas";

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

describe("inline payload checks", () => {
  it("positions are 1-based lines and columns", () => {
    expect(position("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(position("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });

  it("JSON errors carry the line and column", () => {
    const r = parseJson('{\n  "a": 1,\n  "b": }');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe("Unexpected '}', expected a value at line 3, column 8");
    expect(!parseJson('{"a": ').ok && (parseJson('{"a": ') as { error: string }).error).toBe("Unexpected end of input, expected a value at line 1, column 7");
    expect((parseJson("{'a': 1}") as { error: string }).error).toBe("Expected a property name in double quotes but found ''' at line 1, column 2");
    expect((parseJson('[1, 2 3]') as { error: string }).error).toBe("Expected ',' or ']' but found '3' at line 1, column 7");
    expect((parseJson('{"a": "x\\q"}') as { error: string }).error).toBe("Bad escaped character in string at line 1, column 10");
    expect((parseJson('{"a": "x') as { error: string }).error).toBe("Unterminated string at line 1, column 9");
    expect((parseJson('{} x') as { error: string }).error).toBe("Unexpected 'x' after the JSON value at line 1, column 4");
    expect(parseJson('{"a": [1, -2.5e3, true, null, "\\u00e9"]}')).toEqual({ ok: true, value: { a: [1, -2500, true, null, "é"] } });
  });

  it("accepts OpenAPI 3.x in JSON and YAML", () => {
    expect(openApiProblems(OPENAPI_JSON)).toEqual([]);
    expect(openApiProblems(OPENAPI_YAML)).toEqual([]);
  });

  it("explains unusable OpenAPI documents", () => {
    expect(openApiProblems("")).toEqual(["Failed to parse the OpenAPI schema: the document is empty"]);
    expect(openApiProblems('{"openapi": "3.0.0",')[0]).toMatch(/^Failed to parse the OpenAPI schema as JSON: .* at line 1, column 21$/);
    expect(openApiProblems("just some text")[0]).toBe("Failed to parse the OpenAPI schema as YAML: expected a 'key: value' mapping entry at line 1, column 1");
    expect(openApiProblems("openapi: 3.0.0\n\tinfo: x")[0]).toMatch(/tab characters cannot be used for indentation at line 2, column 1/);
    expect(openApiProblems("openapi: 3.0.0\nopenapi: 3.0.1")[0]).toMatch(/duplicate key 'openapi' at line 2/);
    expect(openApiProblems("  openapi: 3.0.0")[0]).toMatch(/unexpected indentation at line 1, column 3/);
    expect(openApiProblems(JSON.stringify({ swagger: "2.0", info: {}, paths: {} }))).toEqual([
      "Unsupported OpenAPI version: Swagger 2.0 documents are not supported; use OpenAPI 3.0 or 3.1",
    ]);
    expect(openApiProblems("openapi: 2.5.0\ninfo:\n  title: x\npaths: {}")).toEqual(["Unsupported OpenAPI version '2.5.0': only OpenAPI 3.0.x and 3.1.x are supported"]);
    expect(openApiProblems('{"openapi": "3.0.0"}')).toEqual(["Invalid OpenAPI schema: missing required field 'info'", "Invalid OpenAPI schema: missing required field 'paths'"]);
    expect(openApiProblems("[1]")).toEqual(["Invalid OpenAPI schema: the document must be a JSON object"]);
  });

  it("YAML outline: keys, comments, block scalars, documents", () => {
    expect([...yamlOutline(OPENAPI_YAML).keys.keys()]).toEqual(["openapi", "info", "paths"]);
    expect(yamlOutline("---\na: 1 # c\n...\n").keys.get("a")).toBe("1");
    expect(yamlOutline("a: 1\n---\nb: 2").error).toMatch(/several YAML documents/);
    expect(yamlOutline("# only a comment").error).toBe("the document is empty");
    expect(yamlOutline('"quoted key": 1\n\'single\': 2').keys.has("quoted key")).toBe(true);
  });

  it("Smithy models must be a JSON AST with a service", () => {
    const ok = JSON.stringify({ smithy: "2.0", shapes: { "ex#Svc": { type: "service", version: "1" } } });
    expect(smithyProblems(ok)).toEqual([]);
    expect(smithyProblems("$version: \"2\"\nnamespace ex")).toEqual(["Failed to parse the Smithy model: only the Smithy JSON AST format is supported (not the IDL)"]);
    expect(smithyProblems('{"smithy": "2.0", "shapes": {')[0]).toMatch(/^Failed to parse the Smithy model as JSON: .*line 1, column 30$/);
    expect(smithyProblems('{"shapes": {}}')).toEqual(["Invalid Smithy model: missing required field 'smithy' (the IDL version)", "Invalid Smithy model: no shape of type 'service' found"]);
  });

  it("MCP tool schemas: a tools array of named tools with an input schema", () => {
    expect(mcpToolSchemaProblems(JSON.stringify({ tools: [{ name: "a", inputSchema: { type: "object" } }] }))).toEqual([]);
    expect(mcpToolSchemaProblems(JSON.stringify([{ name: "a", inputSchema: {} }]))).toEqual([]);
    expect(mcpToolSchemaProblems("{}")).toEqual(["Invalid MCP tool schema: expected an object with a 'tools' array (or an array of tools)"]);
    expect(mcpToolSchemaProblems(JSON.stringify({ tools: [{ inputSchema: {} }, 3] }))).toEqual([
      "Invalid MCP tool schema: tools[0].name is required",
      "Invalid MCP tool schema: tools[1] must be an object",
    ]);
    expect(mcpToolSchemaProblems("nope")[0]).toMatch(/^Failed to parse the MCP tool schema as JSON: .*line 1, column 1$/);
  });
});
