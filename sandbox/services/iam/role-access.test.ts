import { describe, expect, it } from "vitest";
import { Store } from "../../core/store";
import { authorizeGatewayRole, parsePolicyText, rolePolicies } from "./role-access";
import { iamState, roleArn, roleKey, setOwn, type RoleRecord } from "./models";

const ACCOUNT = "123456789012";
const GATEWAY = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:gateway/weather-abcde12345`;
const FN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:weather`;
const TRUST = JSON.stringify({
  Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } }],
});
const INVOKE = JSON.stringify({ Statement: [{ Sid: "Invoke", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: FN }] });

/** A role put straight into the state, the way the IAM handlers store it (documents as text). */
function seed(store: Store, name: string, more: Partial<RoleRecord> = {}): RoleRecord {
  const role: RoleRecord = {
    Path: "/",
    RoleName: name,
    RoleId: "AROAAAAAAAAAAAAAAAAAA",
    Arn: roleArn("/", name),
    CreateDate: "2025-01-01T00:00:00.000Z",
    AssumeRolePolicyDocument: TRUST,
    MaxSessionDuration: 3600,
    Tags: [],
    RoleLastUsed: {},
    inlinePolicies: { invoke: { PolicyName: "invoke", PolicyDocument: INVOKE } },
    attachedPolicies: [],
    attachSeq: 0,
    ...more,
  };
  setOwn(iamState(store).roles, roleKey(name), role);
  return role;
}

const call = { action: "lambda:InvokeFunction", resource: FN };
const authorize = (store: Store, name: string, c: { action: string; resource: string; context?: Record<string, string> } = call) =>
  authorizeGatewayRole(store, { accountId: ACCOUNT, region: "us-east-1", roleArn: roleArn("/", name), gatewayArn: GATEWAY }, c);

describe("parsePolicyText", () => {
  it("parses objects and refuses everything else without throwing", () => {
    expect(parsePolicyText(INVOKE)).toMatchObject({ Statement: [{ Sid: "Invoke" }] });
    for (const text of ["", "nope", "[]", "null", "3", '"x"', undefined, 42, "[".repeat(200) + "]".repeat(200), `{"a":${"[".repeat(150)}${"]".repeat(150)}}`]) {
      expect(parsePolicyText(text)).toBeUndefined();
    }
  });

  it("keeps keys like __proto__ as data", () => {
    const doc = parsePolicyText('{"__proto__":{"Statement":[]},"Statement":[]}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(doc)).toBeNull();
    expect(Object.keys(doc)).toEqual(["__proto__", "Statement"]);
  });
});

describe("authorizeGatewayRole on stored state", () => {
  it("allows, and is case-insensitive on the role name as IAM lookups are, but not on the ARN's path", () => {
    const store = new Store();
    seed(store, "GatewayRole");
    expect(authorize(store, "GatewayRole")).toEqual({ allowed: true, statement: { policy: "invoke", sid: "Invoke" } });
    expect(authorizeGatewayRole(store, { accountId: ACCOUNT, region: "us-east-1", roleArn: `arn:aws:iam::${ACCOUNT}:role/x/GatewayRole`, gatewayArn: GATEWAY }, call).allowed).toBe(false);
  });

  it("grants nothing from documents that do not parse, and refuses an unreadable trust policy", () => {
    const store = new Store();
    seed(store, "Broken", { inlinePolicies: { invoke: { PolicyName: "invoke", PolicyDocument: "{not json" } } });
    expect(authorize(store, "Broken")).toMatchObject({ allowed: false, reason: expect.stringContaining("no statement in its policies allows it") });
    seed(store, "Deep", { AssumeRolePolicyDocument: "[".repeat(500) + "]".repeat(500) });
    expect(authorize(store, "Deep")).toMatchObject({ allowed: false, reason: expect.stringContaining("the trust policy cannot be read") });
  });

  it("fills the global condition keys: principal, region, resource account, tags", () => {
    const store = new Store();
    const conditioned = (Condition: object) => JSON.stringify({ Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: "*", Condition }] });
    const cases: [object, boolean][] = [
      [{ StringEquals: { "aws:RequestedRegion": "us-east-1" } }, true],
      [{ StringEquals: { "aws:RequestedRegion": "eu-west-1" } }, false],
      [{ StringEquals: { "aws:ResourceAccount": ACCOUNT } }, true],
      [{ ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/Cond*` } }, true],
      [{ StringEquals: { "aws:PrincipalTag/team": "weather" } }, true],
      [{ StringEquals: { "aws:PrincipalTag/team": "billing" } }, false],
      [{ Bool: { "aws:SecureTransport": "true" } }, true],
      [{ StringEquals: { "lambda:FunctionArn": FN } }, true],
    ];
    cases.forEach(([condition, expected], i) => {
      seed(store, `Cond${i}`, { Tags: [{ Key: "team", Value: "weather" }], inlinePolicies: { p: { PolicyName: "p", PolicyDocument: conditioned(condition) } } });
      expect(authorize(store, `Cond${i}`, { ...call, context: { "lambda:FunctionArn": FN } }).allowed, JSON.stringify(condition)).toBe(expected);
    });
  });

  it("applies a known permissions boundary on top of the policies", () => {
    const store = new Store();
    const boundary = (arn: string) => ({ PermissionsBoundaryType: "PermissionsBoundaryPolicy" as const, PermissionsBoundaryArn: arn });
    seed(store, "Bounded", { PermissionsBoundary: boundary("arn:aws:iam::aws:policy/AWSLambda_ReadOnlyAccess") });
    expect(authorize(store, "Bounded")).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("its permissions boundary arn:aws:iam::aws:policy/AWSLambda_ReadOnlyAccess does not allow it"),
    });
    seed(store, "Open", { PermissionsBoundary: boundary("arn:aws:iam::aws:policy/AdministratorAccess") });
    expect(authorize(store, "Open").allowed).toBe(true);
    seed(store, "Unknown", { PermissionsBoundary: boundary(`arn:aws:iam::${ACCOUNT}:policy/NeverCreated`) });
    expect(authorize(store, "Unknown").allowed).toBe(true);
  });

  it("lists inline policies first, then attached ones in attachment order, skipping unknown documents", () => {
    const store = new Store();
    const role = seed(store, "Many", {
      attachedPolicies: [
        { PolicyName: "AWSLambdaRole", PolicyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaRole", path: "/service-role/", seq: 2 },
        { PolicyName: "Gone", PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/Gone`, path: "/", seq: 1 },
        { PolicyName: "AdministratorAccess", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess", path: "/", seq: 3 },
      ],
    });
    expect(rolePolicies(iamState(store), role).map((p) => p.name)).toEqual(["invoke", "arn:aws:iam::aws:policy/service-role/AWSLambdaRole", "arn:aws:iam::aws:policy/AdministratorAccess"]);
  });
});
