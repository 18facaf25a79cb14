// Identity defects found in QA, each as the person met it: a taken domain prefix, failed reads of pools, secrets and pool pages.
import type { Page } from "@playwright/test";
import { CognitoIdentityProviderClient, CreateUserPoolCommand, CreateUserPoolDomainCommand } from "@aws-sdk/client-cognito-identity-provider";
import {
  BedrockAgentCoreControlClient,
  CreateApiKeyCredentialProviderCommand,
  CreateOauth2CredentialProviderCommand,
  DeleteApiKeyCredentialProviderCommand,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { SANDBOX_URL, expect, sandboxControl, test } from "./fixtures";

const sdkConfig = { endpoint: SANDBOX_URL, region: "us-east-1", credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" }, maxAttempts: 1 };
const cognito = () => new CognitoIdentityProviderClient(sdkConfig);
const agentCore = () => new BedrockAgentCoreControlClient(sdkConfig);

const faults = (rules: object[]) => sandboxControl("faults", { method: "POST", body: JSON.stringify({ faults: rules }) });

async function poolWithDomain(name: string, domain?: string): Promise<string> {
  const out = await cognito().send(new CreateUserPoolCommand({ PoolName: name }));
  const id = out.UserPool!.Id!;
  if (domain) await cognito().send(new CreateUserPoolDomainCommand({ UserPoolId: id, Domain: domain }));
  return id;
}

const nav = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();

test("a domain prefix another pool already has is flagged at its field, can be changed, and the quick create resumes with the new one", async ({ page }) => {
  await poolWithDomain("someone-else", "taken-prefix");
  await nav(page, "Identity");
  await page.getByRole("link", { name: "Quick create Cognito" }).first().click();
  const prefix = page.getByRole("textbox", { name: /^Domain prefix/ });
  await prefix.fill("taken-prefix");
  await page.getByRole("button", { name: "Create Cognito for a gateway" }).click();

  const stopped = page.getByRole("alert", { name: "Quick create stopped" });
  await expect(stopped).toBeVisible({ timeout: 20_000 });
  const progress = page.getByRole("list", { name: "Quick create progress" });
  await expect(progress.locator('[data-step="domain"]')).toHaveAttribute("data-state", "failed");
  // The error is at the field, and the field (unlike the pool's name, which exists) can be changed.
  await expect(prefix).toHaveAttribute("aria-invalid", "true");
  await expect(prefix).toHaveAccessibleDescription(/Domain already associated with another user pool/);
  await expect(prefix).not.toHaveAttribute("readonly", /.*/);
  await expect(page.getByRole("textbox", { name: /^User pool name/ })).toHaveAttribute("readonly", /.*/);

  await prefix.fill("my-own-prefix");
  await expect(prefix).not.toHaveAttribute("aria-invalid", "true");
  await stopped.getByRole("button", { name: "Resume" }).click();

  const result = page.getByRole("region", { name: "Quick create result" });
  await expect(result).toBeVisible({ timeout: 20_000 });
  await expect(result).toContainText("/oauth2/my-own-prefix/token");
  await expect(progress.locator('[data-step="domain"]')).toContainText("my-own-prefix");
});

test("when the pools cannot be listed, the picker says so instead of loading forever; a pool that cannot be read shows why, with the AWS error name", async ({ page }) => {
  await poolWithDomain("unreadable-pool");
  await faults([{ type: "throttling", service: "cognito", operation: "ListUserPools" }]);
  await nav(page, "Identity");
  await expect(page.getByText("User pools could not be listed")).toBeVisible();
  const existing = page.getByRole("region", { name: "Use an existing pool and app client" });
  const poolSelect = existing.getByRole("combobox", { name: "User pool" });
  await expect(poolSelect.locator("option").first()).toHaveText("User pools could not be loaded");
  await expect(existing.getByRole("alert")).toContainText("TooManyRequestsException");

  await faults([{ type: "internal", service: "cognito", operation: "DescribeUserPool" }]);
  await existing.getByRole("button", { name: "Reload user pools" }).click();
  await expect(poolSelect.locator("option").first()).toHaveText("Choose a user pool");
  await page.reload();
  const row = page.getByRole("table", { name: "User pools" }).getByRole("row").filter({ hasText: "unreadable-pool" });
  await expect(row).toContainText("could not describe user pool");
  await expect(row).toContainText("InternalErrorException");
  await expect(row).toContainText("Unknown (the pool could not be read)");
  await expect(row).not.toContainText("No domain");
});

test("a pool page that cannot be loaded still says which pool and leads back to Identity", async ({ page }) => {
  const id = await poolWithDomain("flaky-pool");
  await faults([{ type: "internal", service: "cognito", operation: "DescribeUserPool" }]);
  await page.goto(`/identity/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: id })).toBeVisible();
  await expect(page.getByText("The user pool could not be loaded")).toBeVisible();
  await expect(page.getByText("InternalErrorException")).toBeVisible();
  await sandboxControl("faults", { method: "DELETE" });
  await page.getByRole("link", { name: "Identity" }).first().click();
  await expect(page).toHaveURL(/\/identity$/);
});

test("Reveal and Copy with the console's server unreachable say so and can be tried again", async ({ page }) => {
  await page.goto("/identity/new");
  await page.getByRole("button", { name: "Create Cognito for a gateway" }).click();
  const result = page.getByRole("region", { name: "Quick create result" });
  await expect(result).toBeVisible({ timeout: 20_000 });
  const poolId = (await result.getByRole("link", { name: /^us-east-1_/ }).textContent())!;

  await page.goto(`/identity/${poolId}`);
  const client = page.getByRole("region", { name: /^App client / });

  // Server actions are POSTs to the page: drop them as a dead server would.
  await page.route(`**/identity/${poolId}`, (route) => (route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue()));
  await client.getByRole("button", { name: "Copy client secret" }).click();
  await expect(client.getByRole("button", { name: "Copy client secret" })).toContainText("Copy failed");
  await expect(client.getByText("The console could not reach its server")).toBeVisible();
  await client.getByRole("button", { name: "Reveal secret" }).click();
  await expect(client.getByText("The console could not reach its server")).toBeVisible();
  await expect(client.getByRole("button", { name: "Reveal secret" })).toBeVisible();

  await page.unroute(`**/identity/${poolId}`);
  await client.getByRole("button", { name: "Reveal secret" }).click();
  await expect(client.getByLabel("Client secret", { exact: true })).toHaveText(/^[a-z0-9]{51}$/);
  await expect(client.getByText("The console could not reach its server")).toHaveCount(0);
  await expect(client.getByRole("button", { name: "Copy client secret" })).toBeEnabled();
});

test("at 1024 px the provider tables fit their cards, Delete included; deleting one that is already gone says so", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await agentCore().send(new CreateApiKeyCredentialProviderCommand({ name: "weather-api", apiKey: "k-123" }));
  await agentCore().send(
    new CreateOauth2CredentialProviderCommand({
      name: "google-drive",
      credentialProviderVendor: "GoogleOauth2",
      oauth2ProviderConfigInput: { googleOauth2ProviderConfig: { clientId: "client-1", clientSecret: "s" } },
    }),
  );
  await nav(page, "Credential providers");
  for (const [table, name] of [
    ["API key providers", "weather-api"],
    ["OAuth2 providers", "google-drive"],
  ]) {
    const t = page.getByRole("table", { name: table });
    await expect(t.getByRole("row").filter({ hasText: name })).toBeVisible();
    expect(await t.evaluate((el) => el.scrollWidth <= el.parentElement!.clientWidth)).toBe(true);
    await expect(t.getByRole("button", { name: `Delete ${name}` })).toBeInViewport();
  }

  await page.getByRole("button", { name: "Delete weather-api" }).click();
  const dialog = page.getByRole("dialog", { name: /weather-api/ });
  await dialog.getByRole("textbox").fill("weather-api");
  await agentCore().send(new DeleteApiKeyCredentialProviderCommand({ name: "weather-api" }));
  await dialog.getByRole("button", { name: "Delete API key provider" }).click();
  await expect(page.getByText("The API key provider weather-api no longer exists. The list was refreshed.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "No API key providers in this region yet" })).toBeVisible();
});
