// Page object for the create/edit gateway form.
import { expect, type Page } from "@playwright/test";

export const ROLE_ARN = "arn:aws:iam::123456789012:role/AgentCoreGatewayRole";
export const COGNITO_DISCOVERY = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI/.well-known/openid-configuration";

export class GatewayForm {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/gateways/new");
    await expect(this.page.getByRole("heading", { name: "Create gateway" })).toBeVisible();
  }

  name = () => this.page.getByRole("textbox", { name: /^Name/ });
  description = () => this.page.getByRole("textbox", { name: /^Description/ });
  roleArn = () => this.page.getByRole("textbox", { name: /^Execution role ARN/ });
  discoveryUrl = () => this.page.getByRole("textbox", { name: /^Discovery URL/ });
  allowedClient = (n: number) => this.page.getByRole("textbox", { name: `Allowed client ${n}` });
  submitButton = () => this.page.getByRole("button", { name: /^(Create gateway|Save changes)$/ });

  /** Gives the role by ARN instead of creating one. */
  async useRoleArn(arn = ROLE_ARN) {
    await this.page.getByRole("radio", { name: /Enter a role ARN/ }).check();
    await this.roleArn().fill(arn);
  }

  /** JWT from any OIDC provider, by discovery URL (instead of quick-creating Cognito). */
  async useOidcProvider() {
    await this.page.getByRole("radio", { name: /Another OIDC provider/ }).check();
  }
}
