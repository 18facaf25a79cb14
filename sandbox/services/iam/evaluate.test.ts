import { describe, expect, it } from "vitest";
import { actionMatches, arnMatches, canAssume, evaluatePolicies, failingCondition, type PolicyDocument, type PolicyStatement } from "./evaluate";

const FN = "arn:aws:lambda:us-east-1:123456789012:function:weather";
const GATEWAY = "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/weather-abcde12345";
const invoke = { action: "lambda:InvokeFunction", resource: FN, context: {} };

const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({ Version: "2012-10-17", Statement });
const one = (st: PolicyStatement, request: Partial<typeof invoke> & { context?: Record<string, string | string[]> } = {}) =>
  evaluatePolicies([{ name: "p", document: doc(st) }], { ...invoke, ...request }).decision;

describe("actionMatches", () => {
  it.each([
    ["lambda:InvokeFunction", "lambda:InvokeFunction", true],
    ["Lambda:invokefunction", "lambda:InvokeFunction", true],
    ["lambda:Invoke*", "lambda:InvokeFunction", true],
    ["lambda:*", "lambda:InvokeFunction", true],
    ["*", "lambda:InvokeFunction", true],
    ["lambda:Invoke?unction", "lambda:InvokeFunction", true],
    ["lambda:Invoke?", "lambda:InvokeFunction", false],
    ["lambda:InvokeFunctionUrl", "lambda:InvokeFunction", false],
    ["lambda:InvokeFunction", "lambda:InvokeFunctionUrl", false],
    ["s3:*", "lambda:InvokeFunction", false],
    ["*:InvokeFunction", "lambda:InvokeFunction", true],
    ["lambda.InvokeFunction", "lambdaxInvokeFunction", false],
  ])("%s vs %s → %s", (pattern, action, expected) => expect(actionMatches(pattern, action)).toBe(expected));
});

describe("arnMatches", () => {
  it.each([
    ["*", FN, true],
    [FN, FN, true],
    ["arn:aws:lambda:us-east-1:123456789012:function:Weather", FN, false], // case-sensitive
    ["arn:aws:lambda:*:123456789012:function:weather", FN, true],
    ["arn:aws:lambda:us-east-1:*:function:*", FN, true],
    ["arn:aws:lambda:us-east-1:123456789012:function:*", `${FN}:prod`, true], // a trailing * crosses colons
    ["arn:aws:lambda:us-east-1:123456789012:function:weath*", `${FN}:prod`, true],
    ["arn:aws:lambda:us-east-1:123456789012:function:w*r", `${FN}:prod`, false],
    [FN, `${FN}:prod`, false],
    ["arn:aws:lambda:us-east-1:123456789012:*r", FN, false], // a * inside a segment stays in it
    ["arn:aws:lambda:us-east-1:123456789012:*", FN, true],
    ["arn:aws:lambda:us-east-?:123456789012:function:weather", FN, true],
    ["arn:aws:lambda:us-east-1?123456789012:function:weather", FN, false], // ? is not a colon
    ["arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/weather-??????????", GATEWAY, true],
    ["arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/weather-??????????", GATEWAY.replace("weather-", "weather-prod-"), false],
    ["arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/weather-*", GATEWAY.replace("weather-", "weather-prod-"), true],
    ["arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c.json", true],
    ["arn:aws:s3:::bucket/(.*)", "arn:aws:s3:::bucket/x", false], // regex characters are literal
  ])("%s vs %s → %s", (pattern, arn, expected) => expect(arnMatches(pattern, arn)).toBe(expected));
});

describe("hostile patterns", () => {
  it("matches many-star patterns against long values in linear passes, not exponential backtracking", () => {
    const pattern = "*a".repeat(40) + "*b";
    const value = "a".repeat(5000);
    const started = performance.now();
    expect(actionMatches(pattern, value)).toBe(false);
    expect(arnMatches(`arn:aws:s3:::${pattern}`, `arn:aws:s3:::${value}`)).toBe(false);
    expect(failingCondition({ StringLike: { k: pattern } }, { k: value })).toBe("StringLike k");
    expect(actionMatches(pattern, `${value}b`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("takes regex metacharacters and unicode literally", () => {
    expect(actionMatches("s3:Get[a-z]+", "s3:Getx")).toBe(false);
    expect(actionMatches("s3:Get[a-z]+", "s3:get[A-Z]+")).toBe(true);
    expect(arnMatches("arn:aws:s3:::b/é*", "arn:aws:s3:::b/été")).toBe(true);
    expect(arnMatches("arn:aws:s3:::b/$^", "arn:aws:s3:::b/$^")).toBe(true);
    expect(actionMatches("", "")).toBe(true);
    expect(actionMatches("", "s3:x")).toBe(false);
  });
});

describe("evaluatePolicies: effects", () => {
  it("allows with a matching Allow and names the statement", () => {
    const r = evaluatePolicies([{ name: "inline-a", document: doc({ Sid: "Invoke", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: FN }) }], invoke);
    expect(r).toMatchObject({ decision: "allow", statement: { policy: "inline-a", sid: "Invoke", index: 1 } });
    expect(r.reason).toBe(`lambda:InvokeFunction on ${FN} is allowed by statement "Invoke" of policy inline-a`);
  });

  it("denies implicitly with no statement, saying what was asked", () => {
    const r = evaluatePolicies([{ name: "p", document: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }) }], invoke);
    expect(r).toEqual({ decision: "implicit-deny", reason: `no statement allows lambda:InvokeFunction on ${FN}` });
    expect(evaluatePolicies([], invoke).decision).toBe("implicit-deny");
  });

  it("lets an explicit Deny in any policy win over an Allow in another, whatever the order", () => {
    const allow = { name: "allow", document: doc({ Effect: "Allow", Action: "*", Resource: "*" }) };
    const deny = { name: "guard", document: doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }, { Effect: "Deny", Action: "lambda:*", Resource: FN }) };
    for (const policies of [[allow, deny], [deny, allow]]) {
      const r = evaluatePolicies(policies, invoke);
      expect(r.decision).toBe("explicit-deny");
      expect(r.statement).toEqual({ policy: "guard", index: 2 });
      expect(r.reason).toBe(`lambda:InvokeFunction on ${FN} is explicitly denied by statement 2 of policy guard`);
    }
  });

  it("ignores a Deny whose resource or condition does not match", () => {
    const policies = [{ name: "p", document: doc({ Effect: "Allow", Action: "lambda:*", Resource: "*" }, { Effect: "Deny", Action: "lambda:*", Resource: `${FN}-other` }, { Effect: "Deny", Action: "lambda:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }) }];
    expect(evaluatePolicies(policies, { ...invoke, context: { "aws:SecureTransport": "true" } }).decision).toBe("allow");
  });

  it("accepts a single statement object and single-string values", () => {
    expect(evaluatePolicies([{ name: "p", document: { Statement: { Effect: "Allow", Action: "lambda:InvokeFunction", Resource: FN } } }], invoke).decision).toBe("allow");
  });

  it("accepts arrays of actions and resources (any one matches)", () => {
    expect(one({ Effect: "Allow", Action: ["s3:GetObject", "lambda:InvokeFunction"], Resource: ["arn:aws:s3:::b/*", FN] })).toBe("allow");
    expect(one({ Effect: "Allow", Action: ["s3:GetObject", "lambda:GetFunction"], Resource: [FN] })).toBe("implicit-deny");
  });

  it("applies NotAction and NotResource", () => {
    expect(one({ Effect: "Allow", NotAction: "iam:*", Resource: "*" })).toBe("allow");
    expect(one({ Effect: "Allow", NotAction: ["iam:*", "lambda:Invoke*"], Resource: "*" })).toBe("implicit-deny");
    expect(one({ Effect: "Allow", Action: "lambda:*", NotResource: "arn:aws:lambda:*:*:function:secret-*" })).toBe("allow");
    expect(one({ Effect: "Allow", Action: "lambda:*", NotResource: "arn:aws:lambda:*:*:function:weath*" })).toBe("implicit-deny");
    const denyAllBut = { name: "p", document: doc({ Effect: "Allow", Action: "*", Resource: "*" }, { Effect: "Deny", NotAction: "s3:*", Resource: "*" }) };
    expect(evaluatePolicies([denyAllBut], invoke).decision).toBe("explicit-deny");
  });

  it("never lets a malformed statement allow or deny", () => {
    const bad: PolicyStatement[] = [
      { Effect: "allow", Action: "*", Resource: "*" }, // Effect is case-sensitive
      { Effect: "Allow", Action: "*" }, // no resource
      { Effect: "Allow", Resource: "*" }, // no action
      { Effect: "Allow", Action: "*", NotAction: "s3:*", Resource: "*" } as PolicyStatement,
      { Effect: "Allow", Action: [1] as unknown as string[], Resource: "*" },
      { Effect: "Allow", Action: "*", Resource: { a: 1 } as unknown as string },
    ];
    for (const st of bad) expect(one(st)).toBe("implicit-deny");
    expect(one({ Effect: "Deny", Action: "*" })).toBe("implicit-deny");
    for (const document of [null, 3, "x", [], { Statement: "x" }, { Statement: [null, 1, "a"] }] as unknown as PolicyDocument[]) {
      expect(evaluatePolicies([{ name: "p", document }], invoke).decision).toBe("implicit-deny");
    }
  });

  it("treats policy variables literally", () => {
    expect(one({ Effect: "Allow", Action: "*", Resource: "arn:aws:lambda:us-east-1:123456789012:function:${aws:username}" })).toBe("implicit-deny");
    expect(one({ Effect: "Allow", Action: "*", Resource: "*" }, { resource: "arn:aws:lambda:us-east-1:123456789012:function:${aws:username}" })).toBe("allow");
  });
});

describe("conditions", () => {
  const holds = (Condition: PolicyStatement["Condition"], context: Record<string, string | string[]>) => failingCondition(Condition, context) === undefined;

  it("StringEquals: exact, case-sensitive values; the key name is case-insensitive", () => {
    expect(holds({ StringEquals: { "aws:SourceAccount": "123456789012" } }, { "aws:SourceAccount": "123456789012" })).toBe(true);
    expect(holds({ StringEquals: { "AWS:sourceaccount": "123456789012" } }, { "aws:SourceAccount": "123456789012" })).toBe(true);
    expect(holds({ stringequals: { "aws:SourceAccount": "123456789012" } }, { "aws:SourceAccount": "123456789012" })).toBe(true);
    expect(holds({ StringEquals: { k: "Abc" } }, { k: "abc" })).toBe(false);
    expect(holds({ StringEquals: { k: "abc" } }, {})).toBe(false);
    expect(holds({ StringEquals: { k: 123456789012 } }, { k: "123456789012" })).toBe(true);
  });

  it("multiple values are ORed, multiple keys and operators ANDed", () => {
    expect(holds({ StringEquals: { k: ["a", "b"] } }, { k: "b" })).toBe(true);
    expect(holds({ StringEquals: { k: ["a", "b"] } }, { k: "c" })).toBe(false);
    expect(holds({ StringEquals: { k: "a", j: "b" } }, { k: "a", j: "b" })).toBe(true);
    expect(holds({ StringEquals: { k: "a", j: "b" } }, { k: "a", j: "x" })).toBe(false);
    expect(holds({ StringEquals: { k: "a" }, StringLike: { j: "b*" } }, { k: "a", j: "bee" })).toBe(true);
    expect(holds({ StringEquals: { k: "a" }, StringLike: { j: "b*" } }, { k: "a", j: "zee" })).toBe(false);
  });

  it("negated operators: no value may match (NOR), and a missing key holds", () => {
    expect(holds({ StringNotEquals: { k: ["a", "b"] } }, { k: "c" })).toBe(true);
    expect(holds({ StringNotEquals: { k: ["a", "b"] } }, { k: "b" })).toBe(false);
    expect(holds({ StringNotEquals: { k: "a" } }, {})).toBe(true);
    expect(holds({ StringNotLike: { k: "a*" } }, { k: "abc" })).toBe(false);
    expect(holds({ StringNotLike: { k: "a*" } }, { k: "bcd" })).toBe(true);
    expect(holds({ StringNotEqualsIgnoreCase: { k: "ABC" } }, { k: "abc" })).toBe(false);
    expect(holds({ ArnNotLike: { k: "arn:aws:s3:::x/*" } }, { k: "arn:aws:s3:::y/1" })).toBe(true);
    expect(holds({ ArnNotEquals: { k: FN } }, { k: FN })).toBe(false);
    expect(holds({ NumericNotEquals: { k: "3" } }, { k: "4" })).toBe(true);
  });

  it("StringEqualsIgnoreCase and StringLike", () => {
    expect(holds({ StringEqualsIgnoreCase: { k: "ABC" } }, { k: "abc" })).toBe(true);
    expect(holds({ StringLike: { k: "ab?d*" } }, { k: "abcdef" })).toBe(true);
    expect(holds({ StringLike: { k: "ab?d*" } }, { k: "abdef" })).toBe(false);
    expect(holds({ StringLike: { k: "A*" } }, { k: "abc" })).toBe(false);
    expect(holds({ StringLike: { k: "a.c" } }, { k: "abc" })).toBe(false);
  });

  it("ArnLike / ArnEquals follow ARN segments (the confused-deputy pattern)", () => {
    const pattern = "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/weather-??????????";
    expect(holds({ ArnLike: { "aws:SourceArn": pattern } }, { "aws:SourceArn": GATEWAY })).toBe(true);
    expect(holds({ ArnLike: { "aws:SourceArn": pattern } }, { "aws:SourceArn": GATEWAY.replace("weather-", "weather-prod-") })).toBe(false);
    expect(holds({ ArnEquals: { "aws:SourceArn": "arn:aws:bedrock-agentcore:*:123456789012:gateway/*" } }, { "aws:SourceArn": GATEWAY })).toBe(true);
    expect(holds({ ArnLike: { "aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:999999999999:gateway/*" } }, { "aws:SourceArn": GATEWAY })).toBe(false);
    expect(holds({ ArnLike: { "aws:SourceArn": "*" } }, { "aws:SourceArn": GATEWAY })).toBe(true);
  });

  it("Bool and Null", () => {
    expect(holds({ Bool: { "aws:SecureTransport": "true" } }, { "aws:SecureTransport": "true" })).toBe(true);
    expect(holds({ Bool: { "aws:SecureTransport": true } }, { "aws:SecureTransport": "TRUE" })).toBe(true);
    expect(holds({ Bool: { "aws:SecureTransport": "true" } }, { "aws:SecureTransport": "false" })).toBe(false);
    expect(holds({ Bool: { "aws:SecureTransport": "true" } }, {})).toBe(false);
    expect(holds({ Null: { k: "true" } }, {})).toBe(true);
    expect(holds({ Null: { k: "true" } }, { k: "x" })).toBe(false);
    expect(holds({ Null: { k: "false" } }, { k: "x" })).toBe(true);
    expect(holds({ Null: { k: false } }, {})).toBe(false);
    expect(holds({ Null: { k: "maybe" } }, {})).toBe(false);
  });

  it("numeric and date operators", () => {
    expect(holds({ NumericEquals: { k: "10" } }, { k: "10.0" })).toBe(true);
    expect(holds({ NumericLessThan: { k: 10 } }, { k: "9" })).toBe(true);
    expect(holds({ NumericLessThan: { k: 10 } }, { k: "10" })).toBe(false);
    expect(holds({ NumericLessThanEquals: { k: 10 } }, { k: "10" })).toBe(true);
    expect(holds({ NumericGreaterThan: { k: 10 } }, { k: "11" })).toBe(true);
    expect(holds({ NumericGreaterThanEquals: { k: 10 } }, { k: "9" })).toBe(false);
    expect(holds({ NumericEquals: { k: "x" } }, { k: "x" })).toBe(false);
    expect(holds({ NumericEquals: { k: "1" } }, { k: "" })).toBe(false);
    expect(holds({ DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } }, { "aws:CurrentTime": "2025-06-01T00:00:00Z" })).toBe(true);
    expect(holds({ DateGreaterThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } }, { "aws:CurrentTime": "2025-06-01T00:00:00Z" })).toBe(false);
    expect(holds({ DateEquals: { k: "1700000000" } }, { k: "2023-11-14T22:13:20Z" })).toBe(true);
  });

  it("...IfExists holds when the key is missing and checks it when present", () => {
    expect(holds({ StringEqualsIfExists: { k: "a" } }, {})).toBe(true);
    expect(holds({ StringEqualsIfExists: { k: "a" } }, { k: "b" })).toBe(false);
    expect(holds({ ArnLikeIfExists: { k: "arn:aws:s3:::b/*" } }, { k: "arn:aws:s3:::b/1" })).toBe(true);
    expect(holds({ StringNotEqualsIfExists: { k: "a" } }, { k: "a" })).toBe(false);
  });

  it("ForAnyValue / ForAllValues over multi-valued keys", () => {
    const tags = { "aws:TagKeys": ["env", "team"] };
    expect(holds({ "ForAnyValue:StringEquals": { "aws:TagKeys": ["team", "x"] } }, tags)).toBe(true);
    expect(holds({ "ForAnyValue:StringEquals": { "aws:TagKeys": ["x"] } }, tags)).toBe(false);
    expect(holds({ "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "team", "cost"] } }, tags)).toBe(true);
    expect(holds({ "ForAllValues:StringEquals": { "aws:TagKeys": ["env"] } }, tags)).toBe(false);
    expect(holds({ "ForAllValues:StringEquals": { "aws:TagKeys": ["env"] } }, {})).toBe(true); // vacuous
    expect(holds({ "ForAnyValue:StringEquals": { "aws:TagKeys": ["env"] } }, {})).toBe(false);
    expect(holds({ "ForAllValues:StringEquals": { "aws:TagKeys": ["env"] } }, { "aws:TagKeys": [] })).toBe(true);
    expect(holds({ "ForAllValues:StringNotEquals": { "aws:TagKeys": ["secret"] } }, tags)).toBe(true);
    expect(holds({ "ForAnyValue:StringNotEquals": { "aws:TagKeys": ["env"] } }, tags)).toBe(true);
    expect(holds({ "ForAnyValue:StringNotEquals": { "aws:TagKeys": ["env", "team"] } }, tags)).toBe(false);
    expect(holds({ "foranyvalue:stringlike": { "aws:TagKeys": "te*" } }, tags)).toBe(true);
    // A plain operator on a multi-valued key: any value matching is enough.
    expect(holds({ StringEquals: { "aws:TagKeys": "team" } }, tags)).toBe(true);
    expect(holds({ StringNotEquals: { "aws:TagKeys": "team" } }, tags)).toBe(false);
  });

  it("names the failing entry, and fails closed on unknown or malformed blocks", () => {
    expect(failingCondition({ StringEquals: { a: "1" }, ArnLike: { "aws:SourceArn": "arn:aws:x:::y" } }, { a: "1", "aws:SourceArn": "z" })).toBe("ArnLike aws:SourceArn");
    expect(holds({ IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, { "aws:SourceIp": "10.1.1.1" })).toBe(false);
    expect(holds({ MadeUp: { k: "a" } }, { k: "a" })).toBe(false);
    expect(holds({ StringEquals: "a" } as unknown as PolicyStatement["Condition"], {})).toBe(false);
    expect(holds("x" as unknown as PolicyStatement["Condition"], {})).toBe(false);
    expect(holds({ StringEquals: { k: [] } }, { k: "a" })).toBe(false);
    expect(holds({ StringEquals: { k: { a: 1 } as unknown as string } }, { k: "a" })).toBe(false);
    expect(holds({}, {})).toBe(true);
  });

  it("conditions decide whether a statement applies", () => {
    const st: PolicyStatement = { Effect: "Allow", Action: "lambda:InvokeFunction", Resource: FN, Condition: { StringEquals: { "aws:ResourceAccount": "123456789012" } } };
    expect(one(st, { context: { "aws:ResourceAccount": "123456789012" } })).toBe("allow");
    expect(one(st, { context: { "aws:ResourceAccount": "999999999999" } })).toBe("implicit-deny");
  });

  it("does not read condition keys from the prototype chain", () => {
    expect(holds({ Null: { constructor: "false" } }, {})).toBe(false);
    const proto = JSON.parse('{"StringEquals":{"__proto__":"x"}}');
    expect(holds(proto, JSON.parse('{"__proto__":"x"}'))).toBe(true);
    expect(holds(proto, JSON.parse('{"__proto__":"y"}'))).toBe(false);
    expect(holds(proto, {})).toBe(false);
  });
});

describe("canAssume", () => {
  const consoleTrust = (sourceArn: string): PolicyDocument =>
    doc({
      Sid: "AllowAgentCoreGatewayAssumeRole",
      Effect: "Allow",
      Principal: { Service: "bedrock-agentcore.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": sourceArn } },
    });
  const request = { servicePrincipal: "bedrock-agentcore.amazonaws.com", sourceAccount: "123456789012", sourceArn: GATEWAY };

  it("allows the service for a gateway the conditions name", () => {
    const exact = canAssume(consoleTrust("arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/weather-??????????"), request);
    expect(exact).toEqual({ allowed: true, reason: 'bedrock-agentcore.amazonaws.com may sts:AssumeRole by statement "AllowAgentCoreGatewayAssumeRole" of the trust policy' });
    expect(canAssume(consoleTrust(GATEWAY), request).allowed).toBe(true);
    expect(canAssume(consoleTrust("arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/*"), request).allowed).toBe(true);
  });

  it("refuses a gateway of another name, saying which condition failed", () => {
    const r = canAssume(consoleTrust("arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/weather-??????????"), { ...request, sourceArn: GATEWAY.replace("weather-", "weather-prod-") });
    expect(r.allowed).toBe(false);
    expect(r.reason).toBe(
      `the trust policy does not allow bedrock-agentcore.amazonaws.com for gateway ${GATEWAY.replace("weather-", "weather-prod-")} in account 123456789012 (ArnLike aws:SourceArn does not match)`,
    );
  });

  it("refuses another account", () => {
    const r = canAssume(consoleTrust("arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/*"), { ...request, sourceAccount: "999999999999" });
    expect(r).toMatchObject({ allowed: false });
    expect(r.reason).toContain("StringEquals aws:SourceAccount does not match");
  });

  it("refuses another service principal or another action", () => {
    const lambdaTrust = doc({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" });
    expect(canAssume(lambdaTrust, request)).toEqual({ allowed: false, reason: "the trust policy does not allow bedrock-agentcore.amazonaws.com to sts:AssumeRole" });
    const tagOnly = doc({ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:TagSession" });
    expect(canAssume(tagOnly, request).allowed).toBe(false);
    const awsPrincipal = doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" });
    expect(canAssume(awsPrincipal, request).allowed).toBe(false);
  });

  it("accepts principal arrays, wildcard actions and no conditions", () => {
    expect(canAssume(doc({ Effect: "Allow", Principal: { Service: ["lambda.amazonaws.com", "bedrock-agentcore.amazonaws.com"] }, Action: ["sts:TagSession", "sts:AssumeRole"] }), request).allowed).toBe(true);
    expect(canAssume(doc({ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:*" }), request).allowed).toBe(true);
    expect(canAssume(doc({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }), request).allowed).toBe(true);
    expect(canAssume({ Statement: { Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole" } }, request).allowed).toBe(true);
  });

  it("lets a Deny in the trust policy win", () => {
    const trust = doc(
      { Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole" },
      { Sid: "NoProd", Effect: "Deny", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { ArnLike: { "aws:SourceArn": "*:gateway/weather-*" } } },
    );
    expect(canAssume(trust, request)).toEqual({ allowed: false, reason: 'the trust policy explicitly denies bedrock-agentcore.amazonaws.com sts:AssumeRole (statement "NoProd")' });
    expect(canAssume(trust, { ...request, sourceArn: GATEWAY.replace("weather-", "other-") }).allowed).toBe(true);
  });

  it("refuses a malformed or empty trust policy", () => {
    for (const trust of [{}, { Statement: [] }, null, { Statement: [{ Effect: "Allow", Action: "sts:AssumeRole" }] }] as unknown as PolicyDocument[]) {
      expect(canAssume(trust, request).allowed).toBe(false);
    }
  });
});
