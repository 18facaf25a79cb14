// The console's shell around every page: the region switcher and the dark mode switch.
import { expect, test } from "./fixtures";
import { createGateway } from "./sandbox-sdk";

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
