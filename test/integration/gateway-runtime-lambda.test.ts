// A Lambda target end to end: a function made with the real Lambda SDK, called through a gateway, with the execution role enforced.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { CreateGatewayTargetCommand, GetGatewayCommand, type BedrockAgentCoreControlClient, type ToolDefinition } from "@aws-sdk/client-bedrock-agentcore-control";
import { CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateRoleCommand, DeleteRolePolicyCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { buildGatewayTrustPolicy } from "@/lib/policies/trust-policy";
import { buildExecutionRolePolicy } from "@/lib/policies/execution-permissions";
import { CREDENTIALS, REGION, agentCoreClient, startSandbox, waitFor, type TestSandbox } from "./helpers";
import { mcpClient, readyGateway, uniqueName } from "./gateway-runtime-helpers";

const ACCOUNT = "123456789012";
let sandbox: TestSandbox;
let agentcore: BedrockAgentCoreControlClient;
let iam: IAMClient;
let lambda: LambdaClient;
let functionArn = "";

const HANDLER = `
exports.handler = async (event, context) => {
  const custom = (context.clientContext && context.clientContext.custom) || {};
  const tool = custom.bedrockAgentCoreToolName || "";
  if (event.fail) throw new Error("the city is under water");
  return { tool: tool.split("___").pop(), prefixed: tool, event, gatewayId: custom.bedrockAgentCoreGatewayId, version: custom.bedrockAgentCoreMessageVersion };
};`;

const TOOLS: ToolDefinition[] = [
  { name: "get_forecast", description: "Forecast for a city", inputSchema: { type: "object", properties: { city: { type: "string" }, fail: { type: "boolean" } }, required: ["city"] } },
];

beforeAll(async () => {
  sandbox = await startSandbox();
  agentcore = agentCoreClient(sandbox);
  iam = new IAMClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS });
  lambda = new LambdaClient({ endpoint: sandbox.url, region: REGION, credentials: CREDENTIALS });
  const fn = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: "forecast",
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Role: `arn:aws:iam::${ACCOUNT}:role/forecast-lambda`,
      Code: { ZipFile: zipSync({ "index.js": strToU8(HANDLER) }) },
      Timeout: 5,
    }),
  );
  functionArn = fn.FunctionArn!;
});
afterAll(() => sandbox.dispose());

/** A gateway whose role is made exactly as the console makes it: the trust policy for this gateway name, no permissions yet. */
async function gatewayWithConsoleRole(trustName: string, name = trustName) {
  const roleName = `${uniqueName("role")}`.slice(0, 64);
  const trust = buildGatewayTrustPolicy({ accountId: ACCOUNT, region: REGION, gatewayName: trustName });
  const role = await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust) }));
  const g = await readyGateway(agentcore, { name, roleArn: role.Role!.Arn!, exceptionLevel: "DEBUG" });
  const t = await agentcore.send(
    new CreateGatewayTargetCommand({
      gatewayIdentifier: g.gatewayId,
      name: "weather",
      targetConfiguration: { mcp: { lambda: { lambdaArn: functionArn, toolSchema: { inlinePayload: TOOLS } } } },
      credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
    }),
  );
  await waitFor(
    () => agentcore.send(new GetGatewayCommand({ gatewayIdentifier: g.gatewayId })),
    (x) => x.status === "READY",
  );
  return { ...g, roleName, targetId: t.targetId!, name };
}

/** Applies the Permissions tab's policy: the console's generator for this gateway and its targets. */
async function applyConsolePolicy(g: Awaited<ReturnType<typeof gatewayWithConsoleRole>>) {
  const generated = buildExecutionRolePolicy({
    accountId: ACCOUNT,
    region: REGION,
    gateway: { gatewayId: g.gatewayId, gatewayArn: g.gatewayArn, name: g.name },
    targets: [{ name: "weather", targetId: g.targetId, targetConfiguration: { mcp: { lambda: { lambdaArn: functionArn } } }, credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }] }],
  });
  if (!("policy" in generated)) throw new Error("expected a policy");
  await iam.send(new PutRolePolicyCommand({ RoleName: g.roleName, PolicyName: "agentcore-gateway-permissions", PolicyDocument: JSON.stringify(generated.policy) }));
}

const text = (r: Record<string, unknown>) => (r.content as { type: string; text: string }[])[0].text;

describe("a Lambda target through the gateway", () => {
  it("is denied while the role lacks lambda:InvokeFunction, and works once the console's generated policy is applied", async () => {
    const g = await gatewayWithConsoleRole(uniqueName("wx"));
    const mcp = await mcpClient(g.gatewayUrl);
    expect((await mcp.listTools()).tools.map((t) => t.name)).toEqual(["weather___get_forecast"]);

    const denied = await mcp.callTool({ name: "weather___get_forecast", arguments: { city: "Oslo" } });
    expect(denied.isError).toBe(true);
    expect(text(denied)).toMatch(/AccessDeniedException.*lambda:InvokeFunction/);

    await applyConsolePolicy(g);
    const ok = await mcp.callTool({ name: "weather___get_forecast", arguments: { city: "Oslo" } });
    expect(ok.isError).toBeFalsy();
    // The function saw the arguments as its event and the prefixed tool name in its client context, and stripped it.
    expect(JSON.parse(text(ok))).toEqual({ tool: "get_forecast", prefixed: "weather___get_forecast", event: { city: "Oslo" }, gatewayId: g.gatewayId, version: "1.0" });

    await iam.send(new DeleteRolePolicyCommand({ RoleName: g.roleName, PolicyName: "agentcore-gateway-permissions" }));
    const again = await mcp.callTool({ name: "weather___get_forecast", arguments: { city: "Oslo" } });
    expect(text(again)).toContain("AccessDeniedException");
    await mcp.close();
  });

  it("is denied when the role trusts another gateway's name, even with the permissions", async () => {
    const other = uniqueName("other");
    const g = await gatewayWithConsoleRole(other, uniqueName("wx"));
    await applyConsolePolicy(g);
    const mcp = await mcpClient(g.gatewayUrl);
    const denied = await mcp.callTool({ name: "weather___get_forecast", arguments: { city: "Oslo" } });
    expect(denied.isError).toBe(true);
    expect(text(denied)).toMatch(/AccessDeniedException.*trust/i);
    await mcp.close();
  });

  it("returns a function error as isError, with the error under DEBUG", async () => {
    const g = await gatewayWithConsoleRole(uniqueName("wx"));
    await applyConsolePolicy(g);
    const mcp = await mcpClient(g.gatewayUrl);
    const failed = await mcp.callTool({ name: "weather___get_forecast", arguments: { city: "Atlantis", fail: true } });
    expect(failed.isError).toBe(true);
    expect(text(failed)).toContain("the city is under water");
    await mcp.close();
  });
});
