import { expect, type Page } from "@playwright/test";

/** The Import data page (SPEC §6): choose a kind, optionally a data-through date, upload a CSV. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/membership/import");
    await expect(this.page.getByRole("heading", { name: "Import data", level: 1 })).toBeVisible();
  }

  async upload(kind: string, file: { name: string; csv: string }, dataThrough?: string) {
    await this.page.getByLabel("What to import").selectOption({ label: kind });
    if (dataThrough) await this.page.getByLabel("Data through (optional)").fill(dataThrough);
    await this.page
      .getByLabel("CSV file")
      .setInputFiles({ name: file.name, mimeType: "text/csv", buffer: Buffer.from(file.csv, "utf8") });
    await this.page.getByRole("button", { name: "Upload" }).click();
  }

  success() {
    return this.page.locator("main [role=status]").filter({ hasText: "imported" });
  }

  error() {
    return this.page.locator("main [role=alert]");
  }

  problems() {
    return this.page.getByRole("table", { name: "Problems to fix" });
  }

  history() {
    return this.page.getByRole("table").filter({ has: this.page.getByRole("columnheader", { name: "Data through" }) });
  }

  expectedColumns() {
    return this.page.getByRole("heading", { name: /^Expected columns for / });
  }
}
