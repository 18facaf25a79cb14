// Credential providers as a person uses them: an API key typed once and never shown again, copyable ARNs, an OAuth2 provider's callback URL, delete by name;
// at 1024 px the tables fit their cards, and deleting a provider that is already gone says so.
import type { Page } from "@playwright/test";
import { CreateApiKeyCredentialProviderCommand, CreateOauth2CredentialProviderCommand, DeleteApiKeyCredentialProviderCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { expect, SANDBOX_ACCOUNT, test } from "./fixtures";
import { nav } from "./pages/shell";
import { recordResponses } from "./responses";
import { agentCore } from "./sandbox-sdk";

const API_KEY = "sk-e2e-9f8e7d6c5b4a3210";
const CLIENT_SECRET = "e2e-client-secret-a1b2c3";
const DISCOVERY = "https://login.example.com/realms/agents/.well-known/openid-configuration";
const apiKeyArn = (name: string) => `arn:aws:bedrock-agentcore:us-east-1:${SANDBOX_ACCOUNT}:token-vault/default/apikeycredentialprovider/${name}`;

/** Page object for the two create forms (labels carry a "(required)" suffix, hence the prefix matches). */
class ProviderForm {
  constructor(readonly page: Page) {}
  name = () => this.page.getByRole("textbox", { name: /^Name/ });
  apiKey = () => this.page.getByLabel(/^API key/);
  vendor = () => this.page.getByRole("combobox", { name: /^Provider/ });
  discoveryUrl = () => this.page.getByRole("textbox", { name: /^Discovery URL/ });
  clientId = () => this.page.getByRole("textbox", { name: /^Client ID/ });
  clientSecret = () => this.page.getByLabel(/^Client secret/);
}

async function clipboard(page: Page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

async function inputValues(page: Page) {
  return page.locator("input, textarea").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

test("create an API key provider (the key is never shown again), copy its ARN, and delete it by name", async ({ page, baseURL }) => {
  const responses = await recordResponses(page, baseURL!);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Credential providers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Credential providers" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No API key providers in this region yet" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No OAuth2 providers in this region yet" })).toBeVisible();

  await page.getByRole("link", { name: "Create API key provider" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Create API key provider" })).toBeVisible();
  const form = new ProviderForm(page);
  await expect(form.apiKey()).toHaveAttribute("type", "password");

  // A name the model refuses is flagged at the field before anything is sent.
  await form.name().fill("weather api");
  await form.name().blur();
  await expect(form.name()).toHaveAttribute("aria-invalid", "true");
  await expect(form.name()).toHaveAccessibleDescription(/Use letters, digits, hyphens and underscores only/);
  await form.name().fill("weather-api");
  await expect(form.name()).not.toHaveAttribute("aria-invalid", "true");
  await form.apiKey().fill(API_KEY);
  await page.getByRole("button", { name: "Create API key provider" }).click();

  await expect(page.getByRole("heading", { name: "API key provider weather-api created" })).toBeVisible();
  await expect(page.getByText("will never be shown again")).toBeVisible();
  // Neither the page nor the create action's response carries the key.
  await responses.expectNone(API_KEY);
  expect(await inputValues(page)).not.toContain(API_KEY);

  await page.getByRole("button", { name: "Copy provider ARN" }).click();
  await expect(page.getByRole("button", { name: "Copy provider ARN" })).toContainText("Copied");
  expect(await clipboard(page)).toBe(apiKeyArn("weather-api"));

  await page.getByRole("link", { name: "Back to credential providers" }).click();
  const table = page.getByRole("table", { name: "API key providers" });
  const row = table.getByRole("row").filter({ hasText: "weather-api" });
  await expect(row).toContainText(apiKeyArn("weather-api"));
  expect(await page.content()).not.toContain(API_KEY);
  await row.getByRole("button", { name: "Copy ARN of weather-api" }).click();
  await expect(row.getByRole("button", { name: "Copy ARN of weather-api" })).toContainText("Copied");
  expect(await clipboard(page)).toBe(apiKeyArn("weather-api"));

  // The same name again: AWS's conflict lands at the name field, and what was typed stays.
  await page.getByRole("link", { name: "Create API key provider" }).first().click();
  await form.name().fill("weather-api");
  await form.apiKey().fill("another-key-value");
  await page.getByRole("button", { name: "Create API key provider" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The API key provider was not created" })).toContainText("ConflictException");
  await expect(form.name()).toHaveAttribute("aria-invalid", "true");
  await expect(form.name()).toHaveAccessibleDescription(/An API key provider named weather-api already exists/);
  await expect(form.name()).toHaveValue("weather-api");
  await expect(form.apiKey()).toHaveValue("another-key-value");

  // Delete it: the dialog asks for the name.
  await page.goto("/credential-providers");
  await table.getByRole("button", { name: "Delete weather-api" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete API key provider weather-api?" });
  await expect(dialog.getByRole("button", { name: "Delete API key provider" })).toBeDisabled();
  await dialog.getByRole("textbox", { name: "Type weather-api to confirm" }).fill("weather-ap");
  await expect(dialog.getByRole("button", { name: "Delete API key provider" })).toBeDisabled();
  await dialog.getByRole("textbox", { name: "Type weather-api to confirm" }).fill("weather-api");
  await dialog.getByRole("button", { name: "Delete API key provider" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: "No API key providers in this region yet" })).toBeVisible();
});

test("create a custom OAuth2 provider by discovery URL and copy its callback URL", async ({ page, baseURL }) => {
  const responses = await recordResponses(page, baseURL!);
  await page.goto("/credential-providers/oauth2/new");
  await expect(page.getByRole("heading", { level: 1, name: "Create OAuth2 provider" })).toBeVisible();
  const form = new ProviderForm(page);
  await expect(form.vendor()).toHaveValue("CustomOauth2");

  await form.name().fill("corp-idp");
  await form.discoveryUrl().fill("https://login.example.com/realms/agents");
  await form.discoveryUrl().blur();
  await expect(form.discoveryUrl()).toHaveAttribute("aria-invalid", "true");
  await expect(form.discoveryUrl()).toHaveAccessibleDescription(/must end with \/\.well-known\/openid-configuration/);

  // Each vendor shows its own fields; switching back keeps what was typed.
  await form.vendor().selectOption({ label: "Microsoft (Entra ID)" });
  await expect(page.getByRole("textbox", { name: /^Tenant/ })).toBeVisible();
  await expect(form.discoveryUrl()).toBeHidden();
  await form.vendor().selectOption({ label: "Okta" });
  await expect(page.getByRole("textbox", { name: /^Issuer \(required\)/ })).toBeVisible();
  await form.vendor().selectOption({ label: "Custom (any OAuth2 / OIDC server)" });
  await expect(form.discoveryUrl()).toHaveValue("https://login.example.com/realms/agents");

  await form.discoveryUrl().fill(DISCOVERY);
  await expect(form.discoveryUrl()).not.toHaveAttribute("aria-invalid", "true");
  await form.clientId().fill("agents-console");
  await form.clientSecret().fill(CLIENT_SECRET);
  await page.getByRole("button", { name: "Create OAuth2 provider" }).click();

  await expect(page.getByRole("heading", { name: "OAuth2 provider corp-idp created" })).toBeVisible();
  const callback = page.getByText(/^https:\/\/bedrock-agentcore\.us-east-1\.amazonaws\.com\/identities\/oauth2\/callback\/[0-9a-f-]{36}$/);
  await expect(callback).toBeVisible();
  const callbackUrl = (await callback.textContent())!;
  await responses.expectNone(CLIENT_SECRET);
  await page.getByRole("button", { name: "Copy callback URL" }).click();
  await expect(page.getByRole("button", { name: "Copy callback URL" })).toContainText("Copied");
  expect(await clipboard(page)).toBe(callbackUrl);

  await page.getByRole("link", { name: "Back to credential providers" }).click();
  const row = page.getByRole("table", { name: "OAuth2 providers" }).getByRole("row").filter({ hasText: "corp-idp" });
  await expect(row).toContainText("Custom (any OAuth2 / OIDC server)");
  await expect(row).toContainText(callbackUrl);
  await expect(row).toContainText("client agents-console");
  await responses.expectNone(CLIENT_SECRET);
  await row.getByRole("button", { name: "Copy callback URL of corp-idp" }).click();
  expect(await clipboard(page)).toBe(callbackUrl);
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
