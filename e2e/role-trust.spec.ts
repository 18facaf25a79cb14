// The existing-role picker checks the role's trust against this gateway: a role that would not trust it needs "Use it anyway".
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { buildGatewayTrustPolicy } from "../lib/policies/trust-policy";
import { GatewayForm } from "./pages/gateway-form";
import { expect, SANDBOX_ACCOUNT, test } from "./fixtures";
import { sandboxSdkConfig } from "./sandbox-sdk";

test("the picker refuses a role that trusts another gateway name until Use it anyway is checked", async ({ page }) => {
  const trust = buildGatewayTrustPolicy({ accountId: SANDBOX_ACCOUNT, region: "us-east-1", gatewayName: "qa-default-gw" });
  await new IAMClient(sandboxSdkConfig).send(new CreateRoleCommand({ RoleName: "agentcore-qa-default-gw-role", AssumeRolePolicyDocument: JSON.stringify(trust) }));

  const form = new GatewayForm(page);
  await form.open();
  await form.name().fill("qa-iam-gw");
  await page.getByRole("radio", { name: /AWS IAM/ }).check();
  await page.getByRole("radio", { name: /Use an existing role/ }).check();
  const role = page.getByRole("combobox", { name: /^Role/ });
  await expect(role.getByRole("option", { name: "agentcore-qa-default-gw-role (would not trust qa-iam-gw)" })).toBeAttached();
  await role.selectOption({ label: "agentcore-qa-default-gw-role (would not trust qa-iam-gw)" });
  await expect(page.getByRole("status").filter({ hasText: "agentcore-qa-default-gw-role trusts only gateway/qa-default-gw-??????????: it would not trust qa-iam-gw." })).toBeVisible();

  const override = page.getByRole("checkbox", { name: /Use it anyway/ });
  await expect(override).not.toBeChecked();
  await form.submitButton().click();
  await expect(override).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText('Check "Use it anyway" to pick it regardless.')).toBeVisible();
  await expect(page).toHaveURL(/\/gateways\/new/);

  // A name the role does trust clears the verdict; back to qa-iam-gw, the override lets the gateway be created.
  await form.name().fill("qa-default-gw");
  await expect(override).toHaveCount(0);
  await form.name().fill("qa-iam-gw");
  await override.check();
  await form.submitButton().click();
  await expect(page).toHaveURL(/\/gateways\/qa-iam-gw-[a-z0-9]{10}$/, { timeout: 30_000 });
});
