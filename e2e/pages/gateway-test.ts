// Page object for a gateway's Test tab: authenticate, connect, pick a tool, call it.
import { expect, type Page } from "@playwright/test";

export class GatewayTestTab {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole("navigation", { name: "Gateway sections" }).getByRole("link", { name: "Test" }).click();
    await expect(this.page.getByRole("heading", { name: "Authenticate" })).toBeVisible();
  }

  /** CUSTOM_JWT: a token from the first user pool's first app client. */
  async useCognitoClient() {
    await expect(this.page.getByRole("radio", { name: "Get a token from a Cognito app client" })).toBeChecked();
    const pool = this.page.getByRole("combobox", { name: "User pool" });
    await expect(pool.locator("option")).not.toHaveCount(1);
    await pool.selectOption({ index: 1 });
    const client = this.page.getByRole("combobox", { name: "App client" });
    await expect(client).toBeEnabled();
    await client.selectOption({ index: 1 });
  }

  connect = () => this.page.getByRole("button", { name: "Connect and list tools" }).click();
  tools = (target: string) => this.page.getByRole("region", { name: `Tools of target ${target}` });
  refusal = () => this.page.getByRole("region", { name: "Why was it refused?" });

  /**
   * Calls a tool through the generated form: each required member of its input schema gets a value typed into its
   * labelled field (text for strings, 2 for numbers, true for booleans, the first option of an enum).
   */
  async call(fullName: string, inputSchema: { properties?: Record<string, { type?: string; enum?: unknown[] }>; required?: string[] }) {
    await this.page.getByRole("button", { name: `Try ${fullName}` }).click();
    const form = this.page.getByRole("form", { name: `Call ${fullName}` });
    for (const name of inputSchema.required ?? []) {
      const p = inputSchema.properties?.[name] ?? {};
      const field = form.getByLabel(new RegExp(`^${name} \\(required\\)`));
      if (p.enum || p.type === "boolean") await field.selectOption({ index: 1 });
      else await field.fill(p.type === "number" || p.type === "integer" ? "2" : `hello ${name}`);
    }
    await form.getByRole("button", { name: /^Call / }).click();
    return form.getByRole("region", { name: `Result of ${fullName}` });
  }
}
