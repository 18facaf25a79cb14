// A client secret reaches the browser only on a fresh Reveal or Copy click: never in page HTML or in a server action response before.
import type { Page } from "@playwright/test";
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import { GatewayForm } from "./pages/gateway-form";
import { SANDBOX_URL, expect, test } from "./fixtures";
import { recordResponses } from "./responses";

const MASK = /^•+$/;
const cognito = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: SANDBOX_URL, credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" }, maxAttempts: 1 });

/** The secret as Cognito holds it, read with the SDK (not through the console). */
async function realSecret(poolId: string, clientId: string): Promise<string> {
  const s = (await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))).UserPoolClient?.ClientSecret;
  expect(s).toMatch(/^[a-z0-9]{51}$/);
  return s!;
}

/** Reveal shows it (one fresh action call), Copy copies it, Hide forgets it, Copy while hidden still copies it. */
async function revealCopyHide(page: Page, scope: ReturnType<Page["locator"]>, secret: string, responses: Awaited<ReturnType<typeof recordResponses>>) {
  const value = scope.getByLabel("Client secret", { exact: true });
  await expect(value).toHaveText(MASK);
  await expect(value).toHaveAttribute("data-revealed", "false");

  const before = responses.count();
  await scope.getByRole("button", { name: "Reveal secret" }).click();
  await expect(value).toHaveText(secret);
  // It came from the action the click called, then.
  expect((await responses.all()).slice(before).filter((r) => r.action && r.body.includes(secret))).toHaveLength(1);
  await scope.getByRole("button", { name: "Copy client secret" }).click();
  await expect(scope.getByRole("button", { name: "Copy client secret" })).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  await scope.getByRole("button", { name: "Hide secret" }).click();
  await expect(value).toHaveText(MASK);
  expect(await page.content()).not.toContain(secret);

  // Copy without revealing reads the secret inside the click and writes it straight to the clipboard; the page stays masked.
  await page.evaluate(() => navigator.clipboard.writeText("something else"));
  await expect(scope.getByRole("button", { name: "Copy client secret" })).toHaveText("Copy");
  await scope.getByRole("button", { name: "Copy client secret" }).click();
  await expect(scope.getByRole("button", { name: "Copy client secret" })).toContainText("Copied");
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expect(value).toHaveText(MASK);
  expect(await page.content()).not.toContain(secret);
}

test("quick create on the identity page: the secret is nowhere in the browser until Reveal, then shown and copied", async ({ page, baseURL }) => {
  const responses = await recordResponses(page, baseURL!);
  await page.goto("/identity/new");
  await page.getByRole("button", { name: "Create Cognito for a gateway" }).click();
  const result = page.getByRole("region", { name: "Quick create result" });
  await expect(result).toBeVisible({ timeout: 30_000 });
  const poolId = (await result.getByRole("link", { name: /^us-east-1_/ }).textContent())!.trim();
  const clientId = (await result.getByText(/^[a-z0-9]{26}$/).first().textContent())!.trim();
  const secret = await realSecret(poolId, clientId);

  await responses.expectNone(secret);
  // A test token is fetched on the server with the secret; the browser gets the token, not the secret.
  await result.getByRole("button", { name: "Get a test token" }).click();
  await expect(result.getByText("Signature verified")).toBeVisible();
  await responses.expectNone(secret);

  await revealCopyHide(page, result, secret, responses);

  // The pool's own page, reached by its link (an RSC payload) and loaded afresh (HTML): no secret until Reveal.
  const before = responses.count();
  await result.getByRole("link", { name: poolId }).click();
  const client = page.getByRole("region", { name: /^App client / });
  await expect(client.getByRole("button", { name: "Reveal secret" })).toBeVisible();
  await page.reload();
  await expect(client.getByRole("button", { name: "Reveal secret" })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  const later = (await responses.all()).slice(before);
  expect(later.map((r) => r.url)).toEqual(expect.arrayContaining([expect.stringContaining(`/identity/${poolId}`)]));
  for (const r of later) expect(r.body, `response from ${r.url}`).not.toContain(secret);
  await revealCopyHide(page, client, secret, responses);
});

test("quick create from the gateway form: the created panel has ids only until Reveal, then the secret is shown and copied", async ({ page, baseURL }) => {
  const responses = await recordResponses(page, baseURL!);
  const form = new GatewayForm(page);
  await form.open();
  await form.name().fill("vault");
  await expect(page.getByRole("radio", { name: /Quick-create Cognito/ })).toBeChecked();
  await form.submitButton().click();
  await expect(page.getByRole("heading", { name: "Gateway created" })).toBeVisible({ timeout: 30_000 });

  const items = page.getByRole("main").getByRole("listitem");
  const poolId = (await items.filter({ hasText: /^Cognito user pool / }).textContent())!.replace("Cognito user pool ", "").trim();
  const clientId = (await items.filter({ hasText: /^App client \(client credentials\) / }).textContent())!.replace("App client (client credentials) ", "").trim();
  const secret = await realSecret(poolId, clientId);
  await responses.expectNone(secret);

  await revealCopyHide(page, page.getByRole("main"), secret, responses);
});
