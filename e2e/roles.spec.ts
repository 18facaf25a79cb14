// Roles & policies as a person uses them: create an execution role, copy its trust policy, check roles and policies.
import { readFileSync } from "node:fs";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { BedrockAgentCoreControlClient, CreateGatewayCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { buildGatewayTrustPolicy, formatPolicy } from "../lib/policies/trust-policy";
import { buildGatewayReadOnlyPolicy } from "../lib/policies/management-policies";
import { expect, SANDBOX_ACCOUNT, SANDBOX_URL, test } from "./fixtures";
import type { Page } from "@playwright/test";

const REGION = "us-east-1";
const sdkConfig = { endpoint: SANDBOX_URL, region: REGION, credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" }, maxAttempts: 1 };

async function openRoles(page: Page) {
  await page.getByRole("link", { name: "Roles & policies" }).click();
  await expect(page).toHaveURL(/\/roles$/);
  await expect(page.getByRole("heading", { level: 1, name: "Roles & policies" })).toBeVisible();
  return page.getByRole("form", { name: "Create execution role" });
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test("create an execution role: live trust policy, exact copy and download, then the role with its ARN and verdict", async ({ page }) => {
  const form = await openRoles(page);
  const roleName = form.getByRole("textbox", { name: /^Role name/ });
  const gatewayName = form.getByRole("textbox", { name: /^Gateway name/ });
  const preview = form.getByRole("figure", { name: "Trust policy" }).locator("pre");

  // Without a gateway name the role trusts any gateway of the account and region.
  const anyGateway = formatPolicy(buildGatewayTrustPolicy({ accountId: SANDBOX_ACCOUNT, region: REGION }));
  await expect(preview).toHaveText(anyGateway, { useInnerText: true });

  // A role name IAM would refuse is flagged at the field as it is typed.
  await roleName.fill("orders gateway role");
  await expect(roleName).toHaveAttribute("aria-invalid", "true");
  await expect(roleName).toHaveAccessibleDescription(/Use letters, digits and \+ = , \. @ _ - only/);
  await roleName.fill("OrdersGatewayRole");
  await expect(roleName).not.toHaveAttribute("aria-invalid", "true");

  // The preview follows the gateway name as it is typed.
  await gatewayName.pressSequentially("Orders");
  const expected = formatPolicy(buildGatewayTrustPolicy({ accountId: SANDBOX_ACCOUNT, region: REGION, gatewayName: "Orders" }));
  await expect(preview).toHaveText(expected, { useInnerText: true });

  const copy = form.getByRole("button", { name: "Copy trust policy" });
  await copy.click();
  await expect(copy).toContainText("Copied");
  const copied = await clipboard(page);
  expect(copied).toBe(expected);
  expect(copied).toContain('"aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/orders-??????????"');
  expect(copied).toContain('"aws:SourceAccount": "123456789012"');
  expect(copied).toContain('"Service": "bedrock-agentcore.amazonaws.com"');
  expect(JSON.parse(copied).Statement[0].Action).toBe("sts:AssumeRole");

  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download trust policy" }).click()]);
  expect(download.suggestedFilename()).toBe("OrdersGatewayRole-trust-policy.json");
  expect(readFileSync(await download.path(), "utf8")).toBe(expected);

  await form.getByRole("textbox", { name: /^Description/ }).fill("Execution role of the orders gateway");
  await form.getByRole("button", { name: "Create role" }).click();

  const created = page.getByRole("status", { name: "Created role" });
  const arn = `arn:aws:iam::${SANDBOX_ACCOUNT}:role/OrdersGatewayRole`;
  await expect(created).toContainText("Role OrdersGatewayRole is ready.");
  await expect(created).toContainText(arn);
  await created.getByRole("button", { name: "Copy role ARN" }).click();
  await expect(created.getByRole("button", { name: "Copy role ARN" })).toContainText("Copied");
  expect(await clipboard(page)).toBe(arn);
  // What was typed stays in the form.
  await expect(roleName).toHaveValue("OrdersGatewayRole");

  // The new role is listed among the roles that trust AgentCore, with a clean verdict.
  const roles = page.getByRole("table", { name: "Roles that trust AgentCore" });
  const row = roles.getByRole("row").filter({ hasText: "OrdersGatewayRole" });
  await expect(row).toContainText(arn);
  await expect(row.locator("[data-verdict]")).toHaveText("OK");
  await expect(row.locator("[data-verdict]")).toHaveAttribute("data-verdict", "ok");
  await row.getByRole("button", { name: "Copy ARN of OrdersGatewayRole" }).click();
  expect(await clipboard(page)).toBe(arn);

  // Still there after a reload: it came from ListRoles, not from the form.
  await page.reload();
  await expect(page.getByRole("table", { name: "Roles that trust AgentCore" }).getByRole("row").filter({ hasText: "OrdersGatewayRole" })).toContainText("OK");
});

test("a taken role name is refused by IAM with its error name, at the field, and nothing typed is lost", async ({ page }) => {
  await new IAMClient(sdkConfig).send(
    new CreateRoleCommand({
      RoleName: "taken-role",
      AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
    }),
  );
  const form = await openRoles(page);
  const roleName = form.getByRole("textbox", { name: /^Role name/ });
  await roleName.fill("Taken-Role");
  await form.getByRole("textbox", { name: /^Gateway name/ }).fill("billing");
  await form.getByRole("button", { name: "Create role" }).click();

  const alert = form.getByRole("alert");
  await expect(alert).toContainText("The role was not created");
  await expect(alert).toContainText("Role with name Taken-Role already exists.");
  await expect(alert).toContainText("EntityAlreadyExistsException");
  await expect(roleName).toHaveAttribute("aria-invalid", "true");
  await expect(roleName).toHaveAccessibleDescription(/A role with this name already exists/);
  await expect(roleName).toBeFocused();
  await expect(roleName).toHaveValue("Taken-Role");
  await expect(form.getByRole("textbox", { name: /^Gateway name/ })).toHaveValue("billing");
});

test("a role that trusts AgentCore without conditions gets an error verdict with the linter's explanation", async ({ page }) => {
  await new IAMClient(sdkConfig).send(
    new CreateRoleCommand({
      RoleName: "LooseRole",
      AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
    }),
  );
  await openRoles(page);
  const row = page.getByRole("table", { name: "Roles that trust AgentCore" }).getByRole("row").filter({ hasText: "LooseRole" });
  await expect(row.locator("[data-verdict]")).toHaveText("1 error");
  const findings = row.getByRole("list", { name: "Trust policy findings for LooseRole" });
  await expect(findings).toBeHidden();
  // The disclosure opens from the keyboard.
  const toggle = row.getByRole("button", { name: "Show findings for LooseRole" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(findings).toBeVisible();
  await expect(row.getByRole("button", { name: "Hide findings for LooseRole" })).toHaveAttribute("aria-expanded", "true");
  await expect(findings).toContainText("confused deputy");
});

test("the policy linter points at the broken JSON, then explains a pasted trust policy", async ({ page }) => {
  await openRoles(page);
  const linter = page.getByRole("region", { name: "Policy linter" });
  const text = linter.getByRole("textbox", { name: "Policy to check" });
  await text.fill('{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}');
  const result = linter.getByRole("region", { name: "Linter result" });
  await expect(result).toContainText("Not valid JSON: line 3, column 17");
  await result.getByRole("button", { name: "Go to line 3, column 17" }).click();
  await expect(text).toBeFocused();

  await text.fill(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }] }, null, 2));
  await expect(result).toContainText("Checked as a trust policy");
  await expect(result.getByRole("list", { name: "Findings" })).toContainText('trusts any principal ("*")');

  await linter.getByRole("combobox", { name: "Check as" }).selectOption("permission");
  await expect(result).toContainText("Checked as a permission policy");
  await expect(result).toContainText("a role's permission policy cannot name a Principal");
});

test("the management policy generator scopes a read-only policy to a chosen gateway, and copies exactly what it shows", async ({ page }) => {
  const gw = await new BedrockAgentCoreControlClient(sdkConfig).send(
    new CreateGatewayCommand({ name: "orders", roleArn: `arn:aws:iam::${SANDBOX_ACCOUNT}:role/OrdersGatewayRole`, authorizerType: "AWS_IAM", protocolType: "MCP" }),
  );
  await openRoles(page);
  const section = page.getByRole("region", { name: "Management policies" });
  await section.getByRole("radio", { name: /Read-only/ }).check();
  await section.getByRole("checkbox", { name: new RegExp(gw.gatewayId!) }).check();

  const expected = formatPolicy(buildGatewayReadOnlyPolicy({ accountId: SANDBOX_ACCOUNT, region: REGION, gatewayArns: [gw.gatewayArn!] }).policy);
  await expect(section.getByRole("figure", { name: "Read-only policy" }).locator("pre")).toHaveText(expected, { useInnerText: true });
  await section.getByRole("button", { name: "Copy read-only policy" }).click();
  const copied = await clipboard(page);
  expect(copied).toBe(expected);
  expect(copied).toContain(`arn:aws:bedrock-agentcore:us-east-1:${SANDBOX_ACCOUNT}:gateway/${gw.gatewayId}`);
});
