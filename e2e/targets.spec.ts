// Targets a person adds to a gateway: a Lambda with an inline tool schema, an OpenAPI API with an API key made on the fly;
// a taken name flagged at its field, and edits keeping the settings and the provider the form does not show.
import { BedrockAgentCoreControlClient, CreateGatewayCommand, CreateGatewayTargetCommand, GetGatewayTargetCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { expect, SANDBOX_URL, test } from "./fixtures";
import { createGateway } from "./sandbox-sdk";

const sdk = new BedrockAgentCoreControlClient({ region: "us-east-1", endpoint: SANDBOX_URL, credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" } });

async function newGateway(name: string) {
  const g = await sdk.send(new CreateGatewayCommand({ name, roleArn: "arn:aws:iam::123456789012:role/AgentCoreGatewayRole", authorizerType: "AWS_IAM" }));
  return g.gatewayId!;
}

const BROKEN_SCHEMA = `[
  {
    "name": "get_order",
    "description": "Look up an order",
    "inputSchema": { "type": "object", "properties": { "orderId": { "type": "string" } }, },
  }
]`;

const TOOL_SCHEMA = `[
  {
    "name": "get_order",
    "description": "Look up an order by id",
    "inputSchema": { "type": "object", "properties": { "orderId": { "type": "string", "description": "The order id" } }, "required": ["orderId"] }
  },
  {
    "name": "cancel_order",
    "description": "Cancel an order",
    "inputSchema": { "type": "object", "properties": { "orderId": { "type": "string" } } }
  }
]`;

const OPENAPI = `openapi: 3.0.3
info:
  title: Weather
  version: "1.0"
paths:
  /forecast:
    get:
      operationId: getForecast
      responses:
        "200":
          description: ok
`;

test("add a Lambda target with an inline tool schema, fixing a broken schema first, and see it READY with its tools", async ({ page }) => {
  const gatewayId = await newGateway("orders");
  await page.goto(`/gateways/${gatewayId}/targets`);
  await expect(page.getByRole("heading", { name: "No targets yet" })).toBeVisible();
  await page.getByRole("link", { name: "Add target" }).click();

  await page.getByRole("textbox", { name: /^Name/ }).fill("order-tools");
  await expect(page.getByRole("radio", { name: "Lambda function" })).toBeChecked();
  await page.getByRole("textbox", { name: /^Lambda function ARN/ }).fill("arn:aws:lambda:us-east-1:123456789012:function:order-tools");
  // Only the gateway role is offered for Lambda targets.
  await expect(page.getByRole("radio", { name: /Gateway IAM role/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /API key/ })).toHaveCount(0);

  const schema = page.getByRole("textbox", { name: /^Tool schema/ });
  await schema.fill(BROKEN_SCHEMA);
  await schema.blur();
  await expect(schema).toHaveAttribute("aria-invalid", "true");
  await expect(schema).toHaveAccessibleDescription(/Line 5, column \d+/);
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention" })).toBeVisible();

  await schema.fill(TOOL_SCHEMA);
  await expect(schema).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Add target" }).click();

  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}/targets$`));
  const row = page.getByRole("row").filter({ hasText: "order-tools" });
  await expect(row).toContainText("Lambda");
  await expect(row.locator("[data-status]")).toHaveText("READY", { timeout: 15_000 });

  await row.getByRole("link", { name: "order-tools" }).click();
  const tools = page.getByRole("table", { name: "Tools" });
  await expect(tools.getByRole("row").filter({ hasText: "get_order" })).toContainText("orderId");
  await expect(tools.getByRole("row").filter({ hasText: "cancel_order" })).toBeVisible();
});

test("add an OpenAPI target with an API key provider created on the fly, then delete the target and the gateway", async ({ page }) => {
  const gatewayId = await newGateway("weather");
  await page.goto(`/gateways/${gatewayId}/targets/new`);
  await page.getByRole("textbox", { name: /^Name/ }).fill("weather-api");
  await page.getByRole("radio", { name: "OpenAPI schema" }).check();
  await page.getByRole("textbox", { name: /^OpenAPI document/ }).fill(OPENAPI);
  await expect(page.getByRole("radio", { name: /API key/ })).toBeChecked();

  await page.getByRole("button", { name: "New API key provider" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key provider" });
  await dialog.getByRole("textbox", { name: /^Name/ }).fill("weather-key");
  await dialog.getByLabel(/^API key/).fill("sk-test-0123456789");
  await dialog.getByRole("button", { name: /^Create/ }).click();
  await expect(dialog).toContainText("token-vault/default/apikeycredentialprovider/weather-key");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("combobox", { name: /API key provider/ })).toHaveValue(/apikeycredentialprovider\/weather-key$/);
  await page.getByRole("textbox", { name: /^Parameter name/ }).fill("x-api-key");

  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}/targets$`));
  const row = page.getByRole("row").filter({ hasText: "weather-api" });
  await expect(row).toContainText("OpenAPI");
  await expect(row.locator("[data-status]")).toHaveText("READY", { timeout: 15_000 });
  await expect(page.getByText("sk-test-0123456789")).toHaveCount(0);

  // The target's page lists the tools its OpenAPI operations become.
  await row.getByRole("link", { name: "weather-api" }).click();
  await expect(page.getByRole("table", { name: "Tools" }).getByRole("row").filter({ hasText: "getForecast" })).toContainText("GET /forecast");
  await page.getByRole("link", { name: "Targets" }).first().click();

  // The gateway cannot go while it has a target; delete the target first, then the gateway.
  await row.getByRole("button", { name: "Delete weather-api" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete target weather-api?" });
  await confirm.getByRole("textbox", { name: "Type weather-api to confirm" }).fill("weather-api");
  await confirm.getByRole("button", { name: "Delete target" }).click();
  await expect(page.getByRole("heading", { name: "No targets yet" })).toBeVisible({ timeout: 15_000 });
  // The deleted row took its button with it: focus lands on the page content, not nowhere.
  await expect(page.getByRole("main")).toBeFocused();

  await page.getByRole("button", { name: "Delete" }).first().click();
  const gw = page.getByRole("dialog", { name: "Delete gateway weather?" });
  await gw.getByRole("textbox", { name: "Type weather to confirm" }).fill("weather");
  await gw.getByRole("button", { name: "Delete gateway" }).click();
  await expect(page).toHaveURL(/\/gateways$/);
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
