import { describe, expect, it } from "vitest";
import { lineAndColumn, parseJsonText } from "./json-text";

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
    ['{\n  "a": 1,\n}', 3, 1, "trailing comma before '}'"],
    ["[1,]", 1, 4, "trailing comma before ']'"],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, `unexpected '"': expected ',' or '}' after the value of "a"`],
    ["{'a': 1}", 1, 2, "strings and property names must use double quotes"],
    ["{a: 1}", 1, 2, "unexpected 'a': expected a double-quoted property name"],
    ['{"a" 1}', 1, 6, `unexpected '1': expected ':' after property name "a"`],
    ['{"a": }', 1, 7, "unexpected '}': expected a value"],
    ['{"a": 1', 1, 8, "unexpected end of input: expected ',' or '}' after the value of \"a\""],
    ['{"a": "x', 1, 7, "unterminated string"],
    ['{"a": "x\ny"}', 1, 9, "unescaped control character (such as a line break) inside a string"],
    ['"\\q"', 1, 2, "invalid escape sequence \\q"],
    ['"\\u12"', 1, 2, "invalid escape sequence \\u"],
    ["[1 2]", 1, 4, "unexpected '2': expected ',' or ']' in the array"],
    ["-", 1, 1, "invalid number"],
    ["01", 1, 2, "unexpected '1' after the end of the JSON value"],
    ['{} {"a":1}', 1, 4, "unexpected '{' after the end of the JSON value"],
    ['{\n  // note\n  "a": 1\n}', 2, 3, "comments are not allowed in JSON"],
    ["/* x */ {}", 1, 1, "comments are not allowed in JSON"],
    ["tru", 1, 1, "unexpected 't': expected a value"],
    ["", 1, 1, "unexpected end of input: a value is missing"],
    ['{"a":\n', 2, 1, "unexpected end of input: a value is missing"],
  ])("%j → line %i, column %i: %s", (text, line, column, message) => {
    const e = error(text);
    expect(e).toMatchObject({ line, column, message: `Invalid JSON at line ${line}, column ${column}: ${message}` });
    expect(lineAndColumn(text, e.position)).toEqual({ line, column });
  });

  it("refuses absurd nesting instead of overflowing the stack", () => {
    expect(error("[".repeat(10_000)).message).toContain("nested too deeply");
  });
});
