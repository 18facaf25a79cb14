// Regressions found in QA of the gateways and targets pages: name conflicts at the Name field, the filter resetting
// the page trail, and target edits keeping the settings the form does not show.
import {
  BedrockAgentCoreControlClient,
  CreateGatewayCommand,
  CreateGatewayTargetCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
} from "@aws-sdk/client-bedrock-agentcore-control";
import { GatewayForm, ROLE_ARN } from "./gateway-form";
import { expect, SANDBOX_URL, test } from "./fixtures";

const sdk = new BedrockAgentCoreControlClient({ region: "us-east-1", endpoint: SANDBOX_URL, credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" } });

async function createGateway(name: string) {
  const g = await sdk.send(new CreateGatewayCommand({ name, roleArn: ROLE_ARN, protocolType: "MCP", authorizerType: "NONE" }));
  return g.gatewayId!;
}

test("a gateway name that is already taken is flagged at the Name field", async ({ page }) => {
  await createGateway("twin");
  const form = new GatewayForm(page);
  await form.open();
  await form.name().fill("twin");
  await form.useRoleArn(ROLE_ARN);
  await page.getByRole("radio", { name: /No authorization/ }).check();
  await form.submitButton().click();
  await expect(page.getByRole("alert").filter({ hasText: "The gateway was not created" })).toContainText("ConflictException");
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

test("a target name that is already taken is flagged at the Name field", async ({ page }) => {
  const gatewayId = await createGateway("targets-gw");
  await sdk.send(
    new CreateGatewayTargetCommand({ gatewayIdentifier: gatewayId, name: "orders", targetConfiguration: { mcp: { mcpServer: { endpoint: "https://mcp.example.com/mcp" } } } }),
  );
  await page.goto(`/gateways/${gatewayId}/targets/new`);
  await page.getByRole("textbox", { name: /^Name/ }).fill("orders");
  await page.getByRole("radio", { name: "MCP server" }).check();
  await page.getByRole("textbox", { name: /^MCP server endpoint/ }).fill("https://other.example.com/mcp");
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The target was not created" })).toContainText("ConflictException");
  await expect(page.getByRole("textbox", { name: /^Name/ })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: /^Name/ })).toHaveAccessibleDescription(/already exists/);
  await expect(page.getByRole("textbox", { name: /^Name/ })).toBeFocused();
  await expect(page.getByRole("textbox", { name: /^MCP server endpoint/ })).toHaveValue("https://other.example.com/mcp");
});

test("saving an MCP server target unchanged keeps its listing mode, priority and metadata headers", async ({ page }) => {
  const gatewayId = await createGateway("keep-gw");
  const created = await sdk.send(
    new CreateGatewayTargetCommand({
      gatewayIdentifier: gatewayId,
      name: "dynamic-tools",
      targetConfiguration: { mcp: { mcpServer: { endpoint: "https://mcp.example.com/mcp", listingMode: "DYNAMIC", resourcePriority: 5 } } },
      metadataConfiguration: { allowedRequestHeaders: ["x-tenant"] },
    }),
  );
  const targetId = created.targetId!;
  const read = () => sdk.send(new GetGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId }));
  await expect.poll(async () => (await read()).status, { timeout: 15_000 }).toBe("READY");
  const before = await read();

  await page.goto(`/gateways/${gatewayId}/targets/${targetId}/edit`);
  await expect(page.getByRole("heading", { name: "Edit target dynamic-tools" })).toBeVisible();
  await expect(page.getByText(/settings this form does not show \(metadata propagation, tool listing mode, resource priority\)/)).toBeVisible();
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}/targets$`));
  await expect.poll(async () => (await read()).status, { timeout: 15_000 }).toBe("READY");

  const after = await read();
  expect(after.targetConfiguration).toEqual(before.targetConfiguration);
  expect(after.metadataConfiguration).toEqual({ allowedRequestHeaders: ["x-tenant"] });
  expect(after.credentialProviderConfigurations).toEqual(before.credentialProviderConfigurations);
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

test("switching the region on a gateway's page goes to that region's gateways, and back again", async ({ page }) => {
  const gatewayId = await createGateway("east-only");
  await page.goto(`/gateways/${gatewayId}/targets`);
  await expect(page.getByRole("heading", { name: "east-only" })).toBeVisible();
  const region = page.getByRole("region", { name: "Backend" }).getByRole("combobox", { name: "Region" });

  await region.selectOption("us-west-2");
  await expect(page).toHaveURL(/\/gateways$/);
  await expect(page.getByRole("heading", { name: "No gateways in this region yet" })).toBeVisible();
  await expect(region).toHaveValue("us-west-2");

  await region.selectOption("us-east-1");
  await expect(page.getByRole("link", { name: "east-only" })).toBeVisible();
  await expect(region).toHaveValue("us-east-1");
});

test("the dark mode switch says whether dark mode is on, and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/gateways");
  const toggle = page.getByRole("button", { name: "Toggle dark mode" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.getByRole("button", { name: "Toggle dark mode" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});

test("editing a target whose credential provider is not listed still shows that provider, and saving keeps it", async ({ page }) => {
  const gatewayId = await createGateway("ghost-gw");
  const providerArn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/gone-key";
  const created = await sdk.send(
    new CreateGatewayTargetCommand({
      gatewayIdentifier: gatewayId,
      name: "weather",
      targetConfiguration: { mcp: { mcpServer: { endpoint: "https://weather.example.com/mcp" } } },
      credentialProviderConfigurations: [
        { credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn, credentialLocation: "HEADER", credentialParameterName: "x-api-key" } } },
      ],
    }),
  );
  const targetId = created.targetId!;
  const read = () => sdk.send(new GetGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId }));
  await expect.poll(async () => (await read()).status, { timeout: 15_000 }).toBe("READY");

  await page.goto(`/gateways/${gatewayId}/targets/${targetId}/edit`);
  const provider = page.getByRole("combobox", { name: /^API key provider/ });
  await expect(provider).toHaveValue(providerArn);
  await expect(provider.locator("option:checked")).toHaveText("gone-key (not found in this region)");
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}/targets$`));
  await expect.poll(async () => (await read()).status, { timeout: 15_000 }).toBe("READY");
  expect((await read()).credentialProviderConfigurations?.[0].credentialProvider?.apiKeyCredentialProvider?.providerArn).toBe(providerArn);
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
