import { expect, test } from "@playwright/test";
import { E2E_ORGS, e2eEmail } from "./fixtures";
import { SignInPage, signInAs } from "./pages/sign-in";
import { UsersPage } from "./pages/users";

test.describe("sign-in by role", () => {
  for (const role of ["partner_admin", "account_admin", "global_admin"] as const) {
    test(`${role} opens the Membership workspace`, async ({ page }) => {
      await signInAs(page, e2eEmail(E2E_ORGS.signin, role));
      await expect(page.getByRole("heading", { name: "Membership", level: 1 })).toBeVisible();
      await expect(page.getByRole("banner")).toContainText(`Org ${E2E_ORGS.signin}`);
      const users = page.getByRole("navigation", { name: "Membership workspace" }).getByRole("link", { name: "Users" });
      await expect(users).toHaveCount(role === "global_admin" ? 1 : 0);
    });
  }

  test("a member gets the 403 page naming the roles that grant access", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto("/membership");
    await signIn.signIn(e2eEmail(E2E_ORGS.member, "member"));
    await expect(page.getByRole("heading", { name: "You need the partner admin role" })).toBeVisible();
    for (const label of ["Partner admin", "Account admin", "Global admin"])
      await expect(page.getByRole("listitem").filter({ hasText: label })).toBeVisible();
    const response = await page.request.get("/membership");
    expect(response.status()).toBe(403);
  });
});

test("wrong password and unknown email get the same generic message", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(e2eEmail(E2E_ORGS.wrong, "partner_admin"), "not-the-password");
  await expect(signIn.error()).toHaveText("The email or password is incorrect.");
  await signIn.signIn("nobody@e2e-wrong.example", "not-the-password");
  await expect(signIn.error()).toHaveText("The email or password is incorrect.");
});

test("ten failures lock the account with a clear message", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  const email = e2eEmail(E2E_ORGS.rate, "partner_admin");
  for (let i = 0; i < 10; i++) {
    await signIn.signIn(email, `wrong-${i}`);
    await expect(signIn.error()).toHaveText("The email or password is incorrect.");
  }
  await signIn.signIn(email); // the right password is refused too while locked
  await expect(signIn.error()).toContainText("Too many failed sign-in attempts for this account. Try again in");
});

test("a global admin adds a user who can then sign in", async ({ page, browser }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.users, "global_admin"));
  const usersPage = new UsersPage(page);
  await usersPage.goto();
  await usersPage.addUser({
    name: "Nia New",
    email: "nia@e2e-users.example",
    role: "partner_admin",
    password: "nia-password-1",
  });
  await expect(page.locator("main [role=status]")).toContainText(
    "Nia New (nia@e2e-users.example) was added as Partner admin.",
  );
  await expect(usersPage.row("nia@e2e-users.example")).toBeVisible();

  const other = await browser.newContext();
  const newUserPage = await other.newPage();
  const signIn = new SignInPage(newUserPage);
  await signIn.goto();
  await signIn.signIn("nia@e2e-users.example", "nia-password-1");
  await expect(newUserPage.getByRole("heading", { name: "Membership", level: 1 })).toBeVisible();
  await other.close();
});

test("signed-out visitors go to sign-in and return where they were", async ({ page }) => {
  await page.goto("/membership/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fmembership%2Fusers/);
  await new SignInPage(page).signIn(e2eEmail(E2E_ORGS.redirect, "global_admin"));
  await expect(page).toHaveURL(/\/membership\/users$/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
});

test("signing out invalidates the session cookie on the server", async ({ page, context }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.redirect, "partner_admin"));
  const cookies = await context.cookies();
  const signIn = new SignInPage(page);
  await signIn.signOut();
  await context.addCookies(cookies); // a copy of the old cookie
  const response = await page.request.get("/membership", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain("/sign-in");
});
