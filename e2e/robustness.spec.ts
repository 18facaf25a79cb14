// What the security audit found: large inline documents must not crash the target form, and missing resources answer HTTP 404.
import { BedrockAgentCoreControlClient, CreateGatewayCommand } from "@aws-sdk/client-bedrock-agentcore-control";
import type { Page } from "@playwright/test";
import { expect, SANDBOX_URL, test } from "./fixtures";

const sdk = new BedrockAgentCoreControlClient({ region: "us-east-1", endpoint: SANDBOX_URL, credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" } });

async function newGateway(name: string) {
  const g = await sdk.send(new CreateGatewayCommand({ name, roleArn: "arn:aws:iam::123456789012:role/AgentCoreGatewayRole", authorizerType: "AWS_IAM" }));
  return g.gatewayId!;
}

/** A valid OpenAPI 3 document (JSON, one operation a line) of at least `bytes` bytes. */
function openApiOfSize(bytes: number): string {
  const description = "Returns the item. ".repeat(12);
  const lines: string[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const line = `${JSON.stringify(`/items${i}`)}: ${JSON.stringify({ get: { operationId: `getItem${i}`, description, responses: { "200": { description: "ok" } } } })}`;
    lines.push(line);
    size += line.length + 2;
  }
  return `{"openapi": "3.0.3", "info": {"title": "Big", "version": "1.0"}, "servers": [{"url": "https://api.example.com"}], "paths": {\n${lines.join(",\n")}\n}}\n`;
}

async function openApiTargetForm(page: Page, name: string) {
  const gatewayId = await newGateway(name);
  await page.goto(`/gateways/${gatewayId}/targets/new`);
  await page.getByRole("radio", { name: "OpenAPI schema" }).check();
  await page.getByRole("radio", { name: "No authorization" }).check();
  return { gatewayId, doc: page.getByRole("textbox", { name: /^OpenAPI document/ }) };
}

test("a 1.5 MB OpenAPI document, uploaded, is accepted (more than Next's default 1 MB action body)", async ({ page }) => {
  test.setTimeout(120_000);
  const { gatewayId, doc } = await openApiTargetForm(page, "bigdoc");
  const big = openApiOfSize(1_500_000);
  expect(big.length).toBeGreaterThan(1_500_000);
  await page.getByRole("textbox", { name: /^Name/ }).fill("big-api");
  await page.getByLabel("Upload a file").setInputFiles({ name: "big.json", mimeType: "application/json", buffer: Buffer.from(big) });
  await expect.poll(() => doc.evaluate((el) => (el as HTMLTextAreaElement).value.length), { timeout: 30_000 }).toBe(big.length);
  await expect(doc).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}/targets$`), { timeout: 30_000 });
  await expect(page.getByRole("row").filter({ hasText: "big-api" })).toContainText("OpenAPI");
});

test("an OpenAPI document over AgentCore's 10 MB is refused at its field, stays in the form, and nothing crashes", async ({ page }) => {
  test.setTimeout(120_000);
  const { gatewayId, doc } = await openApiTargetForm(page, "hugedoc");
  const huge = openApiOfSize(10_200_000);
  await page.getByRole("textbox", { name: /^Name/ }).fill("too-big");
  await page.getByLabel("Upload a file").setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.from(huge) });
  await expect.poll(() => doc.evaluate((el) => (el as HTMLTextAreaElement).value.length), { timeout: 30_000 }).toBe(huge.length);
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(doc).toHaveAccessibleDescription(/This OpenAPI document is 10\.\d MB; AgentCore accepts inline documents up to 10 MB\. Upload it to Amazon S3/);
  await expect(doc).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Some fields need attention. Fix them and submit again.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}/targets/new$`));
  expect(await doc.evaluate((el) => (el as HTMLTextAreaElement).value.length)).toBe(huge.length);
  await expect(page.getByRole("textbox", { name: /^Name/ })).toHaveValue("too-big");
});

test("every kind of missing resource answers HTTP 404 with its not-found page", async ({ page, request }) => {
  const gatewayId = await newGateway("present");
  const cases: [string, string | RegExp][] = [
    ["/gateways/missing-abcdefghij", "Gateway not found"],
    ["/gateways/not_an_id", "Gateway not found"],
    ["/gateways/missing-abcdefghij/targets", "Gateway not found"],
    ["/gateways/missing-abcdefghij/permissions", "Gateway not found"],
    ["/gateways/missing-abcdefghij/edit", "Gateway not found"],
    ["/gateways/missing-abcdefghij/targets/new", "Gateway not found"],
    [`/gateways/${gatewayId}/targets/ABCDEFGHIJ`, "Target not found"],
    [`/gateways/${gatewayId}/targets/ABCDEFGHIJ/edit`, "Target not found"],
    [`/gateways/${gatewayId}/targets/bad`, "Target not found"],
    ["/gateways/missing-abcdefghij/targets/ABCDEFGHIJ", "Gateway not found"],
    ["/identity/us-east-1_Nope12345", "User pool not found"],
    ["/no-such-page", "Page not found"],
    [`/gateways/${gatewayId}/no-such-tab`, "Page not found"],
  ];
  for (const [path, heading] of cases) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: heading }), path).toBeVisible();
  }
  // The pages that exist still answer 200 (and the not-found UI is what a person sees).
  for (const path of ["/gateways", `/gateways/${gatewayId}`, `/gateways/${gatewayId}/targets`, `/gateways/${gatewayId}/permissions`, `/gateways/${gatewayId}/edit`, "/identity"]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  await page.goto(`/gateways/${gatewayId}/targets/ABCDEFGHIJ`);
  await expect(page.getByRole("heading", { name: "Target not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to targets" }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}/targets$`));
});
