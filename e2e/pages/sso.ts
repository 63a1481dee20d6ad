import { expect, type Page } from "@playwright/test";
import { OIDC_CLIENT, OIDC_ISSUER } from "../sso-fixtures";

/** Single sign-on through the test OpenID provider (e2e/oidc-provider.ts) in the browser. */
export class SsoSignIn {
  constructor(private readonly page: Page) {}

  button() {
    return this.page.getByRole("button", { name: `Sign in with ${OIDC_CLIENT.name}` });
  }

  /** From the app's sign-in page to the provider's login form. */
  async start(callbackUrl = "/membership") {
    await this.page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await this.button().click();
    await this.page.waitForURL((url) => url.origin === OIDC_ISSUER && url.pathname.startsWith("/interaction/"));
  }

  /** The provider's development login form (third-party markup: its inputs have placeholders, no labels). */
  async login(login: string) {
    await this.page.getByPlaceholder("Enter any login").fill(login);
    await this.page.getByPlaceholder("and password").fill("any-password");
    await this.page.getByRole("button", { name: "Sign-in" }).click();
  }

  /** The whole round trip; resolves once the browser is back on the app. */
  async signIn(login: string, callbackUrl = "/membership") {
    await this.start(callbackUrl);
    await this.login(login);
    await this.page.waitForURL((url) => url.origin !== OIDC_ISSUER && !url.pathname.startsWith("/api/auth/"));
  }

  async expectRefused(title: string | RegExp) {
    await expect(this.page).toHaveURL(/\/sign-in\/refused/);
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(title);
  }
}
