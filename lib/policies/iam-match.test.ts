import { describe, expect, it } from "vitest";
import { actionMatches, hasWildcard, resourceMatches, unescapeIamResource } from "./iam-match";

describe("actionMatches", () => {
  it.each([
    ["*", "lambda:InvokeFunction", true],
    ["lambda:*", "lambda:InvokeFunction", true],
    ["lambda:Invoke*", "lambda:InvokeFunction", true],
    ["lambda:invokefunction", "lambda:InvokeFunction", true],
    ["LAMBDA:INVOKEFUNCTION", "lambda:InvokeFunction", true],
    ["lambda:InvokeFunctio?", "lambda:InvokeFunction", true],
    ["lambda:Get*", "lambda:InvokeFunction", false],
    ["s3:*", "lambda:InvokeFunction", false],
    ["lambda:InvokeFunction", "lambda:InvokeFunctionUrl", false],
    ["sts:AssumeRole", "sts:AssumeRole", true],
    ["sts:Assume*", "sts:AssumeRoleWithWebIdentity", true],
    ["execute-api:Invoke", "execute-api:Invoke", true],
  ])("%s vs %s → %s", (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });
});

describe("resourceMatches", () => {
  const fn = "arn:aws:lambda:us-east-1:123456789012:function:f";
  it.each([
    ["*", fn, true],
    [fn, fn, true],
    [`${fn}*`, `${fn}:PROD`, true],
    ["arn:aws:lambda:*:*:function:*", `${fn}:PROD`, true],
    ["arn:aws:lambda:us-east-1:123456789012:function:*", fn, true],
    ["arn:aws:lambda:us-east-1:123456789012:function:F", fn, false],
    [fn, `${fn}:PROD`, false],
    [`${fn}:*`, fn, false],
    ["arn:aws:lambda:us-west-2:123456789012:function:f", fn, false],
    ["arn:aws:lambda:us-east-?:123456789012:function:f", fn, true],
    // A wildcard in one ARN segment does not swallow the next segments.
    ["arn:aws:*:123456789012:function:f", fn, false],
    ["arn:aws:lambda:*:function:f", fn, false],
    // A pattern with fewer than six parts is not an ARN pattern: it is matched as one glob.
    ["arn:aws:lambda:*", fn, true],
    ["arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b.json", true],
    ["arn:aws:s3:::bucket/*", "arn:aws:s3:::other/a.json", false],
    ["arn:aws-cn:s3:::bucket/*", "arn:aws:s3:::bucket/a.json", false],
    ["arn:aws:execute-api:us-east-1:123456789012:api/prod/*/*", "arn:aws:execute-api:us-east-1:123456789012:api/prod/*/*", true],
    ["arn:aws:execute-api:us-east-1:123456789012:api/*", "arn:aws:execute-api:us-east-1:123456789012:api/prod/*/*", true],
    ["arn:aws:execute-api:us-east-1:123456789012:api/dev/*", "arn:aws:execute-api:us-east-1:123456789012:api/prod/*/*", false],
  ])("%s vs %s → %s", (pattern, value, expected) => {
    expect(resourceMatches(pattern, value)).toBe(expected);
  });

  it("treats IAM escapes in the value as the literal characters", () => {
    expect(resourceMatches("arn:aws:s3:::b/v1/*", "arn:aws:s3:::b/v1/${*}.json")).toBe(true);
    expect(resourceMatches("arn:aws:s3:::b/v1/${*}.json", "arn:aws:s3:::b/v1/${*}.json")).toBe(true);
    expect(resourceMatches("arn:aws:s3:::b/v1/${*}.json", "arn:aws:s3:::b/v1/x.json")).toBe(false);
    expect(resourceMatches("arn:aws:s3:::b/${?}", "arn:aws:s3:::b/${?}")).toBe(true);
    expect(resourceMatches("arn:aws:s3:::b/${$}x", "arn:aws:s3:::b/${$}x")).toBe(true);
  });

  it("lets other policy variables match anything", () => {
    expect(resourceMatches("arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/alice/x")).toBe(true);
  });

  it("matches values that are not ARNs as plain globs", () => {
    expect(resourceMatches("abc*", "abcdef")).toBe(true);
    expect(resourceMatches("abc", "abcdef")).toBe(false);
  });

  it("escapes regular-expression characters", () => {
    expect(resourceMatches("arn:aws:s3:::b/a.json", "arn:aws:s3:::b/aXjson")).toBe(false);
    expect(resourceMatches("arn:aws:s3:::b/(x)+[y]", "arn:aws:s3:::b/(x)+[y]")).toBe(true);
  });
});

describe("hasWildcard / unescapeIamResource", () => {
  it.each([
    ["*", true],
    ["arn:aws:s3:::b/?", true],
    ["arn:aws:s3:::b/${aws:username}", true],
    ["arn:aws:s3:::b/${*}", false],
    ["arn:aws:s3:::b/${?}${$}", false],
    ["arn:aws:lambda:us-east-1:123456789012:function:f", false],
  ])("%s → %s", (pattern, expected) => {
    expect(hasWildcard(pattern)).toBe(expected);
  });

  it("resolves escapes", () => {
    expect(unescapeIamResource("a${*}b${?}c${$}d${x}")).toBe("a*b?c$d${x}");
  });
});
