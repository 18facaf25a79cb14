// The "Create execution role" form's rules: what is accepted, what is sent, which message shows under which field,
// and that the IAM constants equal the model's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { issuesToFieldErrors, type FieldErrors } from "./form-errors";
import {
  DEFAULT_INLINE_POLICY_NAME,
  emptyExecutionRoleForm,
  executionRoleSchema,
  permissionPolicyProblem,
  POLICY_NAME_MAX,
  POLICY_NAME_PATTERN,
  ROLE_DESCRIPTION_MAX,
  ROLE_DESCRIPTION_PATTERN,
  ROLE_NAME_MAX,
  ROLE_NAME_PATTERN,
  type ExecutionRoleFormValues,
} from "./role";

const MSG = {
  nameEmpty: "Enter a role name.",
  nameLong: "Use at most 64 characters.",
  namePattern: "Use letters, digits and + = , . @ _ - only (no spaces).",
  gatewayLong: "Use at most 48 characters.",
  gatewayPattern: "Start with a letter or digit, then use letters, digits and single hyphens (no double hyphens).",
  descriptionLong: "Use at most 1000 characters.",
  descriptionPattern: "Use plain text: letters, digits, spaces and punctuation (no emoji or non-Latin characters).",
  policyNameEmpty: "Enter a policy name.",
  policyNameLong: "Use at most 128 characters.",
  policyNamePattern: "Use letters, digits and + = , . @ _ - only (no spaces).",
} as const;

const PERMISSION = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Sid: "Invoke", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: "arn:aws:lambda:us-east-1:123456789012:function:orders" }],
});

const form = (over: Partial<ExecutionRoleFormValues> = {}): ExecutionRoleFormValues => ({ ...emptyExecutionRoleForm(), roleName: "OrdersGatewayRole", ...over });

function errorsOf(values: unknown): FieldErrors {
  const r = executionRoleSchema.safeParse(values);
  return r.success ? {} : issuesToFieldErrors(r.error.issues);
}

describe("the IAM constants equal the model's", () => {
  type Shape = { type: string; traits?: Record<string, unknown>; members?: Record<string, { target: string }> };
  const NS = "com.amazonaws.iam#";
  const model = JSON.parse(readFileSync(new URL("../../sandbox/models/iam.json", import.meta.url), "utf8")) as { shapes: Record<string, Shape> };
  const shape = (name: string) => {
    const s = model.shapes[NS + name];
    if (!s) throw new Error(`The IAM model extract has no shape ${name}`);
    return s;
  };
  const member = (structure: string, m: string) => shape(structure).members?.[m]?.target.replace(NS, "") ?? "";

  it.each([
    ["CreateRoleRequest", "RoleName", ROLE_NAME_PATTERN, ROLE_NAME_MAX, 1],
    ["CreateRoleRequest", "Description", ROLE_DESCRIPTION_PATTERN, ROLE_DESCRIPTION_MAX, 0],
    ["PutRolePolicyRequest", "PolicyName", POLICY_NAME_PATTERN, POLICY_NAME_MAX, 1],
  ])("%s.%s", (structure, m, pattern, max, min) => {
    const traits = shape(member(structure, m)).traits ?? {};
    expect(traits["smithy.api#pattern"]).toBe(pattern);
    expect(traits["smithy.api#length"]).toEqual({ min, max });
  });
});

describe("executionRoleSchema: accepted input and what is sent", () => {
  it("needs only a role name; an empty gateway name means any gateway", () => {
    expect(executionRoleSchema.parse(form())).toEqual({ roleName: "OrdersGatewayRole", gatewayName: undefined, description: undefined, inlinePolicy: undefined });
  });

  it("trims names and keeps the description as typed", () => {
    const parsed = executionRoleSchema.parse(form({ roleName: "  a+b=c,d.e@f_g-h ", gatewayName: " orders ", description: "  For the orders gateway\n" }));
    expect(parsed).toMatchObject({ roleName: "a+b=c,d.e@f_g-h", gatewayName: "orders", description: "  For the orders gateway\n" });
  });

  it("accepts the limits exactly", () => {
    expect(errorsOf(form({ roleName: "r".repeat(64), gatewayName: `a${"-b".repeat(23)}c`, description: "d".repeat(1000) }))).toEqual({});
    expect(errorsOf(form({ roleName: "x" }))).toEqual({});
    expect(errorsOf(form({ description: "Café crème, naïve – no" }))).toEqual({ description: MSG.descriptionPattern });
    expect(errorsOf(form({ description: "Caf\u00e9 cr\u00e8me \u00a9 \u00ff\ttab" }))).toEqual({});
  });

  it("sends an inline policy with its name only when one is pasted", () => {
    expect(executionRoleSchema.parse(form({ inlinePolicy: PERMISSION })).inlinePolicy).toEqual({ policyName: DEFAULT_INLINE_POLICY_NAME, document: PERMISSION });
    expect(executionRoleSchema.parse(form({ inlinePolicy: PERMISSION, inlinePolicyName: " Lambda " })).inlinePolicy).toEqual({ policyName: "Lambda", document: PERMISSION });
    expect(executionRoleSchema.parse(form({ inlinePolicy: "  \n", inlinePolicyName: "" })).inlinePolicy).toBeUndefined();
  });
});

describe("executionRoleSchema: messages at the fields", () => {
  // One table for both names: the value goes in the field, the message comes back at that field alone.
  it.each([
    ["roleName", "", MSG.nameEmpty],
    ["roleName", "   ", MSG.nameEmpty],
    ["roleName", "r".repeat(65), MSG.nameLong],
    ["roleName", "my role", MSG.namePattern],
    ["roleName", "role/with/slash", MSG.namePattern],
    ["roleName", "rôle", MSG.namePattern],
    ["roleName", "role:colon", MSG.namePattern],
    ["gatewayName", "a".repeat(49), MSG.gatewayLong],
    ["gatewayName", "-orders", MSG.gatewayPattern],
    ["gatewayName", "orders--gw", MSG.gatewayPattern],
    ["gatewayName", "orders_gw", MSG.gatewayPattern],
    ["gatewayName", "orders gw", MSG.gatewayPattern],
  ] as const)("%s %j → %s", (field, value, message) => {
    expect(errorsOf(form({ [field]: value }))).toEqual({ [field]: message });
  });

  it("description: length and characters", () => {
    expect(errorsOf(form({ description: "d".repeat(1001) }))).toEqual({ description: MSG.descriptionLong });
    expect(errorsOf(form({ description: "orders 🚀" }))).toEqual({ description: MSG.descriptionPattern });
  });

  it("an inline policy must be JSON, a policy, and acceptable to IAM", () => {
    expect(errorsOf(form({ inlinePolicy: '{"Version": "2012-10-17",' }))).toEqual({
      inlinePolicy: "Invalid JSON at line 1, column 1: Unclosed '{' — the text ends before its matching '}'",
    });
    expect(errorsOf(form({ inlinePolicy: "[]" }))).toEqual({ inlinePolicy: expect.stringMatching(/^Not a policy: /) });
    const withPrincipal = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] });
    expect(errorsOf(form({ inlinePolicy: withPrincipal }))).toEqual({ inlinePolicy: "Statement #1: a role's permission policy cannot name a Principal; IAM rejects it." });
  });

  it("warnings alone do not block: a wildcard resource is allowed", () => {
    const wildcard = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: "*" }] });
    expect(errorsOf(form({ inlinePolicy: wildcard }))).toEqual({});
    expect(permissionPolicyProblem(wildcard)).toBeNull();
  });

  it.each([
    ["", MSG.policyNameEmpty],
    ["p".repeat(129), MSG.policyNameLong],
    ["my policy", MSG.policyNamePattern],
  ])("policy name %j (with a policy) → %s", (inlinePolicyName, message) => {
    expect(errorsOf(form({ inlinePolicy: PERMISSION, inlinePolicyName }))).toEqual({ inlinePolicyName: message });
  });

  it("the policy name is not checked without a policy", () => {
    expect(errorsOf(form({ inlinePolicyName: "" }))).toEqual({});
  });

  it("shows every problem at once, cross-field ones included", () => {
    expect(Object.keys(errorsOf({ ...form({ roleName: "", gatewayName: "--", inlinePolicy: "{" }) })).sort()).toEqual(["gatewayName", "inlinePolicy", "roleName"]);
  });

  it("refuses what is not a form", () => {
    expect(executionRoleSchema.safeParse(null).success).toBe(false);
    expect(executionRoleSchema.safeParse({ roleName: 1 }).success).toBe(false);
    expect(errorsOf({ ...form(), inlinePolicy: 5 })).toHaveProperty("inlinePolicy");
  });
});
