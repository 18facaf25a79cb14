// The gateway lifecycle a person clicks through: create (with a field error first), find, open, copy, edit, delete;
// name conflicts at the Name field, the name filter and the page trail, Cancel, and edits keeping what the form does not show.
import { CreateGatewayCommand, GetGatewayCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { COGNITO_DISCOVERY, GatewayForm, ROLE_ARN } from "./pages/gateway-form";
import { SANDBOX_URL, expect, sandboxControl, test } from "./fixtures";
import { agentCore, createGateway } from "./sandbox-sdk";

const sdk = agentCore();

test("create a gateway through the form, find it, copy its URL, edit it and delete it", async ({ page }) => {
  await expect(page.getByRole("heading", { name: "No gateways in this region yet" })).toBeVisible();
  await page.getByRole("link", { name: "Create gateway" }).last().click();
  const form = new GatewayForm(page);
  await expect(page.getByRole("heading", { name: "Create gateway" })).toBeVisible();

  await form.name().fill("orders-gateway");
  await form.description().fill("Tools for the orders team");
  await form.useRoleArn(ROLE_ARN);
  await expect(page.getByRole("radio", { name: /JSON Web Token/ })).toBeChecked();
  await form.useOidcProvider();

  // A discovery URL without the well-known suffix is refused at the field, before anything reaches AWS.
  await form.discoveryUrl().fill("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI");
  await form.discoveryUrl().blur();
  await expect(form.discoveryUrl()).toHaveAttribute("aria-invalid", "true");
  await expect(form.discoveryUrl()).toHaveAccessibleDescription(/must end with \/\.well-known\/openid-configuration/);
  await form.allowedClient(1).fill("4f0s6gk1rj6stbd3a1mrr7hvvu");
  await form.submitButton().click();
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention" })).toBeVisible();
  await expect(page).toHaveURL(/\/gateways\/new$/);
  // What was typed survives the error.
  await expect(form.name()).toHaveValue("orders-gateway");

  await form.discoveryUrl().fill(COGNITO_DISCOVERY);
  await expect(form.discoveryUrl()).not.toHaveAttribute("aria-invalid", "true");
  await form.submitButton().click();

  await expect(page).toHaveURL(/\/gateways\/orders-gateway-[a-z0-9]{10}$/);
  await expect(page.getByRole("heading", { name: "orders-gateway" })).toBeVisible();
  // The status refreshes by itself until the gateway is ready.
  await expect(page.locator("[data-status]").first()).toHaveText("READY", { timeout: 15_000 });

  // Find it in the list with the name filter.
  await page.getByRole("link", { name: "Gateways" }).first().click();
  await page.getByRole("searchbox", { name: "Filter gateways by name" }).fill("orders");
  await expect(page).toHaveURL(/name=orders/);
  const row = page.getByRole("row").filter({ hasText: "orders-gateway" });
  await expect(row).toContainText("READY");
  await expect(row).toContainText("JWT (OAuth)");
  await row.getByRole("link", { name: "orders-gateway" }).click();

  // Copy the gateway URL and check the clipboard holds exactly it.
  await expect(page).toHaveURL(/\/gateways\/orders-gateway-[a-z0-9]{10}$/);
  const gatewayId = page.url().split("/").pop()!;
  // In the sandbox the gateway URL is its working MCP endpoint on the sandbox's address.
  const expectedUrl = `${SANDBOX_URL}/gateway-runtime/us-east-1/${gatewayId}/mcp`;
  await expect(page.getByText(expectedUrl)).toBeVisible();
  await page.getByRole("button", { name: "Copy gateway URL" }).click();
  await expect(page.getByRole("button", { name: "Copy gateway URL" })).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expectedUrl);

  // Edit the description: the authorizer type is shown but locked, the JWT settings are kept.
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit orders-gateway" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /JSON Web Token/ })).toBeDisabled();
  await expect(page.getByRole("radio", { name: /JSON Web Token/ })).toBeChecked();
  await expect(form.discoveryUrl()).toHaveValue(COGNITO_DISCOVERY);
  await form.description().fill("Order tools, version 2");
  await form.submitButton().click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}$`));
  await expect(page.getByText("Order tools, version 2")).toBeVisible();
  await expect(page.getByText("4f0s6gk1rj6stbd3a1mrr7hvvu")).toBeVisible();
  await expect(page.locator("[data-status]").first()).toHaveText("READY", { timeout: 15_000 });

  // Delete it: the dialog asks for the name.
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete gateway orders-gateway?" });
  await expect(dialog.getByRole("button", { name: "Delete gateway" })).toBeDisabled();
  await dialog.getByRole("textbox", { name: "Type orders-gateway to confirm" }).fill("orders-gateway");
  await dialog.getByRole("button", { name: "Delete gateway" }).click();
  await expect(page).toHaveURL(/\/gateways$/);
  await expect(page.getByRole("heading", { name: "No gateways in this region yet" })).toBeVisible({ timeout: 15_000 });
});

test("a gateway that still has targets cannot be deleted, and the dialog says why", async ({ page }) => {
  const form = new GatewayForm(page);
  await form.open();
  await form.name().fill("busy-gateway");
  await form.useRoleArn(ROLE_ARN);
  await page.getByRole("radio", { name: /AWS IAM/ }).check();
  await form.submitButton().click();
  await expect(page).toHaveURL(/\/gateways\/busy-gateway-/);
  const gatewayId = page.url().split("/").pop()!;
  await sandboxControl(`agentcore-control/gateways/${gatewayId}/targets`, { method: "POST", body: JSON.stringify({ region: "us-east-1", name: "orders-lambda" }) });

  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Type busy-gateway to confirm" }).fill("busy-gateway");
  await dialog.getByRole("button", { name: "Delete gateway" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Delete the gateway's targets first");
  await expect(dialog.getByRole("alert")).toContainText("ConflictException");
});

test("a Cognito discovery URL with audiences only warns that every token would be rejected", async ({ page }) => {
  const form = new GatewayForm(page);
  await form.open();
  await form.useOidcProvider();
  await form.discoveryUrl().fill(COGNITO_DISCOVERY);
  await page.getByRole("button", { name: "Remove allowed client 1" }).click();
  await page.getByRole("button", { name: "Add allowed audience" }).click();
  await page.getByRole("textbox", { name: "Allowed audience 1" }).fill("my-api");
  await expect(page.getByRole("status").filter({ hasText: "Cognito tokens have no aud claim" })).toBeVisible();
  await page.getByRole("button", { name: "Add allowed client" }).click();
  await page.getByRole("textbox", { name: "Allowed client 1" }).fill("client123");
  await expect(page.getByText("Cognito tokens have no aud claim")).toHaveCount(0);
});

test("a duplicate name is refused before anything is created, with the reason shown, and nothing typed is lost", async ({ page }) => {
  const form = new GatewayForm(page);
  await form.open();
  await form.name().fill("twin");
  await form.useRoleArn(ROLE_ARN);
  await page.getByRole("radio", { name: /No authorization/ }).check();
  await form.submitButton().click();
  await expect(page).toHaveURL(/\/gateways\/twin-/);

  await form.open();
  await form.name().fill("twin");
  await form.description().fill("second one");
  await form.useRoleArn(ROLE_ARN);
  await page.getByRole("radio", { name: /No authorization/ }).check();
  await form.submitButton().click();
  const alert = page.getByRole("alert").filter({ hasText: "The gateway was not created" });
  // The console checks the name before creating anything, and says so.
  await expect(alert).toContainText("Nothing was created");
  await expect(alert).toContainText("NameTaken");
  await expect(form.description()).toHaveValue("second one");
  await expect(page).toHaveURL(/\/gateways\/new$/);
});

test("an unknown gateway id shows the not-found page", async ({ page }) => {
  await page.goto("/gateways/nope-abcdefghij");
  await expect(page.getByRole("heading", { name: "Gateway not found" })).toBeVisible();
});

test("a gateway name that is already taken is flagged at the Name field", async ({ page }) => {
  await createGateway("twin");
  const form = new GatewayForm(page);
  await form.open();
  await form.name().fill("twin");
  await form.useRoleArn(ROLE_ARN);
  await page.getByRole("radio", { name: /No authorization/ }).check();
  await form.submitButton().click();
  await expect(page.getByRole("alert").filter({ hasText: "The gateway was not created" })).toContainText("NameTaken");
  await expect(form.name()).toHaveAttribute("aria-invalid", "true");
  await expect(form.name()).toHaveAccessibleDescription(/already exists/);
  await expect(form.name()).toBeFocused();
});

test("filtering by name from page 2 starts again at page 1", async ({ page }) => {
  for (let i = 0; i < 27; i++) await createGateway(`fleet-${String(i).padStart(2, "0")}`);
  await page.goto("/gateways");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByText("Page 2")).toBeVisible();
  await expect(page.getByRole("link", { name: "fleet-25" })).toBeVisible();

  await page.getByRole("searchbox", { name: "Filter gateways by name" }).fill("fleet-1");
  await expect(page).toHaveURL(/name=fleet-1/);
  await expect(page).not.toHaveURL(/prev=/);
  await expect(page.getByRole("link", { name: "fleet-10" })).toBeVisible();
  await expect(page.getByText("Page 1")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pagination" }).getByText("Previous page")).toHaveAttribute("aria-disabled", "true");
});

test("the name filter box follows the URL when the filter is cleared elsewhere", async ({ page }) => {
  await createGateway("alpha");
  await page.goto("/gateways");
  const filter = page.getByRole("searchbox", { name: "Filter gateways by name" });
  await filter.fill("nothing-like-it");
  await expect(page.getByRole("heading", { name: "No gateway matches this filter" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filter" }).click();
  await expect(page).toHaveURL(/\/gateways$/);
  await expect(page.getByRole("link", { name: "alpha" })).toBeVisible();
  await expect(filter).toHaveValue("");

  await filter.fill("alp");
  await expect(page).toHaveURL(/name=alp/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Gateways" }).click();
  await expect(page).toHaveURL(/\/gateways$/);
  await expect(filter).toHaveValue("");
});

test("Cancel on a form opened directly goes back to the console, not out of it", async ({ page }) => {
  const gatewayId = await createGateway("cancel-gw");
  await page.goto("/gateways/new");
  await page.getByRole("link", { name: "Cancel", exact: true }).click();
  await expect(page).toHaveURL(/\/gateways$/);
  await expect(page.getByRole("heading", { name: "Gateways" })).toBeVisible();

  await page.goto(`/gateways/${gatewayId}/targets/new`);
  await page.getByRole("link", { name: "Cancel", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}/targets$`));

  await page.goto(`/gateways/${gatewayId}/edit`);
  await page.getByRole("link", { name: "Cancel", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}$`));
});

test("saving a JWT gateway with a CONTAINS claim and MCP options unchanged keeps its configuration exactly", async ({ page }) => {
  const created = await sdk.send(
    new CreateGatewayCommand({
      name: "claims-gw",
      roleArn: ROLE_ARN,
      protocolType: "MCP",
      authorizerType: "CUSTOM_JWT",
      authorizerConfiguration: {
        customJWTAuthorizer: {
          discoveryUrl: "https://issuer.example.com/.well-known/openid-configuration",
          allowedClients: ["client-1"],
          customClaims: [
            { inboundTokenClaimName: "roles", inboundTokenClaimValueType: "STRING_ARRAY", authorizingClaimMatchValue: { claimMatchOperator: "CONTAINS", claimMatchValue: { matchValueString: "admin" } } },
            { inboundTokenClaimName: "team", inboundTokenClaimValueType: "STRING", authorizingClaimMatchValue: { claimMatchOperator: "EQUALS", claimMatchValue: { matchValueString: "orders" } } },
            { inboundTokenClaimName: "groups", inboundTokenClaimValueType: "STRING_ARRAY", authorizingClaimMatchValue: { claimMatchOperator: "CONTAINS_ANY", claimMatchValue: { matchValueStringList: ["a", "b"] } } },
          ],
        },
      },
      protocolConfiguration: { mcp: { supportedVersions: ["2025-03-26"], instructions: "Use the order tools.", searchType: "SEMANTIC" } },
      exceptionLevel: "DEBUG",
    }),
  );
  const gatewayId = created.gatewayId!;
  const read = () => sdk.send(new GetGatewayCommand({ gatewayIdentifier: gatewayId }));
  await expect.poll(async () => (await read()).status, { timeout: 15_000 }).toBe("READY");
  const before = await read();

  await page.goto(`/gateways/${gatewayId}/edit`);
  await expect(page.getByRole("heading", { name: "Edit claims-gw" })).toBeVisible();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}$`));
  await expect.poll(async () => (await read()).status, { timeout: 15_000 }).toBe("READY");

  const after = await read();
  expect(after.authorizerConfiguration).toEqual(before.authorizerConfiguration);
  expect(after.protocolConfiguration).toEqual(before.protocolConfiguration);
  expect(after.exceptionLevel).toBe("DEBUG");
});

test("at 1024 px the custom claim's type and match show their whole value", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto("/gateways/new");
  await page.getByRole("radio", { name: /Another OIDC provider/ }).check();
  await page.getByRole("button", { name: "Add custom claim" }).click();
  const type = page.getByRole("combobox", { name: "Claim 1 type" });
  const match = page.getByRole("combobox", { name: "Claim 1 match" });
  await type.selectOption("STRING_ARRAY");
  await match.selectOption("CONTAINS_ANY");
  for (const select of [type, match]) {
    // The selected text plus the select's padding (the right one holds the arrow) must fit in the select.
    const fits = await select.evaluate((el: HTMLSelectElement) => {
      const style = getComputedStyle(el);
      const probe = document.createElement("span");
      probe.style.font = style.font;
      probe.style.position = "absolute";
      probe.textContent = el.options[el.selectedIndex].text;
      document.body.append(probe);
      const needed = probe.getBoundingClientRect().width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      probe.remove();
      return needed <= el.clientWidth;
    });
    expect(fits).toBe(true);
  }
});
