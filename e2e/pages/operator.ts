import { expect, type Locator, type Page } from "@playwright/test";

/** The operator workspace (SPEC §10): Organizations, an organization's detail, Payments. */
export class OperatorPage {
  constructor(readonly page: Page) {}

  async gotoOrganizations() {
    await this.page
      .getByRole("navigation", { name: "Operator workspace" })
      .getByRole("link", { name: "Organizations" })
      .click();
    await expect(this.page.getByRole("heading", { name: "Organizations", level: 1 })).toBeVisible();
  }

  async search(text: string, filters: string[] = [], rowsPerPage?: 25 | 50 | 100) {
    await this.page.getByLabel("Search by name or partner ID").fill(text);
    for (const f of filters) await this.page.getByRole("checkbox", { name: f }).check();
    if (rowsPerPage) await this.page.getByLabel("Rows per page").selectOption(String(rowsPerPage));
    await this.page.getByRole("button", { name: "Apply" }).click();
  }

  row(text: string): Locator {
    return this.page.getByRole("row").filter({ hasText: text });
  }

  async openOrganization(name: string) {
    await this.page.getByRole("link", { name, exact: true }).click();
    await expect(this.page.getByRole("heading", { name, level: 1 })).toBeVisible();
  }

  async verifyAccount(name: string) {
    const verify = this.page.getByRole("button", { name: `Verify account of ${name}` });
    await verify.click();
    // The page re-renders with the account verified: the button gives way to the badge.
    await expect(verify).toHaveCount(0);
    await expect(this.page.getByRole("region", { name: "Account" })).toContainText("Verified");
  }

  async gotoPayments() {
    await this.page
      .getByRole("navigation", { name: "Operator workspace" })
      .getByRole("link", { name: "Payments" })
      .click();
    await expect(this.page.getByRole("heading", { name: "Payments", level: 1 })).toBeVisible();
  }

  async confirmPayment(orderNumber: string) {
    await this.page.getByRole("button", { name: `Confirm receipt of ${orderNumber}` }).click();
    // Confirmed orders leave the list of orders awaiting payment.
    await expect(this.row(orderNumber)).toHaveCount(0);
  }

  /** The outcome of the last confirmation or cancellation, kept above the list (its row is gone). */
  paymentMessage(): Locator {
    return this.page.getByRole("main").getByRole("status");
  }
}
