// The position-keeping JSON parser: values equal JSON.parse's, offsets are exact, syntax errors are placed and explained.
import { describe, expect, it } from "vitest";
import { duplicateEntries, getEntry, jsonToValue, lineIndex, parseJsonWithPositions, positionAt, type JsonNode } from "./json-positions";

function error(text: string) {
  const r = parseJsonWithPositions(text);
  if (r.ok) throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
  return { line: r.error.line, column: r.error.column, message: r.error.message };
}

function root(text: string): JsonNode {
  const r = parseJsonWithPositions(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.root;
}

describe("lineIndex / positionAt", () => {
  it("maps offsets to 1-based lines and columns", () => {
    const at = lineIndex("ab\ncd\n\nef");
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(2)).toEqual({ line: 1, column: 3 });
    expect(at(3)).toEqual({ line: 2, column: 1 });
    expect(at(6)).toEqual({ line: 3, column: 1 });
    expect(at(8)).toEqual({ line: 4, column: 2 });
  });

  it("counts CRLF as one line break and clamps out-of-range offsets", () => {
    expect(positionAt("a\r\nb", 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt("ab", 99)).toEqual({ line: 1, column: 3 });
    expect(positionAt("ab", -5)).toEqual({ line: 1, column: 1 });
    expect(positionAt("", 0)).toEqual({ line: 1, column: 1 });
  });
});

describe("parseJsonWithPositions: values", () => {
  const samples = [
    "0",
    "-0",
    "12.5e-3",
    "1E+2",
    "-7",
    "true",
    "false",
    "null",
    '"plain"',
    '"esc \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00"',
    '"unicode é 😀"',
    "[]",
    "{}",
    '  [1, "two", {"three": [3]}, null, true]  ',
    '{"a": {"b": {"c": []}}, "d": -1.5}',
    '{"__proto__": {"x": 1}}',
    '\uFEFF{"bom": true}',
    '{\r\n  "crlf": 1\r\n}',
  ];
  it.each(samples)("matches JSON.parse for %j", (text) => {
    expect(jsonToValue(root(text))).toEqual(JSON.parse(text.replace(/^\uFEFF/, "")));
  });

  it("keeps a __proto__ key as data, as JSON.parse does", () => {
    const value = jsonToValue(root('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("records the offsets of every key and value", () => {
    const text = '{\n  "name": "x",\n  "list": [1, true]\n}';
    const node = root(text);
    expect(node).toMatchObject({ kind: "object", start: 0, end: text.length });
    if (node.kind !== "object") throw new Error();
    const [name, list] = node.entries;
    expect(name.keyStart).toBe(text.indexOf('"name"'));
    expect(name.value).toMatchObject({ kind: "string", value: "x", start: text.indexOf('"x"'), end: text.indexOf('"x"') + 3 });
    expect(list.value).toMatchObject({ kind: "array", start: text.indexOf("[") });
    if (list.value.kind !== "array") throw new Error();
    expect(list.value.items[0]).toMatchObject({ kind: "number", value: 1, start: text.indexOf("1") });
    expect(list.value.items[1]).toMatchObject({ kind: "boolean", value: true, start: text.indexOf("true"), end: text.indexOf("true") + 4 });
  });

  it("keeps duplicate keys; getEntry returns the last (as JSON.parse keeps it)", () => {
    const node = root('{"a": 1, "b": 2, "a": 3}');
    if (node.kind !== "object") throw new Error();
    expect(node.entries.map((e) => e.key)).toEqual(["a", "b", "a"]);
    expect(getEntry(node, "a")?.value).toMatchObject({ value: 3 });
    expect(getEntry(node, "c")).toBeUndefined();
    expect(duplicateEntries(node).map((e) => e.keyStart)).toEqual([17]);
    expect(jsonToValue(node)).toEqual({ a: 3, b: 2 });
  });
});

describe("parseJsonWithPositions: syntax errors", () => {
  it.each([
    // [text, line, column, message]
    ["[1, 2,]", 1, 6, "Unexpected ',' — a trailing comma is not allowed in JSON"],
    ['{\n  "a": 1,\n}', 2, 9, "Unexpected ',' — a trailing comma is not allowed in JSON"],
    ['[\n  {"name": "a"},\n  {"name": "b"},\n]', 3, 16, "Unexpected ',' — a trailing comma is not allowed in JSON"],
    ['{"name: "x"}', 1, 10, `Expected ':' after the key "name: " but found 'x' — is the key missing its closing '"'?`],
    ['{\n  "name": "get_order,\n  "description": "x"\n}', 2, 11, `Unterminated string — add the closing '"' (a line break inside a string must be written as \\n)`],
    ['{"a": "abc, "b": "c"}', 1, 14, `Unexpected 'b' — the string before it is probably missing its closing '"'`],
    ['{"a": "x', 1, 7, `Unterminated string — add the closing '"' (a line break inside a string must be written as \\n)`],
    ['{name: "x"}', 1, 2, `Unexpected 'name' — a key must be in double quotes ("name")`],
    ['{"a": abc}', 1, 7, `Unexpected 'abc' — text must be in double quotes ("abc")`],
    ["{'a': 1}", 1, 2, `Unexpected "'" — JSON keys use double quotes, not single quotes`],
    ["['a']", 1, 2, `Unexpected "'" — JSON strings use double quotes, not single quotes`],
    ["[\u201ca\u201d]", 1, 2, `Unexpected '\u201c' — use straight double quotes (") in JSON, not typographic quotes`],
    ['[{"a": 1}', 1, 1, "Unclosed '[' — the text ends before its matching ']'"],
    ['[\n  {"a": 1', 2, 3, "Unclosed '{' — the text ends before its matching '}'"],
    ['{"a": [1, 2', 1, 7, "Unclosed '[' — the text ends before its matching ']'"],
    ['{"a":', 1, 1, "Unclosed '{' — the text ends before its matching '}'"],
    ['{"a"', 1, 1, "Unclosed '{' — the text ends before its matching '}'"],
    ['{"a": 1]', 1, 8, "Unexpected ']' — the '{' at line 1, column 1 must be closed with '}' first"],
    ['[\n  {"a": 1]', 2, 10, "Unexpected ']' — the '{' at line 2, column 3 must be closed with '}' first"],
    ["[1}", 1, 3, "Unexpected '}' — the '[' at line 1, column 1 must be closed with ']' first"],
    ["[1 2]", 1, 4, "Missing ',' between two array items"],
    ['{"a": 1 "b": 2}', 1, 9, "Missing ',' between two properties"],
    ['{"a" 1}', 1, 6, `Expected ':' after the key "a" but found '1'`],
    ['{"a": 1 x}', 1, 9, "Unexpected 'x' — expected ',' or '}'"],
    ["[1 ;]", 1, 4, "Unexpected ';' — expected ',' or ']'"],
    ['{"a": }', 1, 7, "Unexpected '}' — expected a value"],
    ["[1,,2]", 1, 4, "Unexpected ',' — expected a value before it"],
    ["[,1]", 1, 2, "Unexpected ',' — expected a value before it"],
    ["{,}", 1, 2, "Unexpected ',' — expected a key in double quotes"],
    ["[True]", 1, 2, "Unexpected 'True' — JSON literals are lowercase: true, false and null"],
    ["[NULL]", 1, 2, "Unexpected 'NULL' — JSON literals are lowercase: true, false and null"],
    ["[undefined]", 1, 2, "Unexpected 'undefined' — JSON has no undefined: use null or a number"],
    ["[NaN]", 1, 2, "Unexpected 'NaN' — JSON has no NaN: use null or a number"],
    ["[-Infinity]", 1, 2, "Unexpected '-Infinity' — JSON has no Infinity: use null or a number"],
    ["[01]", 1, 2, "Leading zeros are not allowed in JSON numbers"],
    ["[-007]", 1, 3, "Leading zeros are not allowed in JSON numbers"],
    ["[1.]", 1, 3, "Expected a digit after the decimal point"],
    ["[1.2.3]", 1, 5, "Unexpected '.' — a number has at most one decimal point"],
    ["[1e]", 1, 3, "Expected a digit in the exponent"],
    ["[.5]", 1, 2, "Unexpected '.' — a number must start with a digit (write 0.5, not .5)"],
    ["[+1]", 1, 2, "Unexpected '+' — JSON numbers cannot start with '+'"],
    ["[-]", 1, 2, "Unexpected '-' — expected a digit after the minus sign"],
    ['["\\x"]', 1, 3, "Invalid escape '\\x' — valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (write \\\\ for a backslash)"],
    ['["\\u12g4"]', 1, 3, "Invalid Unicode escape — \\u must be followed by four hex digits"],
    ['["a\tb"]', 1, 4, "A tab inside a string must be written as \\t"],
    ['["a\u0001"]', 1, 4, "The control character U+0001 must be escaped inside a string"],
    ["[1]]", 1, 4, "Unexpected ']' after the end of the JSON value"],
    ['{"a": 1},\n{"b": 2}', 1, 9, "Unexpected ',' after the end of the JSON value — to list several values, wrap them in [ ]"],
    ["// tools\n[]", 1, 1, "Comments are not allowed in JSON"],
    ["[1, /* two */ 2]", 1, 5, "Comments are not allowed in JSON"],
    ["[\u00a01]", 1, 2, "Unexpected non-breaking space (U+00A0) — only spaces, tabs and line breaks may separate JSON tokens"],
    ["[1\u200b]", 1, 3, "Unexpected invisible character U+200B — only spaces, tabs and line breaks may separate JSON tokens"],
    ["[@]", 1, 2, "Unexpected '@' — expected a value (a string, number, object, array, true, false or null)"],
    ["", 1, 1, "The text is empty — expected a JSON value"],
    [" \n  ", 1, 1, "The text is empty — expected a JSON value"],
  ] as const)("%j → %i:%i %s", (text, line, column, message) => {
    expect(error(text)).toEqual({ line, column, message });
  });

  it("places errors after astral characters in UTF-16 code units, as editors count them", () => {
    expect(error('["😀", x]')).toMatchObject({ line: 1, column: 8 });
  });

  it("refuses absurd nesting with a placed error instead of overflowing the stack", () => {
    const deep = "[".repeat(600) + "]".repeat(600);
    expect(error(deep)).toEqual({ line: 1, column: 513, message: "Nesting is too deep — more than 512 levels of objects and arrays" });
    expect(() => root("[".repeat(500) + "]".repeat(500))).not.toThrow();
  });

  it("returns the offset with the position", () => {
    const r = parseJsonWithPositions("[1,]");
    expect(r).toEqual({ ok: false, error: { offset: 2, line: 1, column: 3, message: "Unexpected ',' — a trailing comma is not allowed in JSON" } });
  });
});
