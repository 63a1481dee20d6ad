import { expect, type Page } from "@playwright/test";

export class UsersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/membership/users");
    await expect(this.page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  }

  async addUser(user: { name: string; email: string; role: string; password: string }) {
    await this.page.getByLabel("Name", { exact: true }).fill(user.name);
    await this.page.getByLabel("Email", { exact: true }).fill(user.email);
    await this.page.getByLabel("Role", { exact: true }).selectOption(user.role);
    await this.page.getByLabel("Initial password").fill(user.password);
    await this.page.getByRole("button", { name: "Add user" }).click();
  }

  row(email: string) {
    return this.page.getByRole("row").filter({ hasText: email });
  }
}
