import { describe, expect, it } from "vitest";
import { parsePolicyDocument, readPolicyValue } from "./parse-policy";

describe("parsePolicyDocument", () => {
  it("accepts Statement as an array", () => {
    const result = parsePolicyDocument('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}');
    expect(result).toStrictEqual({
      ok: true,
      policy: {
        document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] },
        statements: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }],
        duplicateKeys: [],
      },
    });
  });

  it("accepts Statement as a single object", () => {
    const result = parsePolicyDocument('{"Statement":{"Effect":"Deny","Action":["a:b"],"Resource":"*"}}');
    expect(result.ok && result.policy.statements).toEqual([{ Effect: "Deny", Action: ["a:b"], Resource: "*" }]);
  });

  it("passes duplicate keys along", () => {
    const result = parsePolicyDocument('{"Statement":{"Effect":"Allow","Effect":"Deny"}}');
    expect(result.ok && result.policy.duplicateKeys).toEqual([{ path: "Statement", key: "Effect", line: 1, column: 32 }]);
  });

  it("gives the JSON position of a syntax error", () => {
    expect(parsePolicyDocument('{\n  "Version": "2012-10-17"\n  "Statement": []\n}')).toStrictEqual({
      ok: false,
      error: {
        kind: "json",
        message: "Invalid JSON at line 3, column 3: Missing ',' between two properties",
        line: 3,
        column: 3,
        position: 30,
      },
    });
  });

  it.each(["", "   \n\t"])("asks for text when given %j", (text) => {
    expect(parsePolicyDocument(text)).toStrictEqual({
      ok: false,
      error: { kind: "json", message: "Nothing to check: the text is empty", line: 1, column: 1, position: 0 },
    });
  });

  it.each([
    ["[]", "Not a policy: expected a JSON object with Version and Statement, got an array"],
    ['"policy"', "Not a policy: expected a JSON object with Version and Statement, got a string"],
    ["null", "Not a policy: expected a JSON object with Version and Statement, got null"],
    ["42", "Not a policy: expected a JSON object with Version and Statement, got a number"],
    ['{"Version":"2012-10-17"}', "Not a policy: Statement missing"],
    ['{"statement":[]}', 'Not a policy: Statement missing (found "statement"; IAM element names are case-sensitive)'],
    ['{"Statement":"Allow"}', "Not a policy: Statement must be an object or an array of objects, got a string"],
    ['{"Statement":null}', "Not a policy: Statement must be an object or an array of objects, got null"],
    ['{"Statement":[]}', "Not a policy: Statement is an empty array"],
    ['{"Statement":[{}, "x"]}', "Not a policy: Statement[1] must be an object, got a string"],
    ['{"Statement":[[]]}', "Not a policy: Statement[0] must be an object, got an array"],
  ])("%s → %s", (text, message) => {
    expect(parsePolicyDocument(text)).toStrictEqual({ ok: false, error: { kind: "policy", message } });
  });
});

describe("readPolicyValue", () => {
  it("checks already-parsed values the same way", () => {
    expect(readPolicyValue({ Version: "2012-10-17" })).toStrictEqual({
      ok: false,
      error: { kind: "policy", message: "Not a policy: Statement missing" },
    });
    expect(readPolicyValue(undefined)).toMatchObject({ ok: false, error: { message: "Not a policy: expected a JSON object with Version and Statement, got a undefined" } });
  });
});
