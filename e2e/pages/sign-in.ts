import { expect, type Page } from "@playwright/test";
import { E2E_PASSWORD } from "../fixtures";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  }

  async signIn(email: string, password = E2E_PASSWORD) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    // Wait for the server action's answer so that rapid attempts never overlap.
    // exact: the single sign-on buttons above are "Sign in with …"
    const button = this.page.getByRole("button", { name: /^(Sign in|Signing in…)$/ });
    await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in")),
      button.click(),
    ]);
    // React resets the form when the action settles; wait for that before the next attempt.
    await expect(async () => {
      if (!this.page.url().includes("/sign-in") || (await button.count()) === 0) return; // navigated away
      expect(await button.isDisabled({ timeout: 1000 })).toBe(false);
    }).toPass();
  }

  error() {
    return this.page.locator("main [role=alert]");
  }

  async expectSignedIn() {
    await expect(this.page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  }
}

/** Signs in through the form and waits for the workspace. */
export async function signInAs(page: Page, email: string, landing = "/membership") {
  const signIn = new SignInPage(page);
  await signIn.goto(landing);
  await signIn.signIn(email);
  await page.waitForURL((url) => url.pathname === landing);
}
