// The audit log as a person reads it: create an API key provider, then find the change (and not the key) on /audit.
import { expect, test } from "./fixtures";

const API_KEY = "sk-e2e-audit-0a9b8c7d6e5f";

test("a created credential provider shows up on the audit log, newest first, without its key", async ({ page }) => {
  const name = `audit-${Date.now()}`;
  await page.goto("/credential-providers/api-key/new");
  await page.getByRole("textbox", { name: /^Name/ }).fill(name);
  await page.getByLabel(/^API key/).fill(API_KEY);
  await page.getByRole("button", { name: "Create API key provider" }).click();
  await expect(page.getByRole("heading", { name: `API key provider ${name} created` })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-current", "page");

  const table = page.getByRole("table", { name: "Audit log entries, newest first" });
  const newest = table.getByRole("row").nth(1);
  await expect(newest.getByRole("rowheader")).toContainText("CreateApiKeyCredentialProvider");
  await expect(newest.getByRole("rowheader")).toContainText("bedrock-agentcore-control");
  await expect(newest).toContainText(name);
  await expect(newest).toContainText("us-east-1");
  await expect(newest).toContainText("Sandbox");
  await expect(newest.getByText("OK", { exact: true })).toBeVisible();
  await expect(newest.getByRole("cell").last().getByRole("code")).toHaveText(/^[0-9a-f-]{36}$/);
  for (const header of ["Time and who", "Operation and where", "Resources", "Outcome and request id"]) {
    await expect(table.getByRole("columnheader", { name: header })).toBeVisible();
  }
  expect(await page.content()).not.toContain(API_KEY);

  // Readable at 1024 px: the table fits without a horizontal scrollbar.
  await page.setViewportSize({ width: 1024, height: 800 });
  const overflow = await table.evaluate((t) => (t.parentElement ? t.parentElement.scrollWidth - t.parentElement.clientWidth : 0));
  expect(overflow).toBeLessThanOrEqual(1);
  const resources = await newest.getByRole("cell").nth(1).boundingBox();
  expect(resources?.width ?? 0).toBeGreaterThan(240);
});
