import { expect, type Page } from "@playwright/test";

export class NotificationsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/membership/notifications");
    await expect(this.page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  }

  kind(label: string) {
    return this.page.getByRole("checkbox", { name: label });
  }

  async save() {
    await this.page.getByRole("button", { name: "Save notification settings" }).click();
  }

  status() {
    return this.page.locator("main [role=status]");
  }

  async openMail() {
    await this.page.getByRole("link", { name: "Read the notification emails sent to you" }).click();
    await expect(this.page.getByRole("heading", { name: "Your notification emails", level: 1 })).toBeVisible();
  }

  mails() {
    return this.page.getByRole("list", { name: "Notification emails" }).getByRole("listitem");
  }
}
