// Unit tests of the IAM policy grammar and of IAM-style validation naming (no HTTP).
import { describe, expect, it } from "vitest";
import { MESSAGES, policyDocumentProblem } from "./documents";
import { displayPattern, queryMemberName } from "./validation";
import { encodePolicyDocument, lookupManagedPolicy, policySize } from "./models";

const doc = (statement: unknown, extra: Record<string, unknown> = { Version: "2012-10-17" }) => JSON.stringify({ ...extra, Statement: statement });
const allow = { Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::example_bucket" };

describe("policyDocumentProblem (identity)", () => {
  it.each([
    ["This is not a json document", MESSAGES.syntax],
    [doc(allow, { Version: "2013-10-17" }), MESSAGES.syntax],
    [JSON.stringify({ Version: "2012-10-17" }), MESSAGES.syntax],
    [doc(["afd"]), MESSAGES.syntax],
    [doc(allow, { Version: "2012-10-17", "Extra field": "value" }), MESSAGES.syntax],
    [doc({ ...allow, "Extra field": "value" }), MESSAGES.syntax],
    [doc(allow, { Version: "2012-10-17", Id: {} }), MESSAGES.syntax],
    [doc({ ...allow, Effect: "invalid" }), MESSAGES.syntax],
    [doc({ ...allow, Action: "invalid" }), MESSAGES.vendor],
    [doc({ ...allow, Action: "a a:ListBucket" }), "Vendor a a is not valid"],
    [doc({ ...allow, Action: "s3:List:Bucket" }), MESSAGES.oneColon],
    [doc({ ...allow, Resource: "invalid resource" }), 'Resource invalid resource must be in ARN format or "*".'],
    [doc({ ...allow, Resource: ["arn:error:s3:::example_bucket"] }), 'Partition "error" is not valid for resource "arn:error:s3:::example_bucket".'],
    [doc({ ...allow, Resource: "arn:aws:s3::example_bucket" }), MESSAGES.legacy],
    [doc({ ...allow, Resource: "arn:aws" }), "Resource vendor must be fully qualified and cannot contain regexes."],
    [doc([]), MESSAGES.syntax],
    [doc({ Effect: "Allow", Action: "s3:ListBucket" }), MESSAGES.noResources],
    [doc({ Effect: "Allow", Resource: "*" }), MESSAGES.noActions],
    [doc({ ...allow, Action: [] }), MESSAGES.noActions],
    [doc({ ...allow, NotResource: "*" }), MESSAGES.syntax],
    [doc({ ...allow, Effect: "denY" }), MESSAGES.legacy],
    [doc({ ...allow, Condition: { x: { a: "1" } } }), MESSAGES.syntax],
    [doc({ ...allow, Condition: [] }), MESSAGES.syntax],
    [doc({ ...allow, Condition: { StringEquals: { a: {} } } }), MESSAGES.syntax],
    [doc([{ ...allow, Sid: "sdf" }, { ...allow, Sid: "sdf" }]), MESSAGES.sidUnique],
    [doc({ ...allow, Principal: "*" }), MESSAGES.principalInIdentity],
  ])("%s → %s", (text, message) => {
    expect(policyDocumentProblem(text, "identity")).toBe(message);
  });

  it.each([
    doc(allow),
    doc(allow, {}),
    doc({ ...allow, Action: "iam: asdf safdsf af " }),
    doc({ ...allow, Resource: ["arn:aws:s3:::example_bucket", "*"] }),
    doc({ ...allow, Resource: "arn:aws:fdsasf" }),
    doc({ ...allow, Condition: {} }),
    doc({ ...allow, Condition: { a: {} } }),
    doc({ ...allow, Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["Department"] }, BoolIfExists: { "aws:SecureTransport": true } } }),
    doc([{ Effect: "Deny", NotAction: "s3:*", Resource: "*" }]),
  ])("accepts %s", (text) => {
    expect(policyDocumentProblem(text, "identity")).toBeUndefined();
  });
});

describe("policyDocumentProblem (trust)", () => {
  const trust = { Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole" };
  it("needs a principal, forbids resources, allows only STS actions", () => {
    expect(policyDocumentProblem(doc(trust), "trust")).toBeUndefined();
    expect(policyDocumentProblem(doc({ ...trust, Principal: undefined }), "trust")).toBe(MESSAGES.missingPrincipal);
    expect(policyDocumentProblem(doc({ ...trust, Resource: "*" }), "trust")).toBe(MESSAGES.resourceInTrust);
    expect(policyDocumentProblem(doc({ ...trust, Action: "lambda:InvokeFunction" }), "trust")).toBe(MESSAGES.trustActions);
    expect(policyDocumentProblem(doc({ ...trust, Principal: { Nobody: "x" } }), "trust")).toBe(MESSAGES.syntax);
    expect(policyDocumentProblem(doc({ ...trust, Principal: { AWS: "bob" } }), "trust")).toBe('Invalid principal in policy: "AWS":"bob"');
  });

  it("asks whether a sandbox-account role principal exists", () => {
    const arn = "arn:aws:iam::123456789012:role/path/Target";
    const text = doc({ ...trust, Principal: { AWS: arn } });
    expect(policyDocumentProblem(text, "trust", { roleExists: () => true })).toBeUndefined();
    expect(policyDocumentProblem(text, "trust", { roleExists: () => false })).toBe(`Invalid principal in policy: "AWS":"${arn}"`);
    expect(policyDocumentProblem(doc({ ...trust, Principal: { AWS: "arn:aws:iam::210987654321:role/Elsewhere" } }), "trust", { roleExists: () => false })).toBeUndefined();
  });
});

describe("helpers", () => {
  it("names awsQuery members the IAM way", () => {
    expect(queryMemberName("RoleName")).toBe("roleName");
    expect(queryMemberName("Tags[0].Key")).toBe("tags.1.member.key");
    expect(queryMemberName("Tags[9]")).toBe("tags.10.member");
    expect(displayPattern("^[\\w+=,.@-]+$")).toBe("[\\w+=,.@-]+");
  });

  it("encodes documents per RFC 3986 and sizes them without whitespace", () => {
    expect(encodePolicyDocument(`{"a": "*!'()~ é"}`)).toBe("%7B%22a%22%3A%20%22%2A%21%27%28%29~%20%C3%A9%22%7D");
    expect(policySize('{\n  "a": "b c"\n}')).toBe('{"a":"b c"}'.length);
  });

  it("resolves managed policy ARNs", () => {
    expect(lookupManagedPolicy("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")).toMatchObject({ ok: true, policy: { name: "AWSLambdaBasicExecutionRole", path: "/service-role/", owner: "aws" } });
    expect(lookupManagedPolicy("arn:aws:iam::123456789012:policy/a/b/Mine")).toMatchObject({ ok: true, policy: { name: "Mine", path: "/a/b/", owner: "customer" } });
    expect(lookupManagedPolicy("arn:aws:iam::aws:policy/Unknown")).toEqual({ ok: false, reason: "not-found" });
    expect(lookupManagedPolicy("arn:aws:iam::123456789012:policy/bad name")).toEqual({ ok: false, reason: "not-found" });
    expect(lookupManagedPolicy("not an arn")).toEqual({ ok: false, reason: "invalid-arn" });
  });
});
