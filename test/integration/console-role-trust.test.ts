// Exact trust through the real SDK against the sandbox: the picker's rule in the create action, and tightening a role to one gateway.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { strToU8, zipSync } from "fflate";
import { CreateGatewayTargetCommand, GetGatewayCommand, type BedrockAgentCoreControlClient } from "@aws-sdk/client-bedrock-agentcore-control";
import { CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateRoleCommand, GetRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { agentCoreClient, CREDENTIALS, REGION, startSandbox, useSandboxForConsole, waitFor, type TestSandbox } from "./helpers";
import { mcpClient, readyGateway } from "./gateway-runtime-helpers";

vi.mock("next/headers", async () => (await import("../support/next-headers")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const ACCOUNT = "123456789012";
let sandbox: TestSandbox;
let agentcore: BedrockAgentCoreControlClient;
let iam: IAMClient;
let functionArn = "";
let n = 0;
let iamLib: typeof import("@/lib/aws/iam");
let roleTrust: typeof import("@/lib/aws/role-trust");
let trustActions: typeof import("@/lib/actions/role-trust");
let gatewayActions: typeof import("@/lib/actions/gateways");
let schema: typeof import("@/lib/schemas/gateway");
let trustPolicy: typeof import("@/lib/policies/trust-policy");

beforeAll(async () => {
  sandbox = await startSandbox({ lifecycleDelayMs: 0 });
  useSandboxForConsole(sandbox);
  process.env.AWS_MAX_ATTEMPTS = "1";
  vi.spyOn(console, "error").mockImplementation(() => {});
  agentcore = agentCoreClient(sandbox);
  iam = new IAMClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS });
  const lambda = new LambdaClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS });
  const fn = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: "echo",
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Role: `arn:aws:iam::${ACCOUNT}:role/echo-lambda`,
      Code: { ZipFile: zipSync({ "index.js": strToU8("exports.handler = async (event) => ({ echoed: event });") }) },
    }),
  );
  functionArn = fn.FunctionArn!;
  iamLib = await import("@/lib/aws/iam");
  roleTrust = await import("@/lib/aws/role-trust");
  trustActions = await import("@/lib/actions/role-trust");
  gatewayActions = await import("@/lib/actions/gateways");
  schema = await import("@/lib/schemas/gateway");
  trustPolicy = await import("@/lib/policies/trust-policy");
});

afterAll(async () => {
  delete process.env.AWS_MAX_ATTEMPTS;
  await sandbox.dispose();
});

/** A gateway named `name` on a role the console made (createExecutionRole) for `trustName`, with a Lambda target it may call. */
async function gatewayOnConsoleRole(name: string, trustName = name) {
  const role = await iamLib.createExecutionRole({ roleName: `agentcore-${name}-role-${++n}`, gatewayName: trustName, accountId: ACCOUNT, region: REGION });
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: role.roleName,
      PolicyName: "invoke",
      PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: functionArn }] }),
    }),
  );
  const g = await readyGateway(agentcore, { name, roleArn: role.roleArn, exceptionLevel: "DEBUG" });
  await agentcore.send(
    new CreateGatewayTargetCommand({
      gatewayIdentifier: g.gatewayId,
      name: "echo",
      targetConfiguration: { mcp: { lambda: { lambdaArn: functionArn, toolSchema: { inlinePayload: [{ name: "say", description: "Echo", inputSchema: { type: "object" } }] } } } },
      credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
    }),
  );
  await waitFor(() => agentcore.send(new GetGatewayCommand({ gatewayIdentifier: g.gatewayId })), (x) => x.status === "READY");
  return { ...g, name, roleName: role.roleName, roleArn: role.roleArn };
}

/** One tool call through the gateway's MCP endpoint: what a user of the gateway sees. */
async function callThrough(gatewayUrl: string) {
  const mcp = await mcpClient(gatewayUrl);
  try {
    const r = await mcp.callTool({ name: "echo___say", arguments: { word: "hi" } });
    return { isError: r.isError === true, text: (r.content as { text: string }[])[0].text };
  } finally {
    await mcp.close();
  }
}

const trustOf = async (roleName: string) => JSON.parse(decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!.AssumeRolePolicyDocument!));

describe("the name pattern in the sandbox's role evaluation", () => {
  it("lets the gateway of the name assume the role, and not a gateway whose name only starts with it", async () => {
    const g = await gatewayOnConsoleRole("orders");
    expect(await callThrough(g.gatewayUrl)).toMatchObject({ isError: false, text: expect.stringContaining("echoed") });
    const prod = await gatewayOnConsoleRole("orders-prod", "orders");
    const denied = await callThrough(prod.gatewayUrl);
    expect(denied.isError).toBe(true);
    expect(denied.text).toMatch(/AccessDeniedException.*cannot assume its execution role/);
  });
});

describe("tightening the trust to the exact gateway", () => {
  it("offers the before/after, rewrites the trust through UpdateAssumeRolePolicy, and the gateway still reaches its target", async () => {
    const g = await gatewayOnConsoleRole("billing");
    expect((await callThrough(g.gatewayUrl)).isError).toBe(false);

    const offer = await roleTrust.trustTighteningFor(REGION, g);
    expect(offer).toMatchObject({ offer: true, roleName: g.roleName });
    if (!offer.offer) return;
    expect(offer.before).toContain("gateway/billing-??????????");
    expect(offer.after).toContain(`"aws:SourceArn": "${g.gatewayArn}"`);

    const r = await trustActions.tightenRoleTrustAction(g.gatewayId);
    expect(r).toEqual({ ok: true, data: { roleName: g.roleName, trustPolicy: offer.after } });
    expect(await trustOf(g.roleName)).toEqual(trustPolicy.buildExactGatewayTrustPolicy({ accountId: ACCOUNT, gatewayArn: g.gatewayArn }));
    expect(await callThrough(g.gatewayUrl)).toMatchObject({ isError: false, text: expect.stringContaining("echoed") });

    // Done: nothing more to offer, and a second request changes nothing.
    expect(await roleTrust.trustTighteningFor(REGION, g)).toEqual({ offer: false, reason: "exact" });
    const again = await trustActions.tightenRoleTrustAction(g.gatewayId);
    expect(again).toMatchObject({ ok: false, message: "The trust was not tightened: the role already trusts exactly this gateway." });
  });

  it("tightens a role of the earlier NAME-* pattern too", async () => {
    const g = await gatewayOnConsoleRole("legacy");
    const old = trustPolicy.buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION, gatewayName: "legacy" });
    old.Statement[0].Condition!.ArnLike["aws:SourceArn"] = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:gateway/legacy-*`;
    const { UpdateAssumeRolePolicyCommand } = await import("@aws-sdk/client-iam");
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: g.roleName, PolicyDocument: JSON.stringify(old) }));
    expect((await trustActions.tightenRoleTrustAction(g.gatewayId)).ok).toBe(true);
    expect((await callThrough(g.gatewayUrl)).isError).toBe(false);
  });

  it("refuses a role the console did not create, and leaves its trust unchanged", async () => {
    const trust = trustPolicy.buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION, gatewayName: "handmade" });
    const role = await iam.send(new CreateRoleCommand({ RoleName: "handmade-role", AssumeRolePolicyDocument: JSON.stringify(trust) }));
    const g = { ...(await readyGateway(agentcore, { name: "handmade", roleArn: role.Role!.Arn! })), name: "handmade", roleArn: role.Role!.Arn! };
    expect(await roleTrust.trustTighteningFor(REGION, g)).toEqual({ offer: false, reason: "not-console-role" });
    const r = await trustActions.tightenRoleTrustAction(g.gatewayId);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining("the console did not create the gateway's role") });
    expect(await trustOf("handmade-role")).toEqual(trust);
  });

  it("answers a gateway that does not exist with a sentence", async () => {
    expect(await trustActions.tightenRoleTrustAction("nope-abcdefghij")).toMatchObject({ ok: false, message: "This gateway no longer exists." });
  });
});

describe("createGatewayAction with an existing role", () => {
  it("refuses a role whose trust would not let this gateway assume it unless Use it anyway is checked", async () => {
    const role = await iamLib.createExecutionRole({ roleName: "agentcore-qa-default-gw-role", gatewayName: "qa-default-gw", accountId: ACCOUNT, region: REGION });
    const values = { ...schema.emptyGatewayForm("trust1"), name: "qa-iam-gw", roleMode: "existing" as const, roleArn: role.roleArn, authorizerType: "NONE" as const };
    const refused = await gatewayActions.createGatewayAction(values, "role-trust-test-token-000000000001");
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: {
        roleTrustOverride:
          'agentcore-qa-default-gw-role trusts only gateway/qa-default-gw-??????????: it would not trust qa-iam-gw. Check "Use it anyway" to pick it regardless.',
      },
    });
    const list = await agentcore.send(new (await import("@aws-sdk/client-bedrock-agentcore-control")).ListGatewaysCommand({}));
    expect(list.items?.some((i) => i.name === "qa-iam-gw")).toBe(false);

    const forced = await gatewayActions.createGatewayAction({ ...values, roleTrustOverride: true }, "role-trust-test-token-000000000002");
    expect(forced.ok).toBe(true);
  });

  it("accepts a role that trusts this gateway's name without the override", async () => {
    const role = await iamLib.createExecutionRole({ roleName: "agentcore-fits-role", gatewayName: "fits", accountId: ACCOUNT, region: REGION });
    const values = { ...schema.emptyGatewayForm("trust2"), name: "fits", roleMode: "existing" as const, roleArn: role.roleArn, authorizerType: "NONE" as const };
    expect((await gatewayActions.createGatewayAction(values, "role-trust-test-token-000000000003")).ok).toBe(true);
  });
});
