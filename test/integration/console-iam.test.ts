// The console's lib/aws/iam module (and the roles server action) through the real SDK against the sandbox over HTTP.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import { CREDENTIALS, clearFaults, setFaults, startSandbox, useSandboxForConsole, type TestSandbox } from "./helpers";
import { ConsoleError } from "@/lib/aws/errors";
import {
  createExecutionRole,
  createRole,
  decodePolicyDocument,
  deleteRole,
  getInlinePolicy,
  getRole,
  getRoleWithPolicies,
  listRoles,
  listRolesTrustingAgentCore,
  PartialCreateError,
  putInlinePolicy,
  trustsAgentCore,
} from "@/lib/aws/iam";
import { buildGatewayTrustPolicy, formatPolicy } from "@/lib/policies/trust-policy";
import { lintTrustPolicy } from "@/lib/policies/lint";

// The server action reads the region cookie and revalidates a path: both need a Next request, so they are stubbed.
vi.mock("next/headers", async () => (await import("../support/next-headers")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const REGION = "us-east-1";
const ACCOUNT = "123456789012";
let sandbox: TestSandbox;
let sdk: IAMClient;

/** A permission policy with characters URL encoding must handle: * ? $ { } + % and non-ASCII. */
const PERMISSIONS = formatPolicy({
  Version: "2012-10-17",
  Statement: [
    { Sid: "InvokeLambdaTargets", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-*` },
    { Sid: "ReadToolSchemasFromS3", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::schemas/a+b%20c/${*}/ünï?.json" },
  ],
});

const LAMBDA_TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const WIDE_TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: ["lambda.amazonaws.com", "bedrock-agentcore.amazonaws.com"] }, Action: "sts:AssumeRole" }] });

beforeAll(async () => {
  sandbox = await startSandbox();
  useSandboxForConsole(sandbox);
  vi.spyOn(console, "error").mockImplementation(() => {});
  sdk = new IAMClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
});

afterAll(async () => {
  delete process.env.AWS_MAX_ATTEMPTS;
  await sandbox.dispose();
});

describe("createExecutionRole", () => {
  it("creates the role with the gateway trust policy and the console's tags, and reads it back decoded", async () => {
    const result = await createExecutionRole({ roleName: "OrdersGatewayRole", gatewayName: "Orders", description: "For the orders gateway", accountId: ACCOUNT, region: REGION });
    const expected = buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION, gatewayName: "Orders" });
    expect(result).toEqual({ roleName: "OrdersGatewayRole", roleArn: `arn:aws:iam::${ACCOUNT}:role/OrdersGatewayRole`, trustPolicy: expected, created: ["role OrdersGatewayRole"], reused: false });

    const role = await getRoleWithPolicies(REGION, "OrdersGatewayRole");
    expect(role).toMatchObject({ roleName: "OrdersGatewayRole", path: "/", description: "For the orders gateway", inlinePolicies: [], attachedPolicies: [] });
    // IAM sends the document URL-encoded; the console hands back exactly the text it sent.
    expect(role?.trustPolicy.text).toBe(formatPolicy(expected));
    expect(role?.trustPolicy.document).toEqual(expected);
    expect(JSON.stringify(role?.trustPolicy.document)).toContain(`arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:gateway/orders-??????????`);
    expect(role?.tags).toEqual([
      { key: "agentcore-console:purpose", value: "gateway-execution" },
      { key: "agentcore-console:gateway-name", value: "Orders" },
    ]);
    expect(lintTrustPolicy(role!.trustPolicy.text, { accountId: ACCOUNT, region: REGION })).toEqual([]);
    expect(role?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.parse(JSON.stringify(role))).toEqual(role);
  });

  it("adds the inline policy right after the role, and both come back decoded character for character", async () => {
    const result = await createExecutionRole({
      roleName: "with-policy",
      accountId: ACCOUNT,
      region: REGION,
      inlinePolicy: { policyName: "AgentCoreGatewayPermissions", document: PERMISSIONS },
    });
    expect(result.created).toEqual(["role with-policy", "inline policy AgentCoreGatewayPermissions"]);
    expect(result.trustPolicy.Statement[0].Condition?.ArnLike).toEqual({ "aws:SourceArn": `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:gateway/*` });

    const role = await getRoleWithPolicies(REGION, "with-policy");
    expect(role?.inlinePolicies).toEqual([{ policyName: "AgentCoreGatewayPermissions", text: PERMISSIONS, document: JSON.parse(PERMISSIONS) }]);
  });

  it("reuses the console's own role on an identical retry, and refuses a name taken with another trust policy", async () => {
    const again = await createExecutionRole({ roleName: "ordersgatewayrole", gatewayName: "Orders", accountId: ACCOUNT, region: REGION });
    expect(again).toMatchObject({ roleName: "OrdersGatewayRole", created: [], reused: true });

    const err = await createExecutionRole({ roleName: "OrdersGatewayRole", gatewayName: "billing", accountId: ACCOUNT, region: REGION }).catch((e) => e);
    expect(err).toBeInstanceOf(ConsoleError);
    expect(err).not.toBeInstanceOf(PartialCreateError);
    expect(err).toMatchObject({ kind: "conflict", awsName: "EntityAlreadyExistsException", message: "Could not create the role OrdersGatewayRole. Role with name OrdersGatewayRole already exists." });
  });

  it("does not take over a role with the same trust policy that the console did not create", async () => {
    const trust = formatPolicy(buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION, gatewayName: "hand" }));
    await sdk.send(new CreateRoleCommand({ RoleName: "hand-made", AssumeRolePolicyDocument: trust }));
    const err = await createExecutionRole({ roleName: "hand-made", gatewayName: "hand", accountId: ACCOUNT, region: REGION }).catch((e) => e);
    expect(err).toMatchObject({ kind: "conflict", awsName: "EntityAlreadyExistsException" });
  });

  it("reports exactly what it created when PutRolePolicy fails, and a retry finishes the job", async () => {
    // A fresh client region so the console's client is built with one attempt (the SDK would retry a 500 otherwise).
    process.env.AWS_MAX_ATTEMPTS = "1";
    const region = "eu-west-1";
    const input = { roleName: "half-done", gatewayName: "payments", accountId: ACCOUNT, region, inlinePolicy: { policyName: "Targets", document: PERMISSIONS } };
    await setFaults(sandbox, { faults: [{ type: "internal", service: "iam", operation: "PutRolePolicy", count: 1 }] });
    let err: PartialCreateError;
    try {
      err = (await createExecutionRole(input).catch((e) => e)) as PartialCreateError;
    } finally {
      await clearFaults(sandbox);
    }
    expect(err).toBeInstanceOf(PartialCreateError);
    expect(err).toMatchObject({ kind: "server", awsName: "ServiceFailureException", roleName: "half-done", roleArn: `arn:aws:iam::${ACCOUNT}:role/half-done`, created: ["role half-done"] });
    expect(err.message).toBe(
      `The role half-done was created (arn:aws:iam::${ACCOUNT}:role/half-done), but its inline policy Targets was not added. ` +
        "AWS had an internal error and could not add the inline policy Targets to the role half-done. Try again. Submitting the same role again reuses it.",
    );
    expect((await getRoleWithPolicies(region, "half-done"))?.inlinePolicies).toEqual([]);

    const retry = await createExecutionRole(input);
    expect(retry).toMatchObject({ created: ["inline policy Targets"], reused: true });
    expect((await getInlinePolicy(region, "half-done", "Targets"))?.text).toBe(PERMISSIONS);
    // Once complete, the same request is a no-op.
    expect(await createExecutionRole(input)).toMatchObject({ created: [], reused: true });
  });

  it("leaves an existing inline policy with other statements alone on a retry", async () => {
    const other = PERMISSIONS.replace("orders-*", "other");
    const err = (await createExecutionRole({ roleName: "with-policy", accountId: ACCOUNT, region: REGION, inlinePolicy: { policyName: "AgentCoreGatewayPermissions", document: other } }).catch((e) => e)) as PartialCreateError;
    expect(err).toBeInstanceOf(PartialCreateError);
    expect(err).toMatchObject({ kind: "conflict", created: [] });
    expect(err.message).toMatch(/^The role with-policy already existed with this trust policy, but its inline policy AgentCoreGatewayPermissions was not added\. The role with-policy already has an inline policy named AgentCoreGatewayPermissions/);
    expect((await getInlinePolicy(REGION, "with-policy", "AgentCoreGatewayPermissions"))?.text).toBe(PERMISSIONS);
  });
});

describe("listing the roles that trust AgentCore", () => {
  beforeAll(async () => {
    await sdk.send(new CreateRoleCommand({ RoleName: "lambda-role", AssumeRolePolicyDocument: LAMBDA_TRUST }));
    await sdk.send(new CreateRoleCommand({ RoleName: "shared-role", AssumeRolePolicyDocument: WIDE_TRUST, Path: "/team/" }));
    for (let i = 0; i < 7; i++) await createExecutionRole({ roleName: `bulk-${i}`, accountId: ACCOUNT, region: REGION });
  });

  it("reads every ListRoles page (Marker / IsTruncated) on the server", async () => {
    const all = await listRoles(REGION, { pageSize: 2 });
    const direct = await sdk.send(new ListRolesCommand({ MaxItems: 1000 }));
    expect(all.map((r) => r.roleName)).toEqual(direct.Roles?.map((r) => r.RoleName));
    expect(all.length).toBeGreaterThan(10);
    expect((await listRoles(REGION, { pathPrefix: "/team/" })).map((r) => r.roleName)).toEqual(["shared-role"]);
  });

  it("keeps only roles whose decoded trust policy names bedrock-agentcore.amazonaws.com", async () => {
    const trusting = await listRolesTrustingAgentCore(REGION, { pageSize: 3 });
    const names = trusting.map((r) => r.roleName);
    expect(names).toEqual(expect.arrayContaining(["OrdersGatewayRole", "with-policy", "half-done", "hand-made", "shared-role", "bulk-0", "bulk-6"]));
    expect(names).not.toContain("lambda-role");
    const shared = trusting.find((r) => r.roleName === "shared-role")!;
    expect(shared.trustPolicy.text).toBe(WIDE_TRUST);
    expect(shared.roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/team/shared-role`);
    // The verdicts the page shows: the console's role is clean, the shared one has no confused-deputy conditions.
    expect(lintTrustPolicy(trusting.find((r) => r.roleName === "OrdersGatewayRole")!.trustPolicy.text, { accountId: ACCOUNT, region: REGION })).toEqual([]);
    expect(lintTrustPolicy(shared.trustPolicy.text, { accountId: ACCOUNT, region: REGION }).map((f) => f.code)).toEqual(["confused-deputy", "additional-principal"]);
  });
});

describe("roles and inline policies", () => {
  it("puts, replaces and reads inline policies; attached policies are listed", async () => {
    await createRole(REGION, { roleName: "plain", trustPolicy: buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION }) });
    await putInlinePolicy(REGION, "plain", "One", PERMISSIONS);
    const replaced = { Version: "2012-10-17" as const, Statement: [{ Effect: "Allow" as const, Action: "kms:Decrypt", Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` }] };
    await putInlinePolicy(REGION, "plain", "One", replaced);
    expect(await getInlinePolicy(REGION, "plain", "One")).toEqual({ policyName: "One", text: formatPolicy(replaced), document: replaced });
    expect(await getInlinePolicy(REGION, "plain", "Missing")).toBeNull();

    await sdk.send(new AttachRolePolicyCommand({ RoleName: "plain", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
    const role = await getRoleWithPolicies(REGION, "plain");
    expect(role?.attachedPolicies).toEqual([{ policyName: "ReadOnlyAccess", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }]);
    expect(role?.inlinePolicies.map((p) => p.policyName)).toEqual(["One"]);
  });

  it("maps IAM's refusals to console errors with a sentence and the AWS name", async () => {
    const principal = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] });
    const malformed = await putInlinePolicy(REGION, "plain", "Bad", principal).catch((e) => e);
    expect(malformed).toMatchObject({ kind: "validation", awsName: "MalformedPolicyDocumentException" });
    expect(malformed.message).toMatch(/^AWS rejected the request to add the inline policy Bad to the role plain\. /);

    const missing = await putInlinePolicy(REGION, "no-such-role", "P", PERMISSIONS).catch((e) => e);
    expect(missing).toMatchObject({ kind: "not-found", awsName: "NoSuchEntityException" });

    const dup = await createRole(REGION, { roleName: "PLAIN", trustPolicy: LAMBDA_TRUST }).catch((e) => e);
    expect(dup).toMatchObject({ kind: "conflict", awsName: "EntityAlreadyExistsException", message: "Could not create the role PLAIN. Role with name PLAIN already exists." });

    expect(await getRole(REGION, "no-such-role")).toBeNull();
    expect(await getRoleWithPolicies(REGION, "no-such-role")).toBeNull();
  });

  it("deletes a role after its inline policies, and explains IAM's DeleteConflict otherwise", async () => {
    await createExecutionRole({ roleName: "to-delete", accountId: ACCOUNT, region: REGION, inlinePolicy: { policyName: "P", document: PERMISSIONS } });
    const conflict = await deleteRole(REGION, "to-delete").catch((e) => e);
    expect(conflict).toMatchObject({ kind: "conflict", awsName: "DeleteConflictException" });
    expect(await deleteRole(REGION, "to-delete", { inlinePolicyNames: ["P", "already-gone"] })).toEqual({ deleted: ["inline policy P", "role to-delete"] });
    expect(await getRole(REGION, "to-delete")).toBeNull();
  });
});

describe("policy documents", () => {
  it("decodes IAM's URL-encoding and parses, keeping text that is not JSON", () => {
    expect(decodePolicyDocument(encodeURIComponent('{"a":"*"}').replace(/\*/g, "%2A"))).toEqual({ text: '{"a":"*"}', document: { a: "*" } });
    expect(decodePolicyDocument('{"raw": "100%"}')).toEqual({ text: '{"raw": "100%"}', document: { raw: "100%" } });
    expect(decodePolicyDocument("not%20json")).toEqual({ text: "not json", document: null });
    expect(decodePolicyDocument(undefined)).toEqual({ text: "", document: null });
  });

  it("recognises an AgentCore trust only in an Allow statement's Service principal", () => {
    const doc = (s: unknown) => ({ Version: "2012-10-17", Statement: s });
    expect(trustsAgentCore(doc({ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole" }))).toBe(true);
    expect(trustsAgentCore(doc([{ Effect: "Deny", Principal: { Service: "bedrock-agentcore.amazonaws.com" } }]))).toBe(false);
    expect(trustsAgentCore(doc([{ Effect: "Allow", Principal: { AWS: "bedrock-agentcore.amazonaws.com" } }]))).toBe(false);
    expect(trustsAgentCore(doc([{ Effect: "Allow", Principal: "*" }]))).toBe(false);
    expect(trustsAgentCore(null)).toBe(false);
  });
});

describe("createExecutionRoleAction", () => {
  it("checks the form again on the server and puts each message at its field", async () => {
    const { createExecutionRoleAction } = await import("@/lib/actions/roles");
    const result = await createExecutionRoleAction({ roleName: "bad name", gatewayName: "--", description: "", inlinePolicy: "", inlinePolicyName: "" });
    expect(result).toMatchObject({ ok: false, message: "Some fields need attention. Fix them and submit again." });
    expect(!result.ok && Object.keys(result.fieldErrors).sort()).toEqual(["gatewayName", "roleName"]);
  });

  it("creates the role for the STS account, and puts a taken name on the role name field", async () => {
    const { createExecutionRoleAction } = await import("@/lib/actions/roles");
    const values = { roleName: "action-role", gatewayName: "orders", description: "", inlinePolicy: "", inlinePolicyName: "AgentCoreGatewayPermissions" };
    const ok = await createExecutionRoleAction(values);
    expect(ok).toEqual({ ok: true, data: { roleName: "action-role", roleArn: `arn:aws:iam::${ACCOUNT}:role/action-role`, created: ["role action-role"], reused: false } });

    const taken = await createExecutionRoleAction({ ...values, gatewayName: "billing" });
    expect(taken).toMatchObject({ ok: false, errorName: "EntityAlreadyExistsException", fieldErrors: { roleName: "A role with this name already exists (IAM role names ignore case)." } });
    expect(!taken.ok && taken.message).toBe("Could not create the role action-role. Role with name action-role already exists.");
  });

  it("returns the created role's ARN with a partial failure", async () => {
    const { createExecutionRoleAction } = await import("@/lib/actions/roles");
    const bad = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k" }] });
    await setFaults(sandbox, { faults: [{ type: "internal", service: "iam", operation: "PutRolePolicy", count: 3 }] });
    try {
      const result = await createExecutionRoleAction({ roleName: "action-partial", gatewayName: "", description: "", inlinePolicy: bad, inlinePolicyName: "P" });
      expect(result).toMatchObject({ ok: false, errorName: "ServiceFailureException", provisioned: { roleName: "action-partial", roleArn: `arn:aws:iam::${ACCOUNT}:role/action-partial`, created: ["role action-partial"] } });
    } finally {
      await clearFaults(sandbox);
    }
  });
});
