// What a person notices in passing: input that survives a reload and back/forward, the target page's Delete, Try again,
// focus on the result of a keyboard-only create, and a READY gateway that never shows CREATING.
import { expect, sandboxControl, test } from "./fixtures";
import { createGateway } from "./sandbox-sdk";

const LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:order-tools";
const TOOLS = `[{ "name": "get_order", "description": "Look up an order", "inputSchema": { "type": "object" } }]`;

test("the create gateway form keeps its input across a reload and back/forward, and Start over forgets it", async ({ page }) => {
  await page.goto("/gateways/new");
  await page.getByRole("textbox", { name: /^Name/ }).fill("draft-gw");
  await page.getByRole("textbox", { name: /^Description/ }).fill("kept while I look elsewhere");

  await page.reload();
  await expect(page.getByRole("textbox", { name: /^Name/ })).toHaveValue("draft-gw");
  await expect(page.getByRole("textbox", { name: /^Description/ })).toHaveValue("kept while I look elsewhere");
  await expect(page.getByRole("status").filter({ hasText: "unsaved input" })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await page.goBack();
  await expect(page.getByRole("textbox", { name: /^Name/ })).toHaveValue("draft-gw");
  await page.goForward();
  await expect(page).toHaveURL(/\/audit$/);
  await page.goBack();
  await expect(page.getByRole("textbox", { name: /^Description/ })).toHaveValue("kept while I look elsewhere");

  await page.getByRole("button", { name: "Start over" }).click();
  await expect(page.getByRole("textbox", { name: /^Name/ })).toHaveValue("");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Create gateway" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Name/ })).toHaveValue("");
});

test("a target created from the keyboard: the draft survives a reload, focus lands on the new row, the draft is gone after", async ({ page }) => {
  const gatewayId = await createGateway("kbd-gw");
  await page.goto(`/gateways/${gatewayId}/targets/new`);
  await page.getByRole("textbox", { name: /^Name/ }).fill("order-tools");
  await page.getByRole("textbox", { name: /^Lambda function ARN/ }).fill(LAMBDA_ARN);
  await page.getByRole("textbox", { name: /^Tool schema/ }).fill(TOOLS);
  await page.reload();
  await expect(page.getByRole("textbox", { name: /^Lambda function ARN/ })).toHaveValue(LAMBDA_ARN);
  await expect(page.getByRole("textbox", { name: /^Tool schema/ })).toHaveValue(TOOLS);

  // Enter in a text field submits the form: no pointer involved.
  await page.getByRole("textbox", { name: /^Name/ }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}/targets$`));
  await expect(page.getByRole("link", { name: "order-tools" })).toBeFocused();
  await expect(page.getByText("1 target", { exact: true })).toBeVisible();

  await page.goto(`/gateways/${gatewayId}/targets/new`);
  await expect(page.getByRole("textbox", { name: /^Lambda function ARN/ })).toHaveValue("");
  await expect(page.getByRole("status").filter({ hasText: "unsaved input" })).toHaveCount(0);
});

test("a keyboard-only gateway create puts focus on the created panel", async ({ page }) => {
  await page.goto("/gateways/new");
  const name = page.getByRole("textbox", { name: /^Name/ });
  await name.fill("kbd-create");
  await name.press("Enter");
  await expect(page.getByRole("region", { name: "Gateway created" })).toBeFocused({ timeout: 20_000 });
  await page.goto("/gateways/new");
  await expect(page.getByRole("textbox", { name: /^Name/ })).toHaveValue("");
});

test("the target page deletes its target after the name is typed, and goes back to the list", async ({ page }) => {
  const gatewayId = await createGateway("del-gw");
  await page.goto(`/gateways/${gatewayId}/targets/new`);
  await page.getByRole("textbox", { name: /^Name/ }).fill("doomed");
  await page.getByRole("textbox", { name: /^Lambda function ARN/ }).fill(LAMBDA_ARN);
  await page.getByRole("textbox", { name: /^Tool schema/ }).fill(TOOLS);
  await page.getByRole("button", { name: "Add target" }).click();
  await page.getByRole("link", { name: "doomed" }).click();
  await expect(page.getByRole("heading", { name: "doomed" })).toBeVisible();

  await page.getByRole("button", { name: "Delete target" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete target doomed?" });
  await expect(dialog.getByRole("button", { name: "Delete target" })).toBeDisabled();
  await dialog.getByRole("textbox", { name: "Type doomed to confirm" }).fill("doomed");
  await dialog.getByRole("button", { name: "Delete target" }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}/targets$`));
  await expect(page.getByText("Target doomed is being deleted.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "No targets yet" })).toBeVisible({ timeout: 15_000 });
});

test("a page that failed to load with a retryable error offers Try again, which loads it", async ({ page }) => {
  const gatewayId = await createGateway("retry-gw");
  // The SDK makes 3 attempts: all three fail once, the next load succeeds.
  await sandboxControl("faults", { method: "POST", body: JSON.stringify({ faults: [{ type: "internal", service: "agentcore-control", operation: "ListGatewayTargets", count: 3 }] }) });
  await page.goto(`/gateways/${gatewayId}/targets`);
  const alert = page.getByRole("alert").filter({ hasText: "The targets could not be listed" });
  await expect(alert).toContainText("Try again");
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "No targets yet" })).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test("opening a gateway that is READY never paints CREATING, even when the list first showed it CREATING", async ({ page }) => {
  // Every status the gateway header ever shows, from the first paint on.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll("h1 ~ div [data-status]")) seen.push(el.getAttribute("data-status") ?? "");
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const gatewayId = await createGateway("flash-gw");
  await page.goto("/gateways");
  const row = page.getByRole("row").filter({ hasText: "flash-gw" });
  await expect(row.locator("[data-status]")).toHaveText("CREATING");
  await expect(row.locator("[data-status]")).toHaveText("READY", { timeout: 15_000 });
  await page.evaluate(() => ((window as unknown as { seenStatuses: string[] }).seenStatuses.length = 0));

  await row.getByRole("link", { name: "flash-gw" }).click();
  await expect(page).toHaveURL(new RegExp(`/gateways/${gatewayId}$`));
  await expect(page.locator("h1 ~ div [data-status]")).toHaveText("READY");
  const seen = await page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
  expect(seen).not.toContain("CREATING");
});
