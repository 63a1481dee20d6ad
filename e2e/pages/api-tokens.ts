import { expect, type Page } from "@playwright/test";

export type Scope = "import" | "read";

/** Membership → API tokens (global admins). */
export class ApiTokensPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/membership/api-tokens");
    await expect(this.page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  }

  /** Creates a token through the form and returns its secret, read from the once-shown field. */
  async create(name: string, scopes: Scope[], expiresOn?: string): Promise<string> {
    await this.page.getByLabel("Name", { exact: true }).fill(name);
    if (expiresOn) await this.page.getByLabel("Expires after (optional)").fill(expiresOn);
    for (const scope of scopes) await this.page.getByRole("checkbox", { name: new RegExp(`^${scope}:`) }).check();
    await this.page.getByRole("button", { name: "Create token" }).click();
    await expect(this.page.getByRole("status")).toContainText(`Token “${name}” created`);
    const secret = await this.page.getByLabel("Your new token (shown only once)").inputValue();
    expect(secret).toMatch(/^pmc_/);
    return secret;
  }

  row(name: string) {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }

  async revoke(name: string) {
    await this.row(name)
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    await expect(this.page.getByText(`Token “${name}” revoked. It no longer works.`)).toBeVisible();
    await expect(this.row(name)).toContainText("Revoked");
  }

  error() {
    return this.page.locator("main [role=alert]");
  }
}
