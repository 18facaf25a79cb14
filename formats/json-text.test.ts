// The policy-document face of the one JSON parser: plain value, duplicate keys with paths, placed errors.
import { describe, expect, it } from "vitest";
import { lineAndColumn, parseJsonText } from "./json-positions";

function error(text: string) {
  const result = parseJsonText(text);
  if (result.ok) throw new Error("expected a parse error");
  return result.error;
}

describe("parseJsonText: values", () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ["[1, 2.5, -3e2, 0]", [1, 2.5, -300, 0]],
    ['"x"', "x"],
    ["true", true],
    ["false", false],
    ["null", null],
    [' \t\r\n{ "nested": { "list": [ {}, [] ] } } \n', { nested: { list: [{}, []] } }],
    ['"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9"', '"\\/\b\f\n\r\té'],
  ])("parses %j like JSON.parse", (text, value) => {
    expect(parseJsonText(text)).toStrictEqual({ ok: true, value, duplicateKeys: [] });
    expect(value).toStrictEqual(JSON.parse(text));
  });

  it("skips a byte order mark", () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toMatchObject({ ok: true, value: { a: 1 } });
  });

  it("keeps __proto__ as an ordinary key", () => {
    const result = parseJsonText('{"__proto__": {"polluted": true}}');
    expect(result.ok && Object.keys(result.value as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports duplicate keys with their path and place", () => {
    const text = '{\n  "Statement": [\n    { "Effect": "Allow", "Effect": "Deny" }\n  ],\n  "Statement": []\n}';
    const result = parseJsonText(text);
    expect(result.ok && result.duplicateKeys).toEqual([
      { path: "Statement[0]", key: "Effect", line: 3, column: 26 },
      { path: "", key: "Statement", line: 5, column: 3 },
    ]);
  });
});

describe("parseJsonText: errors point at the exact place", () => {
  it.each([
    ['{\n  "a": 1,\n}', 2, 9, "Unexpected ',' — a trailing comma is not allowed in JSON"],
    ["[1,]", 1, 3, "Unexpected ',' — a trailing comma is not allowed in JSON"],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "Missing ',' between two properties"],
    ["{'a': 1}", 1, 2, `Unexpected "'" — JSON keys use double quotes, not single quotes`],
    ["{a: 1}", 1, 2, `Unexpected 'a' — a key must be in double quotes ("a")`],
    ['{"a" 1}', 1, 6, `Expected ':' after the key "a" but found '1'`],
    ['{"a": }', 1, 7, "Unexpected '}' — expected a value"],
    ['{"a": 1', 1, 1, "Unclosed '{' — the text ends before its matching '}'"],
    ['{"a": "x', 1, 7, `Unterminated string — add the closing '"' (a line break inside a string must be written as \\n)`],
    ['{"a": "x\ny"}', 1, 7, `Unterminated string — add the closing '"' (a line break inside a string must be written as \\n)`],
    ['"\\q"', 1, 2, `Invalid escape '\\q' — valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX (write \\\\ for a backslash)`],
    ['"\\u12"', 1, 2, "Invalid Unicode escape — \\u must be followed by four hex digits"],
    ["[1 2]", 1, 4, "Missing ',' between two array items"],
    ["-", 1, 1, "Unexpected '-' — expected a digit after the minus sign"],
    ["01", 1, 1, "Leading zeros are not allowed in JSON numbers"],
    ['{} {"a":1}', 1, 4, "Unexpected '{' after the end of the JSON value"],
    ['{\n  // note\n  "a": 1\n}', 2, 3, "Comments are not allowed in JSON"],
    ["/* x */ {}", 1, 1, "Comments are not allowed in JSON"],
    ["tru", 1, 1, `Unexpected 'tru' — text must be in double quotes ("tru")`],
    ["", 1, 1, "The text is empty — expected a JSON value"],
    ['{"a":\n', 1, 1, "Unclosed '{' — the text ends before its matching '}'"],
  ])("%j → line %i, column %i: %s", (text, line, column, message) => {
    const e = error(text);
    expect(e).toMatchObject({ line, column, message: `Invalid JSON at line ${line}, column ${column}: ${message}` });
    expect(lineAndColumn(text, e.position)).toEqual({ line, column });
  });

  it("refuses absurd nesting instead of overflowing the stack", () => {
    expect(error("[".repeat(10_000)).message).toContain("Nesting is too deep");
  });
});
