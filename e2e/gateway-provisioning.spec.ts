// One submit that provisions what a gateway needs: a new execution role and a quick-created Cognito pool.
import { BedrockAgentCoreControlClient, CreateGatewayTargetCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { GetRoleCommand, GetRolePolicyCommand, IAMClient } from "@aws-sdk/client-iam";
import { buildGatewayTrustPolicy } from "../lib/policies/trust-policy";
import { GatewayForm } from "./pages/gateway-form";
import { expect, SANDBOX_ACCOUNT, SANDBOX_URL, test } from "./fixtures";

const cfg = { region: "us-east-1", endpoint: SANDBOX_URL, credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" } };

test("quick-create Cognito and a new role with the gateway in one submit, reveal and copy the client secret, get a test token", async ({ page }) => {
  const form = new GatewayForm(page);
  await form.open();
  await form.name().fill("support");
  // Defaults: a new least-privilege role named after the gateway, and a Cognito quick create.
  await expect(page.getByRole("radio", { name: /Create a new role/ })).toBeChecked();
  await expect(page.getByRole("textbox", { name: /^New role name/ })).toHaveValue("agentcore-support-role");
  await expect(page.getByRole("radio", { name: /Quick-create Cognito/ })).toBeChecked();
  await form.submitButton().click();

  await expect(page.getByRole("heading", { name: "Gateway created" })).toBeVisible({ timeout: 30_000 });
  const made = page.getByRole("main").getByRole("listitem");
  await expect(made.filter({ hasText: "Execution role arn:aws:iam::123456789012:role/agentcore-support-role" })).toBeVisible();
  await expect(made.filter({ hasText: /^Cognito user pool us-east-1_\w+$/ })).toBeVisible();
  await expect(made.filter({ hasText: /^Cognito domain agentcore-gateway-\w+$/ })).toBeVisible();
  await expect(made.filter({ hasText: /^App client \(client credentials\) \w+$/ })).toBeVisible();
  await expect(made.filter({ hasText: /^Gateway support-[0-9a-z]{10}$/ })).toBeVisible();

  // The secret is masked until revealed, and the copy holds exactly the revealed text.
  const secret = page.getByLabel("Client secret", { exact: true });
  await expect(secret).toHaveAttribute("data-revealed", "false");
  await page.getByRole("button", { name: "Reveal secret" }).click();
  await expect(secret).toHaveAttribute("data-revealed", "true");
  const revealed = (await secret.textContent())!.trim();
  expect(revealed).toMatch(/^[a-z0-9]{51}$/);
  await page.getByRole("button", { name: "Copy client secret" }).click();
  await expect(page.getByRole("button", { name: "Copy client secret" })).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(revealed);

  // A test token for the new client carries its client_id, and no aud.
  const clientId = (await page.getByText(/^[a-z0-9]{26}$/).first().textContent())!.trim();
  await page.getByRole("button", { name: "Get a test token" }).click();
  const claims = page.getByRole("table", { name: "Token claims" });
  await expect(claims.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "client_id", exact: true }) })).toContainText(clientId);
  await expect(claims.getByRole("rowheader", { name: "aud", exact: true })).toHaveCount(0);

  // The gateway accepts exactly that client, from the new pool's discovery URL.
  await page.getByRole("link", { name: "Go to the gateway" }).click();
  await expect(page.getByRole("heading", { name: "support" })).toBeVisible();
  await expect(page.getByText(clientId)).toBeVisible();
  await expect(page.getByText(/\/us-east-1_\w+\/\.well-known\/openid-configuration$/)).toBeVisible();
});

test("create a gateway with a new role in one flow, then apply the generated least-privilege permissions to it", async ({ page }) => {
  const form = new GatewayForm(page);
  await form.open();
  await form.name().fill("billing");
  await page.getByRole("radio", { name: /AWS IAM/ }).check();
  // The trust policy the new role gets is previewed, scoped to this gateway's name.
  await page.getByText("Trust policy the new role gets").click();
  await expect(page.getByText('"aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/billing-??????????"')).toBeVisible();
  await form.submitButton().click();
  await expect(page).toHaveURL(/\/gateways\/billing-[a-z0-9]{10}$/);
  const gatewayId = page.url().split("/").pop()!;

  const role = await new IAMClient(cfg).send(new GetRoleCommand({ RoleName: "agentcore-billing-role" }));
  expect(role.Role?.Arn).toBe(`arn:aws:iam::${SANDBOX_ACCOUNT}:role/agentcore-billing-role`);
  expect(JSON.parse(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!))).toEqual(buildGatewayTrustPolicy({ accountId: SANDBOX_ACCOUNT, region: "us-east-1", gatewayName: "billing" }));

  await new BedrockAgentCoreControlClient(cfg).send(
    new CreateGatewayTargetCommand({
      gatewayIdentifier: gatewayId,
      name: "invoices",
      targetConfiguration: {
        mcp: { lambda: { lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:invoices:live", toolSchema: { inlinePayload: [{ name: "list_invoices", description: "List invoices", inputSchema: { type: "object" } }] } } },
      },
      credentialProviderConfigurations: [{ credentialProviderType: "GATEWAY_IAM_ROLE" }],
    }),
  );

  await page.getByRole("link", { name: "Permissions" }).click();
  const generated = page.locator("#generated-policy");
  await expect(generated).toContainText('"Resource": "arn:aws:lambda:us-east-1:123456789012:function:invoices:live"');
  const policyName = `AgentCoreGateway-${gatewayId}`;
  await expect(page.getByText(`It has no ${policyName} policy yet`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Gateways using agentcore-billing-role" })).toContainText("Only this gateway uses the role.");

  // Apply asks first, listing what it would add; Cancel writes nothing.
  await page.getByRole("button", { name: "Apply to role agentcore-billing-role" }).click();
  const dialog = page.getByRole("dialog", { name: `Apply ${policyName} to agentcore-billing-role?` });
  await expect(dialog).toContainText("1 statement added, 0 statements removed");
  const added = dialog.getByRole("region", { name: "Statements added" });
  await expect(added).toContainText("InvokeLambdaTargets");
  await expect(added).toContainText("arn:aws:lambda:us-east-1:123456789012:function:invoices:live");
  await expect(dialog.getByRole("region", { name: "Statements removed" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`It has no ${policyName} policy yet`)).toBeVisible();

  await page.getByRole("button", { name: "Apply to role agentcore-billing-role" }).click();
  await dialog.getByRole("button", { name: "Apply changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Its ${policyName} policy matches the generated one.`)).toBeVisible();
  const written = await new IAMClient(cfg).send(new GetRolePolicyCommand({ RoleName: "agentcore-billing-role", PolicyName: policyName }));
  expect(decodeURIComponent(written.PolicyDocument!)).toContain("function:invoices:live");
});
