// SPEC §11 — single sign-on through a real OpenID provider on localhost (e2e/oidc-provider.ts):
// authorization code with PKCE, state and nonce, in Chromium end to end. One organization per test.
import { type Browser, expect, test } from "@playwright/test";
import { E2E_ORGS, e2eEmail } from "./fixtures";
import { SignInPage, signInAs } from "./pages/sign-in";
import { SsoSignIn } from "./pages/sso";
import { IDP_LOGINS, OIDC_ISSUER, TENANT_A } from "./sso-fixtures";

const header = (page: import("@playwright/test").Page) => page.getByRole("banner");

async function expectSignedOut(page: import("@playwright/test").Page) {
  await page.goto("/membership");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
}

test("a user added by an admin signs in with single sign-on; later sign-ins match the subject, not the email", async ({
  page,
  context,
}) => {
  const sso = new SsoSignIn(page);
  const email = e2eEmail(E2E_ORGS.ssoLinked, "partner_admin");
  await sso.signIn(email);
  await expect(page).toHaveURL(/\/membership$/);
  await expect(header(page)).toContainText(`partner_admin of ${E2E_ORGS.ssoLinked}`);
  await new SignInPage(page).signOut();
  await expectSignedOut(page); // the server-side session ended on sign-out

  // the second sign-in matches the linked subject (a renamed email: tests/sso.int.test.ts)
  await context.clearCookies();
  await sso.signIn(email);
  await expect(header(page)).toContainText(`partner_admin of ${E2E_ORGS.ssoLinked}`);

  // another identity carrying the linked user's email does not take the user over
  await context.clearCookies();
  await sso.signIn(IDP_LOGINS.impostor);
  await sso.expectRefused("Another account is linked to this user");
  await expectSignedOut(page);
});

test("an unknown identity is refused with a clear page and nothing is created", async ({ page, context }) => {
  const sso = new SsoSignIn(page);
  await sso.signIn("nobody@e2e-sso-nowhere.example");
  await sso.expectRefused("You have not been added yet");
  await expect(page.getByRole("main")).toContainText("ask your organization's global admin to add you");
  await expectSignedOut(page);
  // a second try is refused the same way: no user was created by the first
  await context.clearCookies(); // the provider's session too: its login form again
  await sso.signIn("nobody@e2e-sso-nowhere.example");
  await sso.expectRefused("You have not been added yet");
});

test("an identity from a tenant the organization does not list is refused, and the refusal is audited", async ({
  page,
  browser,
}) => {
  const sso = new SsoSignIn(page);
  await sso.signIn(IDP_LOGINS.otherTenant);
  await sso.expectRefused("This account's tenant is not accepted");
  await expectSignedOut(page);

  const admin = await signedInPage(browser, e2eEmail(E2E_ORGS.ssoTenant, "global_admin"), "/membership/audit");
  await expect(admin.getByRole("table")).toContainText("Single sign-on refused");
  await expect(admin.getByRole("table")).toContainText("reason: tenant");
  await admin.context().close();
});

test("an organization that requires single sign-on refuses the password form, with the reason", async ({ page }) => {
  const email = e2eEmail(E2E_ORGS.ssoOnly, "partner_admin");
  const form = new SignInPage(page);
  await form.goto("/membership");
  await expect(new SsoSignIn(page).button()).toBeVisible(); // above the password form
  await form.signIn(email);
  await expect(form.error()).toContainText("Your organization requires single sign-on");
  await expectSignedOut(page);

  await new SsoSignIn(page).signIn(email);
  await expect(header(page)).toContainText(`partner_admin of ${E2E_ORGS.ssoOnly}`);
});

test("a disabled user is refused", async ({ page }) => {
  const sso = new SsoSignIn(page);
  await sso.signIn(e2eEmail(E2E_ORGS.ssoDisabled, "partner_admin"));
  await sso.expectRefused("Your user is disabled");
  await expectSignedOut(page);
});

test("a callback with a tampered state is refused and signs nobody in", async ({ page }) => {
  const sso = new SsoSignIn(page);
  // the state leaves for the provider altered, so the callback carries a state this browser never got
  const isAuthorize = (url: URL) =>
    url.origin === OIDC_ISSUER && url.pathname === "/auth" && url.searchParams.has("state");
  await page.route(isAuthorize, async (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set("state", `${url.searchParams.get("state")}x`);
    await route.continue({ url: url.toString() });
  });
  await sso.signIn(e2eEmail(E2E_ORGS.ssoState, "partner_admin"));
  await sso.expectRefused("Sign-in could not be completed");
  await expectSignedOut(page);
});

test("a global admin restricts tenants, requires single sign-on and unlinks an identity", async ({ page, browser }) => {
  const partner = e2eEmail(E2E_ORGS.ssoSettings, "partner_admin");
  const other = await browser.newContext();
  const partnerPage = await other.newPage();
  await new SsoSignIn(partnerPage).signIn(partner); // links the partner admin's identity
  await expect(header(partnerPage)).toContainText(`partner_admin of ${E2E_ORGS.ssoSettings}`);

  await new SsoSignIn(page).signIn(e2eEmail(E2E_ORGS.ssoSettings, "global_admin"), "/membership/sign-in-settings");
  await expect(page.getByRole("heading", { name: "Sign-in settings", level: 1 })).toBeVisible();
  await page.getByLabel("Microsoft Entra tenant IDs").fill(`${TENANT_A}\nnot-a-guid`);
  await page.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(page.getByText("Each tenant ID must be a GUID")).toBeVisible();

  await page.getByLabel("Microsoft Entra tenant IDs").fill(TENANT_A);
  await page.getByLabel("Require single sign-on").check();
  await page.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(page.getByRole("status")).toContainText("passwords are refused");

  const row = page.getByRole("row").filter({ hasText: partner });
  await row.getByRole("button", { name: /Unlink the identity of/ }).click();
  await expect(row).toHaveCount(0);
  await partnerPage.reload(); // the unlinked user's sessions ended
  await expect(partnerPage).toHaveURL(/\/sign-in/);

  await page.goto("/membership/audit");
  for (const kind of ["Sign-in settings changed", "Single sign-on identity unlinked", "Single sign-on identity linked"])
    await expect(page.getByRole("table")).toContainText(kind);
  await other.close();
});

async function signedInPage(browser: Browser, email: string, landing: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email, landing);
  return page;
}
