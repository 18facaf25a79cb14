// parseApiDocument: OpenAPI in JSON and YAML, Smithy JSON AST, the summaries, and placed errors with their messages.
import { describe, expect, it } from "vitest";
import { parseApiDocument } from "./api-document";

const ORDERS_YAML = `openapi: 3.0.3
info:
  title: Orders API
  version: 1.2.0
paths:
  /orders:
    get:
      operationId: listOrders
      summary: List orders
    post:
      operationId: createOrder
  /orders/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema: { type: string }
    delete:
      summary: Delete an order
`;

const ORDERS_JSON = JSON.stringify(
  {
    openapi: "3.1.0",
    info: { title: "Orders API", version: "2" },
    paths: { "/orders": { get: { operationId: "listOrders", summary: "List orders" }, put: { operationId: "replaceOrders" } } },
  },
  null,
  2,
);

function fails(text: string, kind: "openapi" | "smithy" = "openapi") {
  const r = parseApiDocument(text, kind);
  if (r.ok) throw new Error("expected an error");
  return r;
}

describe("parseApiDocument: OpenAPI in YAML", () => {
  it("summarises title, version and operations in document order, warning about missing operationIds", () => {
    expect(parseApiDocument(ORDERS_YAML, "openapi")).toEqual({
      ok: true,
      format: "yaml",
      summary: {
        openapi: "3.0.3",
        title: "Orders API",
        version: "1.2.0",
        operations: [
          { method: "GET", path: "/orders", operationId: "listOrders", summary: "List orders" },
          { method: "POST", path: "/orders", operationId: "createOrder" },
          { method: "DELETE", path: "/orders/{id}", summary: "Delete an order" },
        ],
      },
      warnings: ["DELETE /orders/{id} has no operationId — AgentCore Gateway names each tool after its operationId"],
    });
  });

  it("keeps a numeric info.version as written", () => {
    const r = parseApiDocument("openapi: 3.1.0\ninfo:\n  title: T\n  version: 1.0\npaths:\n  /a:\n    get: {operationId: a}\n", "openapi");
    expect(r.ok && r.summary.version).toBe("1.0");
  });

  it("accepts every HTTP method, anchors and aliases, comments and a BOM", () => {
    const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    const text = `\uFEFF# Orders
openapi: '3.1.0'
info: &info {title: T, version: '1'}
x-copy: *info
paths:
  /a:
${methods.map((m) => `    ${m}: {operationId: ${m}A}`).join("\n")}
`;
    const r = parseApiDocument(text, "openapi");
    expect(r.ok && r.summary.operations.map((o) => o.method)).toEqual(methods.map((m) => m.toUpperCase()));
    expect(r.ok && r.warnings).toEqual([]);
  });

  it("ignores path-item keys that are not operations, null path items and extensions", () => {
    const r = parseApiDocument("openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths:\n  x-owner: team\n  /a:\n    summary: S\n    servers: []\n    x-get: {}\n    get: {operationId: a}\n  /b:\n", "openapi");
    expect(r.ok && r.summary.operations).toEqual([{ method: "GET", path: "/a", operationId: "a" }]);
  });

  it.each([
    // bad indentation: a key less indented than its siblings
    ["openapi: 3.0.3\ninfo:\n  title: x\n version: 1\npaths: {}\n", 4, 2, "Bad indentation — all mapping items must start at the same column"],
    // bad indentation: a key more indented than its siblings
    ["openapi: 3.0.3\ninfo:\n  title: x\n    version: 1\n", 3, 10, "Bad indentation — a line below this value is indented further, as if the value had keys of its own"],
    ["openapi: 3.0.3\ninfo:\n\ttitle: x\n", 3, 1, "Tabs are not allowed for indentation in YAML — indent with spaces"],
    ['openapi: "3.0.3\ninfo: x\n', 1, 10, `Unterminated string — add the closing '"'`],
    ["info:\n  title: 'Orders\n", 2, 10, `Unterminated string — add the closing "'"`],
    ["openapi: 3.0.3\ninfo: {title: x\npaths: {}\n", 3, 1, "Unclosed '{' — close it with '}' or indent the lines that continue it"],
    ["openapi: 3.0.3\nopenapi: 3.1.0\n", 2, 1, "Duplicate key 'openapi' — each key may appear only once in a mapping"],
    ["a: 1\n---\nb: 2\n", 2, 1, "The text holds several YAML documents (separated by '---') — paste only one"],
    ["info:\n  title: x\n  - a\n", 3, 3, "Bad indentation — a '- ' list item cannot stand where a key is expected"],
    ["openapi: 3.1.0\ninfo: *nope\n", 2, 7, "Unknown alias '*nope': no anchor '&nope' is defined before it"],
  ])("places YAML syntax errors: %j", (text, line, column, message) => {
    expect(fails(text)).toEqual({ ok: false, line, column, message });
  });
});

describe("parseApiDocument: OpenAPI in JSON", () => {
  it("summarises a JSON document", () => {
    expect(parseApiDocument(ORDERS_JSON, "openapi")).toEqual({
      ok: true,
      format: "json",
      summary: {
        openapi: "3.1.0",
        title: "Orders API",
        version: "2",
        operations: [
          { method: "GET", path: "/orders", operationId: "listOrders", summary: "List orders" },
          { method: "PUT", path: "/orders", operationId: "replaceOrders" },
        ],
      },
      warnings: [],
    });
  });

  it.each([
    ['{\n  "openapi": "3.0.3",\n  "info": {"title": "t", "version": "1"},\n}', 3, 41, "Unexpected ',' — a trailing comma is not allowed in JSON"],
    ['{\n  "openapi": "3.0.3,\n  "info": {}\n}', 2, 14, `Unterminated string — add the closing '"' (a line break inside a string must be written as \\n)`],
    ['{\n  "openapi": "3.0.3",\n  "paths": {"/a": {"get": {}}\n', 3, 12, "Unclosed '{' — the text ends before its matching '}'"],
    ['{"openapi": "3.0.3", "openapi": "3.1.0"}', 1, 22, "Duplicate key 'openapi' — each key may appear only once in an object"],
  ])("places JSON syntax errors with the JSON parser's messages: %j", (text, line, column, message) => {
    expect(fails(text)).toEqual({ ok: false, line, column, message });
  });

  it("treats a document starting with '[' as JSON", () => {
    expect(fails("[1,]")).toMatchObject({ line: 1, column: 3, message: "Unexpected ',' — a trailing comma is not allowed in JSON" });
    expect(fails("  []")).toEqual({ ok: false, line: 1, column: 3, message: "An OpenAPI document must be an object with openapi, info and paths" });
  });
});

describe("parseApiDocument: OpenAPI rules", () => {
  const doc = (top: string) => `${top}\n`;
  const INFO = "info: {title: T, version: '1'}";
  const PATHS = "paths:\n  /a:\n    get: {operationId: a}";

  it.each([
    ["", 1, 1, "The OpenAPI document is empty"],
    ["  \n# just a comment\n", 2, 1, "The OpenAPI document is empty"],
    ["hello", 1, 1, "An OpenAPI document must be an object with openapi, info and paths"],
    ["- a\n- b", 1, 1, "An OpenAPI document must be an object with openapi, info and paths"],
    [doc(`${INFO}\n${PATHS}`), 1, 1, "Missing 'openapi' — the document must declare its OpenAPI version, e.g. openapi: 3.0.3"],
    [
      doc(`swagger: '2.0'\n${INFO}\n${PATHS}`),
      1,
      10,
      "Swagger 2.0 documents are not supported — AgentCore Gateway accepts OpenAPI 3.0 and 3.1; convert the document to OpenAPI 3",
    ],
    [doc(`openapi: 3.0\n${INFO}\n${PATHS}`), 1, 10, `'openapi' must be a string such as "3.0.3" — put the version in quotes`],
    [doc(`openapi: 3.2.0\n${INFO}\n${PATHS}`), 1, 10, `OpenAPI version '3.2.0' is not supported — AgentCore Gateway accepts OpenAPI 3.0.x and 3.1.x (e.g. "3.0.3" or "3.1.0")`],
    [doc(`openapi: '3.1'\n${INFO}\n${PATHS}`), 1, 10, `OpenAPI version '3.1' is not supported — AgentCore Gateway accepts OpenAPI 3.0.x and 3.1.x (e.g. "3.0.3" or "3.1.0")`],
    [doc(`openapi: 2.0.0\n${INFO}\n${PATHS}`), 1, 10, `OpenAPI version '2.0.0' is not supported — AgentCore Gateway accepts OpenAPI 3.0.x and 3.1.x (e.g. "3.0.3" or "3.1.0")`],
    [doc(`openapi: 3.0.3\n${PATHS}`), 1, 1, "Missing 'info' — the document needs an info object with title and version"],
    [doc(`openapi: 3.0.3\ninfo: Orders\n${PATHS}`), 2, 7, "'info' must be an object with title and version"],
    [doc(`openapi: 3.0.3\ninfo:\n  version: '1'\n${PATHS}`), 3, 3, "Missing 'info.title' — give the API a title"],
    [doc(`openapi: 3.0.3\ninfo: {title: [a], version: '1'}\n${PATHS}`), 2, 15, "'info.title' must be a string"],
    [doc(`openapi: 3.0.3\ninfo: {title: T}\n${PATHS}`), 2, 7, `Missing 'info.version' — give the API a version, e.g. version: "1.0.0"`],
    [doc(`openapi: 3.0.3\ninfo: {title: T, version: true}\n${PATHS}`), 2, 27, `'info.version' must be a string such as "1.0.0"`],
    [
      doc(`openapi: 3.0.3\n${INFO}`),
      1,
      1,
      "Missing 'paths' — AgentCore Gateway makes one tool per operation, so the document needs paths with at least one operation",
    ],
    [doc(`openapi: 3.0.3\n${INFO}\npaths: []`), 3, 8, "'paths' must be an object that maps each path to its operations"],
    [doc(`openapi: 3.0.3\n${INFO}\npaths: {}`), 3, 8, "'paths' defines no operations — AgentCore Gateway makes one tool per operation, so add at least one (get, post, ...)"],
    [
      doc(`openapi: 3.0.3\n${INFO}\npaths:\n  /a:\n    summary: nothing`),
      4,
      3,
      "'paths' defines no operations — AgentCore Gateway makes one tool per operation, so add at least one (get, post, ...)",
    ],
    [doc(`openapi: 3.0.3\n${INFO}\npaths:\n  orders:\n    get: {}`), 4, 3, "Path 'orders' must start with '/'"],
    [doc(`openapi: 3.0.3\n${INFO}\npaths:\n  /a: [get]`), 4, 7, "The path item '/a' must be an object of operations (get, post, ...)"],
    [doc(`openapi: 3.0.3\n${INFO}\npaths:\n  /a:\n    get: yes`), 5, 10, "The operation GET /a must be an object"],
    [doc(`openapi: 3.0.3\n${INFO}\npaths:\n  /a:\n    GET: {}`), 5, 5, "HTTP methods are lower case in OpenAPI: write 'get', not 'GET'"],
    [doc(`openapi: 3.0.3\n${INFO}\npaths:\n  /a:\n    get: {operationId: 7}`), 5, 24, "'operationId' of GET /a must be a non-empty string"],
    [doc(`openapi: 3.0.3\n${INFO}\npaths:\n  /a:\n    get: {operationId: ''}`), 5, 24, "'operationId' of GET /a must be a non-empty string"],
    [
      doc(`openapi: 3.0.3\n${INFO}\npaths:\n  /a:\n    get: {operationId: x}\n  /b:\n    post: {operationId: x}`),
      7,
      25,
      "Duplicate operationId 'x' — GET /a uses it too, and AgentCore Gateway names each tool after its operationId",
    ],
  ])("%j → %i:%i %s", (text, line, column, message) => {
    expect(fails(text)).toEqual({ ok: false, line, column, message });
  });

  it("warns once per operation without an operationId", () => {
    const r = parseApiDocument(`openapi: 3.0.3\n${INFO}\npaths:\n  /a:\n    get: {}\n    post: {}\n`, "openapi");
    expect(r.ok && r.warnings).toEqual([
      "GET /a has no operationId — AgentCore Gateway names each tool after its operationId",
      "POST /a has no operationId — AgentCore Gateway names each tool after its operationId",
    ]);
  });
});

describe("parseApiDocument: Smithy JSON AST", () => {
  const model = {
    smithy: "2.0",
    metadata: { suppressions: [] },
    shapes: {
      "example.orders#Orders": { type: "service", version: "2024-01-01", operations: [{ target: "example.orders#GetOrder" }] },
      "example.orders#GetOrder": { type: "operation", input: { target: "example.orders#GetOrderInput" } },
      "example.orders#GetOrderInput": { type: "structure", members: { id: { target: "smithy.api#String" } } },
      "example.orders#ListOrders": { type: "operation" },
    },
  };

  it("lists services and operations by shape ID", () => {
    expect(parseApiDocument(JSON.stringify(model, null, 2), "smithy")).toEqual({
      ok: true,
      format: "json",
      summary: { smithy: "2.0", services: ["example.orders#Orders"], operations: ["example.orders#GetOrder", "example.orders#ListOrders"] },
      warnings: [],
    });
  });

  it("accepts operations without a service, with a warning", () => {
    const r = parseApiDocument('{"smithy": "1.0", "shapes": {"a.b#Op": {"type": "operation"}}}', "smithy");
    expect(r).toEqual({
      ok: true,
      format: "json",
      summary: { smithy: "1.0", services: [], operations: ["a.b#Op"] },
      warnings: ["The model has no service shape — AgentCore Gateway expects the operations to be bound to a service"],
    });
  });

  it.each([
    ["", 1, 1, "The Smithy model is empty"],
    ['$version: "2"\nnamespace example\n\nservice Orders {}\n', 1, 1, "Only Smithy JSON AST models are supported, not the Smithy IDL — convert the model to its JSON AST (for example with `smithy ast`)"],
    ["\n  namespace example\n", 2, 3, "Only Smithy JSON AST models are supported, not the Smithy IDL — convert the model to its JSON AST (for example with `smithy ast`)"],
    ["smithy: '2.0'\nshapes: {}\n", 1, 1, `Unexpected 'smithy' — text must be in double quotes ("smithy")`],
    ['{"smithy": "2.0", "shapes": {},}', 1, 31, "Unexpected ',' — a trailing comma is not allowed in JSON"],
    ['["smithy"]', 1, 1, `A Smithy model must be a JSON AST object: { "smithy": "2.0", "shapes": { ... } }`],
    ['{"shapes": {}}', 1, 1, `Missing 'smithy' — the JSON AST must declare its version, e.g. "smithy": "2.0"`],
    ['{"smithy": 2, "shapes": {}}', 1, 12, `'smithy' must be a string such as "2.0"`],
    ['{"smithy": "3.0", "shapes": {}}', 1, 12, `Smithy version '3.0' is not supported — use "1.0" or "2.0"`],
    ['{"smithy": "2.0"}', 1, 1, "Missing 'shapes' — the JSON AST must define its shapes, including at least one service or operation"],
    ['{"smithy": "2.0", "shapes": []}', 1, 29, "'shapes' must be an object that maps each shape ID to its definition"],
    ['{"smithy": "2.0", "shapes": {}}', 1, 29, "The model defines no service or operation shape — AgentCore Gateway makes its tools from operations"],
    ['{"smithy": "2.0", "shapes": {"a#S": {"type": "structure"}}}', 1, 29, "The model defines no service or operation shape — AgentCore Gateway makes its tools from operations"],
    ['{"smithy": "2.0", "shapes": {"Orders": {"type": "service"}}}', 1, 30, "Shape ID 'Orders' is not valid — JSON AST shape IDs are absolute: namespace#Name"],
    ['{"smithy": "2.0", "shapes": {"a#S": "service"}}', 1, 37, "The shape 'a#S' must be an object with a 'type'"],
    ['{"smithy": "2.0", "shapes": {"a#S": {}}}', 1, 37, "Missing 'type' in the shape 'a#S'"],
    ['{"smithy": "2.0", "shapes": {"a#S": {"type": 1}}}', 1, 46, `'type' of the shape 'a#S' must be a string such as "service" or "operation"`],
    ['{"smithy": "2.0", "shapes": {"a#S": {"type": "service"}, "a#S": {"type": "service"}}}', 1, 58, "Duplicate key 'a#S' — each key may appear only once in an object"],
  ])("%j → %i:%i %s", (text, line, column, message) => {
    expect(fails(text, "smithy")).toEqual({ ok: false, line, column, message });
  });
});

describe("hostile YAML", () => {
  it("refuses an alias bomb quickly instead of expanding it", () => {
    const lines = ["openapi: 3.0.3", "info: { title: t, version: '1' }", "paths: {}", `a0: &a0 [${Array(10).fill("x").join(",")}]`];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(",")}]`);
    const t0 = Date.now();
    const r = parseApiDocument(lines.join("\n"), "openapi");
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/expands to more than 200000 values/);
  });
});
