// Page object for the quick-create Cognito page and its progress.
import { expect, type Page } from "@playwright/test";
import { nav } from "./shell";

/** The quick-create page and its progress, as a person sees them. */
export class QuickCreate {
  constructor(readonly page: Page) {}

  async open() {
    await nav(this.page, "Identity");
    await expect(this.page.getByRole("heading", { name: "Identity", exact: true })).toBeVisible();
    await this.page.getByRole("link", { name: "Quick create Cognito" }).first().click();
    await expect(this.page.getByRole("heading", { name: "Quick create Cognito" })).toBeVisible();
  }

  poolName = () => this.page.getByRole("textbox", { name: /^User pool name/ });
  submit = () => this.page.getByRole("button", { name: "Create Cognito for a gateway" }).click();
  step = (id: string) => this.page.getByRole("list", { name: "Quick create progress" }).locator(`[data-step="${id}"]`);
  result = () => this.page.getByRole("region", { name: "Quick create result" });
  stopped = () => this.page.getByRole("alert", { name: "Quick create stopped" });

  async expectAllDone() {
    for (const s of ["pool", "domain", "resourceServer", "client", "domainActive"]) {
      await expect(this.step(s)).toHaveAttribute("data-state", "done", { timeout: 20_000 });
    }
    await expect(this.result()).toBeVisible();
  }
}
