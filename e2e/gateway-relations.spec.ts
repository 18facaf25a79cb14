// What uses what, gateway tags, and deleting a gateway with the role and pool the console made for it.
import { CreateApiKeyCredentialProviderCommand, CreateGatewayCommand, ListTagsForResourceCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import { CreateUserPoolClientCommand, CreateUserPoolCommand, CreateUserPoolDomainCommand, DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CreateRoleCommand, GetRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { SANDBOX_URL, expect, sandboxControl, test } from "./fixtures";
import { agentCore, cognito, sandboxSdkConfig } from "./sandbox-sdk";

const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const iam = () => new IAMClient(sandboxSdkConfig);

/** A gateway with a role and a Cognito pool tagged as the console tags what it makes for a gateway named `name`. */
async function provisioned(name: string) {
  const role = await iam().send(
    new CreateRoleCommand({
      RoleName: `${name}-role`,
      AssumeRolePolicyDocument: TRUST,
      Tags: [
        { Key: "agentcore-console:purpose", Value: "gateway-execution" },
        { Key: "agentcore-console:gateway-name", Value: name },
      ],
    }),
  );
  await iam().send(new PutRolePolicyCommand({ RoleName: `${name}-role`, PolicyName: `${name}-permissions`, PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: "*" }] }) }));
  const pool = (await cognito().send(new CreateUserPoolCommand({ PoolName: `${name}-pool`, UserPoolTags: { "agentcore-console:purpose": "gateway-inbound-auth", "agentcore-console:gateway-name": name } }))).UserPool!;
  await cognito().send(new CreateUserPoolDomainCommand({ UserPoolId: pool.Id!, Domain: `${name}-domain` }));
  const client = (await cognito().send(new CreateUserPoolClientCommand({ UserPoolId: pool.Id!, ClientName: `${name}-client`, GenerateSecret: true }))).UserPoolClient!;
  const g = await agentCore().send(
    new CreateGatewayCommand({
      name,
      roleArn: role.Role!.Arn!,
      protocolType: "MCP",
      authorizerType: "CUSTOM_JWT",
      authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: `${SANDBOX_URL}/${pool.Id}/.well-known/openid-configuration`, allowedClients: [client.ClientId!] } },
    }),
  );
  return { gatewayId: g.gatewayId!, poolId: pool.Id!, roleName: `${name}-role` };
}

test("the role and pool pages show the gateway using them, and deleting the gateway deletes its role and pool too", async ({ page }) => {
  const { gatewayId, poolId, roleName } = await provisioned("shop");

  await page.goto(`/roles/${roleName}`);
  await expect(page.getByRole("heading", { name: roleName, level: 1 })).toBeVisible();
  const roleUsers = page.getByRole("region", { name: "Used by" });
  await expect(roleUsers).toContainText("1 gateway in this region uses this role.");
  await expect(roleUsers.getByRole("link", { name: "shop" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Inline policy shop-permissions" })).toBeVisible();

  await page.goto(`/identity/${poolId}`);
  await expect(page.getByRole("region", { name: "Used by" }).getByRole("link", { name: "shop" })).toBeVisible();
  await page.getByRole("region", { name: "Used by" }).getByRole("link", { name: "shop" }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}$`));

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete gateway shop?" });
  const role = dialog.getByRole("checkbox", { name: `Delete role ${roleName}` });
  const pool = dialog.getByRole("checkbox", { name: /^Delete user pool shop-pool/ });
  await expect(role).toBeChecked();
  await expect(pool).toBeChecked();
  await expect(role).toHaveAccessibleDescription(/Made by the console for this gateway/);
  await dialog.getByRole("textbox", { name: "Type shop to confirm" }).fill("shop");
  await dialog.getByRole("button", { name: "Delete gateway" }).click();

  await expect(page).toHaveURL(/\/gateways$/);
  const toast = page.getByRole("listitem").filter({ hasText: "Gateway shop is being deleted." });
  await expect(toast).toContainText(`role ${roleName}: deleted`);
  await expect(toast).toContainText("domain shop-domain: deleted");
  await expect(toast).toContainText(`user pool ${poolId}: deleted`);
  await expect(iam().send(new GetRoleCommand({ RoleName: roleName }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
  await expect(cognito().send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});

test("a role another gateway uses is kept, and unchecking keeps the pool", async ({ page }) => {
  const { gatewayId, poolId, roleName } = await provisioned("cart");
  const role = await iam().send(new GetRoleCommand({ RoleName: roleName }));
  await agentCore().send(new CreateGatewayCommand({ name: "cart-two", roleArn: role.Role!.Arn!, protocolType: "MCP", authorizerType: "NONE" }));

  await page.goto(`/gateways/${gatewayId}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete gateway cart?" });
  const roleBox = dialog.getByRole("checkbox", { name: `Delete role ${roleName}` });
  await expect(roleBox).toBeDisabled();
  await expect(roleBox).not.toBeChecked();
  await expect(roleBox).toHaveAccessibleDescription(/also used by the gateway cart-two/);
  await dialog.getByRole("checkbox", { name: /^Delete user pool cart-pool/ }).uncheck();
  await dialog.getByRole("textbox", { name: "Type cart to confirm" }).fill("cart");
  await dialog.getByRole("button", { name: "Delete gateway" }).click();
  await expect(page).toHaveURL(/\/gateways$/);
  await expect(page.getByRole("listitem").filter({ hasText: "Gateway cart is being deleted." })).toBeVisible();
  expect((await iam().send(new GetRoleCommand({ RoleName: roleName }))).Role?.RoleName).toBe(roleName);
  expect((await cognito().send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.Id).toBe(poolId);
});

test("a gateway's tags are shown and edited on its Overview", async ({ page }) => {
  const g = await agentCore().send(new CreateGatewayCommand({ name: "tagged", roleArn: "arn:aws:iam::123456789012:role/r", protocolType: "MCP", authorizerType: "NONE", tags: { team: "platform", env: "dev" } }));
  await page.goto(`/gateways/${g.gatewayId}`);
  const tags = page.getByRole("region", { name: "Tags" });
  await expect(tags.getByRole("definition")).toHaveText(["dev", "platform"]);

  await tags.getByRole("button", { name: "Edit tags" }).click();
  await tags.getByRole("textbox", { name: "Tag 1 value" }).fill("prod");
  await tags.getByRole("button", { name: "Remove tag 2" }).click();
  await tags.getByRole("button", { name: "Add tag" }).click();
  await tags.getByRole("textbox", { name: "Tag 2 key" }).fill("env");
  await tags.getByRole("button", { name: "Save tags" }).click();
  await expect(tags.getByRole("textbox", { name: "Tag 2 key" })).toHaveAccessibleDescription("The key env is already used by tag 1.");
  await tags.getByRole("textbox", { name: "Tag 2 key" }).fill("owner#1");
  await expect(tags.getByRole("textbox", { name: "Tag 2 key" })).toHaveAccessibleDescription(/Use letters, digits/);
  await tags.getByRole("textbox", { name: "Tag 2 key" }).fill("owner");
  await tags.getByRole("textbox", { name: "Tag 2 value" }).fill("me@example.com");
  await tags.getByRole("button", { name: "Save tags" }).click();

  await expect(page.getByText("Tags saved: 2 tags.")).toBeVisible();
  await expect(tags.getByRole("term")).toHaveText(["env", "owner"]);
  await expect(tags.getByRole("definition")).toHaveText(["prod", "me@example.com"]);
  expect((await agentCore().send(new ListTagsForResourceCommand({ resourceArn: g.gatewayArn! }))).tags).toEqual({ env: "prod", owner: "me@example.com" });
});

test("a credential provider lists the gateways whose targets use it", async ({ page }) => {
  const provider = await agentCore().send(new CreateApiKeyCredentialProviderCommand({ name: "weather-key", apiKey: "k-1" }));
  const g = await agentCore().send(new CreateGatewayCommand({ name: "weather", roleArn: "arn:aws:iam::123456789012:role/r", protocolType: "MCP", authorizerType: "NONE" }));
  await sandboxControl(`agentcore-control/gateways/${g.gatewayId}/targets`, {
    method: "POST",
    body: JSON.stringify({
      region: "us-east-1",
      name: "forecast",
      credentialProviderConfigurations: [{ credentialProviderType: "API_KEY", credentialProvider: { apiKeyCredentialProvider: { providerArn: provider.credentialProviderArn } } }],
    }),
  });
  await page.goto("/credential-providers");
  const row = page.getByRole("table", { name: "API key providers" }).getByRole("row").filter({ hasText: "weather-key" });
  await expect(row).toContainText("Used by:");
  await row.getByRole("link", { name: "weather" }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${g.gatewayId}$`));
});
