// Two gateways on one execution role: each Apply writes the gateway's own inline policy, so both keep their permissions, through the real IAM SDK and the gateways' data plane.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { strToU8, zipSync } from "fflate";
import type { ToolDefinition } from "@aws-sdk/client-bedrock-agentcore-control";
import { CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateRoleCommand, DeleteRolePolicyCommand, GetRolePolicyCommand, IAMClient, ListRolePoliciesCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { buildGatewayTrustPolicy } from "@/lib/policies/trust-policy";
import { CREDENTIALS, REGION, agentCoreClient, startSandbox, useSandboxForConsole, type TestSandbox } from "./helpers";
import { mcpClient, readyGateway, readyTarget, uniqueName } from "./gateway-runtime-helpers";

vi.mock("next/headers", async () => (await import("../support/next-headers")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const ACCOUNT = "123456789012";
const LEGACY = "AgentCoreGatewayTargetAccess";
const TOOLS: ToolDefinition[] = [{ name: "whoami", description: "Says which function answered", inputSchema: { type: "object" } }];

let sandbox: TestSandbox;
let iam: IAMClient;
let permissions: typeof import("@/lib/actions/permissions");
let read: typeof import("@/lib/aws/permissions");
let gateways: typeof import("@/lib/aws/gateways");

beforeAll(async () => {
  sandbox = await startSandbox({ lifecycleDelayMs: 0 });
  useSandboxForConsole(sandbox);
  process.env.AWS_MAX_ATTEMPTS = "1";
  iam = new IAMClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS });
  permissions = await import("@/lib/actions/permissions");
  read = await import("@/lib/aws/permissions");
  gateways = await import("@/lib/aws/gateways");
});
afterAll(() => sandbox.dispose());

async function lambdaFunction(name: string): Promise<string> {
  const lambda = new LambdaClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS });
  const code = `exports.handler = async () => ({ answeredBy: ${JSON.stringify(name)} });`;
  const fn = await lambda.send(
    new CreateFunctionCommand({ FunctionName: name, Runtime: "nodejs20.x", Handler: "index.handler", Role: `arn:aws:iam::${ACCOUNT}:role/${name}-fn`, Code: { ZipFile: zipSync({ "index.js": strToU8(code) }) } }),
  );
  return fn.FunctionArn!;
}

/** A role that trusts every gateway of the account (so several can share it), with no permissions yet. */
async function sharedRole(): Promise<{ roleName: string; roleArn: string }> {
  const roleName = uniqueName("shared");
  const trust = buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION });
  const out = await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust) }));
  return { roleName, roleArn: out.Role!.Arn! };
}

async function gatewayWithLambda(roleArn: string, functionArn: string) {
  const client = agentCoreClient(sandbox);
  const g = await readyGateway(client, { roleArn, exceptionLevel: "DEBUG" });
  await readyTarget(client, {
    gatewayIdentifier: g.gatewayId,
    name: "fn",
    targetConfiguration: { mcp: { lambda: { lambdaArn: functionArn, toolSchema: { inlinePayload: TOOLS } } } },
    credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
  });
  return g;
}

const tab = async (gatewayId: string) => read.gatewayPermissions(REGION, (await gateways.getGateway(REGION, gatewayId))!);
const missing = async (gatewayId: string) => (await tab(gatewayId)).findings.filter((f) => f.code === "missing-permission");
const apply = async (gatewayId: string) => permissions.applyGatewayPermissionsAction(gatewayId, (await tab(gatewayId)).plan!.fingerprint);

async function callTool(gatewayUrl: string) {
  const mcp = await mcpClient(gatewayUrl);
  try {
    const r = await mcp.callTool({ name: "fn___whoami", arguments: {} });
    return { isError: Boolean(r.isError), text: (r.content as { text: string }[])[0].text };
  } finally {
    await mcp.close();
  }
}

describe("two gateways sharing one role", () => {
  it("each Apply keeps the other gateway's permissions, and both gateways can call their Lambda tools", async () => {
    const role = await sharedRole();
    const [alphaFn, betaFn] = await Promise.all([lambdaFunction(uniqueName("alpha")), lambdaFunction(uniqueName("beta"))]);
    const alpha = await gatewayWithLambda(role.roleArn, alphaFn);
    const beta = await gatewayWithLambda(role.roleArn, betaFn);

    // Both Permissions tabs list both gateways on the role.
    const before = await tab(alpha.gatewayId);
    expect(before.gatewaysOnRole.map((g) => g.gatewayId).sort()).toEqual([alpha.gatewayId, beta.gatewayId].sort());
    expect(before.policyName).toBe(`AgentCoreGateway-${alpha.gatewayId}`);
    expect(before.plan?.added).toHaveLength(1);
    expect((await callTool(alpha.gatewayUrl)).text).toMatch(/AccessDeniedException/);

    expect(await apply(alpha.gatewayId)).toMatchObject({ ok: true, data: { policyName: `AgentCoreGateway-${alpha.gatewayId}` } });
    expect(await apply(beta.gatewayId)).toMatchObject({ ok: true, data: { policyName: `AgentCoreGateway-${beta.gatewayId}` } });

    const names = (await iam.send(new ListRolePoliciesCommand({ RoleName: role.roleName }))).PolicyNames;
    expect(names?.sort()).toEqual([`AgentCoreGateway-${alpha.gatewayId}`, `AgentCoreGateway-${beta.gatewayId}`].sort());
    expect(await missing(alpha.gatewayId)).toEqual([]);
    expect(await missing(beta.gatewayId)).toEqual([]);
    expect((await tab(alpha.gatewayId)).plan?.upToDate).toBe(true);

    // The sandbox enforces the role on every target call: both gateways reach their functions.
    expect(await callTool(alpha.gatewayUrl)).toEqual({ isError: false, text: expect.stringContaining(alphaFn.split(":").pop()!) });
    expect(await callTool(beta.gatewayUrl)).toEqual({ isError: false, text: expect.stringContaining(betaFn.split(":").pop()!) });
  });

  it("counts a statement another policy grants as present, and keeps the old shared policy while other gateways may rely on it", async () => {
    const role = await sharedRole();
    const fnArn = await lambdaFunction(uniqueName("legacy"));
    const alpha = await gatewayWithLambda(role.roleArn, fnArn);
    const beta = await gatewayWithLambda(role.roleArn, fnArn);
    // What the old console left: one shared policy, last written for one of the gateways.
    const legacy = { Version: "2012-10-17", Statement: [{ Sid: "InvokeLambdaTargets", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: fnArn }] };
    await iam.send(new PutRolePolicyCommand({ RoleName: role.roleName, PolicyName: LEGACY, PolicyDocument: JSON.stringify(legacy) }));

    const p = await tab(alpha.gatewayId);
    expect(p.findings.filter((f) => f.code === "missing-permission")).toEqual([]);
    expect(p.plan).toMatchObject({ deletesLegacy: false, added: [{ alreadyGrantedBy: [LEGACY] }] });
    expect(await apply(alpha.gatewayId)).toMatchObject({ ok: true, data: { deletedLegacyPolicy: false } });
    const legacyNow = await iam.send(new GetRolePolicyCommand({ RoleName: role.roleName, PolicyName: LEGACY }));
    expect(JSON.parse(decodeURIComponent(legacyNow.PolicyDocument!))).toEqual(legacy);
    expect((await callTool(beta.gatewayUrl)).isError).toBe(false);
  });

  it("deletes the old shared policy once its only gateway has its own", async () => {
    const role = await sharedRole();
    const fnArn = await lambdaFunction(uniqueName("solo"));
    const solo = await gatewayWithLambda(role.roleArn, fnArn);
    await iam.send(new PutRolePolicyCommand({ RoleName: role.roleName, PolicyName: LEGACY, PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: fnArn }] }) }));
    expect((await tab(solo.gatewayId)).plan?.legacyNote).toMatch(/^Applying deletes the old shared policy/);
    expect(await apply(solo.gatewayId)).toMatchObject({ ok: true, data: { deletedLegacyPolicy: true } });
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: role.roleName }))).PolicyNames).toEqual([`AgentCoreGateway-${solo.gatewayId}`]);
    expect((await callTool(solo.gatewayUrl)).isError).toBe(false);
  });

  it("writes nothing when the role changed after the changes were shown", async () => {
    const role = await sharedRole();
    const g = await gatewayWithLambda(role.roleArn, await lambdaFunction(uniqueName("stale")));
    const shown = (await tab(g.gatewayId)).plan!.fingerprint;
    await iam.send(new PutRolePolicyCommand({ RoleName: role.roleName, PolicyName: `AgentCoreGateway-${g.gatewayId}`, PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k" }] }) }));
    const r = await permissions.applyGatewayPermissionsAction(g.gatewayId, shown);
    expect(r).toMatchObject({ ok: false, errorName: "StaleChanges" });
    const kept = await iam.send(new GetRolePolicyCommand({ RoleName: role.roleName, PolicyName: `AgentCoreGateway-${g.gatewayId}` }));
    expect(decodeURIComponent(kept.PolicyDocument!)).toContain("s3:GetObject");
    await iam.send(new DeleteRolePolicyCommand({ RoleName: role.roleName, PolicyName: `AgentCoreGateway-${g.gatewayId}` }));
    expect((await apply(g.gatewayId)).ok).toBe(true);
  });
});
