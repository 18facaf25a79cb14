// The newcomer's path of the Test tab: from an empty sandbox to a tool call in the browser, then a refusal explained and fixed.
import { BedrockAgentCoreControlClient, CreateGatewayCommand, CreateGatewayTargetCommand, GetGatewayCommand, type ToolDefinition } from "@aws-sdk/client-bedrock-agentcore-control";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { buildGatewayTrustPolicy } from "../lib/policies/trust-policy";
import { GatewayForm } from "./pages/gateway-form";
import { GatewayTestTab } from "./pages/gateway-test";
import { expect, SANDBOX_ACCOUNT, SANDBOX_URL, test } from "./fixtures";

const cfg = { region: "us-east-1", endpoint: SANDBOX_URL, credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" } };
const agentcore = new BedrockAgentCoreControlClient(cfg);
const iam = new IAMClient(cfg);

type Tool = { name: string; inputSchema: { properties?: Record<string, { type?: string; enum?: unknown[] }>; required?: string[] } };

const sections = (page: Page) => page.getByRole("navigation", { name: "Gateway sections" });
/** The gateway's status badge in the page header (refreshes itself while the gateway is transitional). */
const gatewayStatus = (page: Page) => page.getByRole("main").locator("[data-status]").first();

async function applyPermissions(page: Page, roleName: string) {
  await sections(page).getByRole("link", { name: "Permissions" }).click();
  await page.getByRole("button", { name: `Apply to role ${roleName}` }).click();
  // Apply asks first, with the diff; the policy is named after this gateway.
  const dialog = page.getByRole("dialog", { name: new RegExp(`^Apply AgentCoreGateway-\\S+ to ${roleName}\\?$`) });
  await dialog.getByRole("button", { name: "Apply changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Its AgentCoreGateway-\S+ policy matches the generated one\.$/)).toBeVisible();
}

test("a newcomer goes from an empty sandbox to a tool call in the browser; an audiences-only gateway is explained, fixed in one click, and then answers", async ({ page }) => {
  test.setTimeout(240_000);
  const started = Date.now();

  // A gateway with quick-created Cognito and a new role: the form's defaults.
  const form = new GatewayForm(page);
  await form.open();
  await form.name().fill("newcomer");
  await expect(page.getByRole("radio", { name: /Create a new role/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /Quick-create Cognito/ })).toBeChecked();
  await form.submitButton().click();
  await expect(page.getByRole("heading", { name: "Gateway created" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "Go to the gateway" }).click();
  await expect(page.getByRole("heading", { name: "newcomer" })).toBeVisible();
  const gatewayId = new URL(page.url()).pathname.split("/").pop()!;

  // A Lambda target with the sandbox's starter function: its ARN and tool schema are filled in.
  await sections(page).getByRole("link", { name: "Targets" }).click();
  await page.getByRole("link", { name: "Add target" }).click();
  await page.getByRole("textbox", { name: /^Name/ }).fill("starter");
  await expect(page.getByRole("radio", { name: "Lambda function" })).toBeChecked();
  await page.getByRole("button", { name: "Create a starter function" }).click({ timeout: 30_000 });
  const arnField = page.getByRole("textbox", { name: /^Lambda function ARN/ });
  await expect(arnField).toHaveValue(/^arn:aws:lambda:us-east-1:123456789012:function:starter-tools$/, { timeout: 30_000 });
  const lambdaArn = await arnField.inputValue();
  const tools = JSON.parse(await page.getByRole("textbox", { name: /^Tool schema/ }).inputValue()) as Tool[];
  expect(tools.length).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Add target" }).click();
  const row = page.getByRole("row").filter({ hasText: "starter" });
  await expect(row.locator("[data-status]")).toHaveText("READY", { timeout: 15_000 });

  // The generated least-privilege permissions, applied to the new role.
  await applyPermissions(page, "agentcore-newcomer-role");

  // Test: a token from the quick-created client, the tools by target, one call and its answer.
  const testTab = new GatewayTestTab(page);
  await testTab.open();
  await expect(gatewayStatus(page)).toHaveText("READY", { timeout: 15_000 });
  await testTab.useCognitoClient();
  await testTab.connect();
  await expect(testTab.tools("starter")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/^starter___/).first()).toBeVisible();
  const tool = tools[0];
  const result = await testTab.call(`starter___${tool.name}`, tool.inputSchema);
  await expect(result).toContainText("The tool answered", { timeout: 15_000 });
  await expect(result).not.toContainText("with an error");
  await expect(result.locator("pre").first()).toHaveText(/\S/);
  const seconds = (Date.now() - started) / 1000;
  console.log(`From the empty sandbox to the first successful tool call: ${seconds.toFixed(1)} s`);
  test.info().annotations.push({ type: "time to first tool call", description: `${seconds.toFixed(1)} s` });

  // The raw exchange is there, and shows no bearer token.
  await result.getByText(/^Raw JSON-RPC exchange/).click();
  await expect(result.getByRole("list", { name: "JSON-RPC messages" })).toContainText("tools/call");
  await expect(result.getByRole("list", { name: "JSON-RPC messages" })).not.toContainText(/Bearer eyJ/);

  // A second gateway on the same Cognito pool that allows only audiences: Cognito tokens have none, so every call is refused.
  const first = await agentcore.send(new GetGatewayCommand({ gatewayIdentifier: gatewayId }));
  const discoveryUrl = first.authorizerConfiguration!.customJWTAuthorizer!.discoveryUrl!;
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: "agentcore-audiences-role",
      AssumeRolePolicyDocument: JSON.stringify(buildGatewayTrustPolicy({ accountId: SANDBOX_ACCOUNT, region: "us-east-1", gatewayName: "audiences" })),
    }),
  );
  const second = await agentcore.send(
    new CreateGatewayCommand({
      name: "audiences",
      roleArn: role.Role!.Arn!,
      protocolType: "MCP",
      authorizerType: "CUSTOM_JWT",
      authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl, allowedAudience: ["orders-api"] } },
    }),
  );
  await agentcore.send(
    new CreateGatewayTargetCommand({
      gatewayIdentifier: second.gatewayId!,
      name: "starter",
      targetConfiguration: { mcp: { lambda: { lambdaArn, toolSchema: { inlinePayload: tools as unknown as ToolDefinition[] } } } },
      credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
    }),
  );
  await page.goto(`/gateways/${second.gatewayId}`);
  await applyPermissions(page, "agentcore-audiences-role");
  await testTab.open();
  await expect(gatewayStatus(page)).toHaveText("READY", { timeout: 15_000 });
  await testTab.useCognitoClient();
  await testTab.connect();

  const refusal = testTab.refusal();
  await expect(refusal).toContainText("HTTP 401", { timeout: 15_000 });
  const reason = refusal.locator('[data-reason="cognito-audience-only"]');
  await expect(reason).toBeVisible();
  const claims = refusal.getByRole("table", { name: "Token claims" });
  await expect(claims.getByRole("rowheader", { name: "client_id", exact: true })).toBeVisible();
  await expect(claims.getByRole("rowheader", { name: "aud", exact: true })).toHaveCount(0);

  // The one-click fix adds the client id to allowed clients and drops the audience check no Cognito token can pass
  // (it says so), and the same call then succeeds.
  await reason.getByRole("button").click();
  await expect(page.getByText("The gateway was updated. Connect again once it is READY.")).toBeVisible();
  await expect(page.getByText(/the audience check \(orders-api\) was removed/)).toBeVisible();
  await expect(gatewayStatus(page)).toHaveText("READY", { timeout: 15_000 });
  const fixed = await agentcore.send(new GetGatewayCommand({ gatewayIdentifier: second.gatewayId! }));
  expect(fixed.authorizerConfiguration?.customJWTAuthorizer?.allowedAudience ?? []).toEqual([]);
  expect(fixed.authorizerConfiguration?.customJWTAuthorizer?.discoveryUrl).toBe(discoveryUrl);
  expect(fixed.authorizerConfiguration?.customJWTAuthorizer?.allowedClients?.length).toBe(1);
  await testTab.connect();
  await expect(testTab.tools("starter")).toBeVisible({ timeout: 15_000 });
  const again = await testTab.call(`starter___${tool.name}`, tool.inputSchema);
  await expect(again).toContainText("The tool answered", { timeout: 15_000 });
  await expect(again).not.toContainText("with an error");
});
