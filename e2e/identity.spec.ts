// Inbound identity flows a person clicks through: quick-create Cognito (and its failure paths, a taken domain prefix), the client secret
// (also with the server unreachable), test tokens, the pool pages (also when pools cannot be listed or read).
import type { Page } from "@playwright/test";
import { SANDBOX_URL, expect, sandboxControl, test } from "./fixtures";
import { QuickCreate } from "./pages/quick-create";
import { nav } from "./pages/shell";
import { poolWithDomain } from "./sandbox-sdk";

const MASK = /^•+$/;

const faults = (rules: object[]) => sandboxControl("faults", { method: "POST", body: JSON.stringify({ faults: rules }) });

/** Fails the next CreateUserPoolClient calls (the console's SDK makes 3 attempts). */
const failClientCreation = () =>
  sandboxControl("faults", { method: "POST", body: JSON.stringify({ faults: [{ type: "internal", service: "cognito", operation: "CreateUserPoolClient", count: 3 }] }) });

async function revealAndCopySecret(page: Page, scope: ReturnType<Page["locator"]> | Page = page): Promise<string> {
  const value = scope.getByLabel("Client secret", { exact: true });
  await expect(value).toHaveText(MASK);
  await expect(value).toHaveAttribute("data-revealed", "false");
  await scope.getByRole("button", { name: "Reveal secret" }).click();
  await expect(value).toHaveText(/^[a-z0-9]{51}$/);
  const secret = (await value.textContent())!;
  await scope.getByRole("button", { name: "Copy client secret" }).click();
  await expect(scope.getByRole("button", { name: "Copy client secret" })).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  return secret;
}

test("quick-create Cognito, reveal and copy the secret, get a test token, and take it to a new gateway", async ({ page }) => {
  const qc = new QuickCreate(page);
  await qc.open();
  await expect(qc.poolName()).toHaveValue(/^agentcore-gateway-[a-z0-9]{6}$/);
  await expect(page.getByRole("textbox", { name: /^Scopes/ })).toHaveValue("invoke");

  await qc.submit();
  await qc.expectAllDone();
  const result = qc.result();
  await expect(result.getByRole("heading", { name: "Cognito is ready for your gateway" })).toBeVisible();

  // The secret: masked, revealed on request, copied exactly.
  const secret = await revealAndCopySecret(page, result);
  await result.getByRole("button", { name: "Hide secret" }).click();
  await expect(result.getByLabel("Client secret", { exact: true })).toHaveText(MASK);

  // A test token: its claims carry client_id (and no aud), it is verified, its expiry is an hour away.
  await result.getByRole("button", { name: "Get a test token" }).click();
  const claims = result.getByRole("table", { name: "Token claims" });
  await expect(claims).toBeVisible();
  const clientIdRow = claims.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "client_id", exact: true }) });
  await expect(clientIdRow).toHaveCount(1);
  const clientId = (await clientIdRow.getByRole("cell").textContent())!.trim();
  expect(clientId).toMatch(/^[a-z0-9]{26}$/);
  await expect(claims.getByRole("rowheader", { name: "token_use", exact: true })).toBeVisible();
  await expect(claims.getByRole("rowheader", { name: "aud", exact: true })).toHaveCount(0);
  await expect(result.getByText("Signature verified")).toBeVisible();
  await expect(result.getByTestId("token-expiry-relative")).toHaveText(/\(in (59 min|1 h)\)/);
  const curl = result.locator("pre").filter({ hasText: "curl" });
  await expect(curl).toContainText('"$CLIENT_SECRET"');
  await expect(curl).toContainText("grant_type=client_credentials");
  expect(await curl.textContent()).not.toContain(secret);

  // The discovery URL and client id go to the gateway form; the secret never goes in a URL.
  await result.getByRole("link", { name: "Use in a new gateway" }).click();
  await expect(page).toHaveURL(/\/gateways\/new\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("clientId")).toBe(clientId);
  expect(url.searchParams.get("discoveryUrl")).toMatch(new RegExp(`^${SANDBOX_URL.replace(/\./g, "\\.")}/us-east-1_[0-9A-Za-z]{9}/\\.well-known/openid-configuration$`));
  expect(page.url()).not.toContain(secret);
});

test("the pool appears on the identity page, marked for gateways; its page reveals the same secret and gets tokens", async ({ page }) => {
  const qc = new QuickCreate(page);
  await qc.open();
  const poolName = await qc.poolName().inputValue();
  await qc.submit();
  await qc.expectAllDone();
  const firstSecret = await revealAndCopySecret(page, qc.result());
  const poolId = (await qc.result().getByRole("link", { name: /^us-east-1_/ }).textContent())!;

  await nav(page, "Identity");
  const row = page.getByRole("row").filter({ hasText: poolName });
  await expect(row).toContainText("For gateways");
  await expect(row).toContainText("ACTIVE");

  // The existing pool + client picker hands the same pair to the gateway form.
  const existing = page.getByRole("region", { name: "Use an existing pool and app client" });
  await existing.getByRole("combobox", { name: "User pool" }).selectOption(poolId);
  const clientSelect = existing.getByRole("combobox", { name: "App client" });
  await expect(clientSelect).toBeEnabled();
  await clientSelect.selectOption({ index: 1 });
  const discoveryUrl = `${SANDBOX_URL}/${poolId}/.well-known/openid-configuration`;
  await expect(existing.getByRole("link", { name: "Use in a new gateway" })).toHaveAttribute(
    "href",
    new RegExp(`^/gateways/new\\?discoveryUrl=${encodeURIComponent(discoveryUrl).replace(/\./g, "\\.")}&clientId=[a-z0-9]{26}$`),
  );
  await existing.getByRole("button", { name: "Verify discovery URL" }).click();
  await expect(existing.getByText("Discovery document OK")).toBeVisible();

  await row.getByRole("link", { name: poolName }).click();
  await expect(page.getByRole("heading", { name: poolName, exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Resource servers" })).toContainText("agentcore-gateway/invoke");
  const client = page.getByRole("region", { name: /^App client / });
  // On the pool page the secret is fetched only on Reveal.
  expect(await page.content()).not.toContain(firstSecret);
  expect(await revealAndCopySecret(page, client)).toBe(firstSecret);
  await client.getByRole("button", { name: "Get a test token" }).click();
  await expect(client.getByRole("table", { name: "Token claims" }).getByRole("rowheader", { name: "client_id", exact: true })).toBeVisible();
});

test("a quick create that fails at the app client shows what exists, and resumes", async ({ page }) => {
  const qc = new QuickCreate(page);
  await qc.open();
  await failClientCreation();
  await qc.submit();

  const stopped = qc.stopped();
  await expect(stopped).toBeVisible({ timeout: 20_000 });
  await expect(qc.step("client")).toHaveAttribute("data-state", "failed");
  await expect(qc.step("client")).toContainText("InternalErrorException");
  const created = stopped.getByRole("list", { name: "Created so far" });
  await expect(created).toContainText(/User pool us-east-1_[0-9A-Za-z]{9}/);
  await expect(created).toContainText("Domain agentcore-gateway-");
  await expect(created).toContainText("Resource server agentcore-gateway");
  await expect(created).not.toContainText("App client");

  await stopped.getByRole("button", { name: "Resume" }).click();
  await qc.expectAllDone();
  await expect(qc.stopped()).toHaveCount(0);
});

test("a quick create that fails can be cleaned up, leaving nothing behind", async ({ page }) => {
  const qc = new QuickCreate(page);
  await qc.open();
  await failClientCreation();
  await qc.submit();
  await expect(qc.stopped()).toBeVisible({ timeout: 20_000 });

  await qc.stopped().getByRole("button", { name: "Clean up" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete what this quick create made?" });
  await expect(dialog).toContainText("User pool us-east-1_");
  await dialog.getByRole("button", { name: "Delete them" }).click();
  const done = page.getByRole("status", { name: "Clean up finished" });
  await expect(done).toContainText(/Deleted domain agentcore-gateway-/);
  await expect(done).toContainText(/Deleted user pool us-east-1_/);
  // The form is editable again.
  await expect(page.getByRole("button", { name: "Create Cognito for a gateway" })).toBeVisible();

  await nav(page, "Identity");
  await expect(page.getByRole("heading", { name: "No user pools in this region yet" })).toBeVisible();
});

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
