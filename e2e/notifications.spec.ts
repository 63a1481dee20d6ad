import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { E2E_ORGS, e2eEmail } from "./fixtures";
import { NotificationsPage } from "./pages/notifications";
import { signInAs } from "./pages/sign-in";

// SPEC §12: the settings page and the in-app outbox (the seed ran notify without SMTP on
// E2E_TODAY, 2026-11-15, when the organization's renewal window is open).
const ORG = E2E_ORGS.notifications;

/** Serious or critical axe violations (WCAG 2.1 A/AA), as e2e/a11y.spec.ts checks every page. */
async function serious(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

test("an account admin turns a kind of mail off and reads the digest kept in the app", async ({ page }) => {
  await signInAs(page, e2eEmail(ORG, "account_admin"), "/membership/notifications");
  const prefs = new NotificationsPage(page);
  await expect(prefs.kind("Renewals and lapses")).toBeChecked();
  await expect(prefs.kind("Wire transfer orders")).toBeChecked();
  await expect(prefs.kind("Roll-off risks")).toHaveCount(0); // partner and global admins' kind
  expect(await serious(page)).toEqual([]);
  await prefs.kind("Wire transfer orders").uncheck();
  await prefs.save();
  await expect(prefs.status()).toHaveText("Saved. You get: Renewals and lapses.");
  await prefs.goto();
  await expect(prefs.kind("Wire transfer orders")).not.toBeChecked();

  await prefs.openMail();
  await expect(prefs.mails()).toHaveCount(1);
  const mail = prefs.mails().first();
  await expect(mail.getByRole("heading", { level: 2 })).toHaveText(
    `Org ${ORG}: Solutions Partner designation: the renewal window is open until 2026-12-01 — deadline 2026-12-01`,
  );
  await expect(mail).toContainText("Kept here (no mail server configured)");
  await expect(mail).toContainText(`to ${e2eEmail(ORG, "account_admin")}`);
  expect(await serious(page)).toEqual([]);
});

test("the unsubscribe link of a mail turns its kind off after one click, without signing in", async ({
  page,
  browser,
}) => {
  await signInAs(page, e2eEmail(ORG, "global_admin"), "/membership/notifications/mail");
  const text = await new NotificationsPage(page).mails().first().textContent();
  const link = /Stop "Renewals and lapses" mails: (\S+)/.exec(text ?? "")?.[1];
  expect(link).toMatch(/\/api\/notifications\/unsubscribe\?token=/);

  const fresh = await browser.newContext(); // no session
  const anonymous = await fresh.newPage();
  await anonymous.goto(link!);
  await expect(anonymous.getByText("Stop these notification emails: Renewals and lapses?")).toBeVisible();
  expect(await serious(anonymous)).toEqual([]);
  await anonymous.getByRole("button", { name: "Turn off these emails" }).click();
  await expect(anonymous.getByRole("status")).toHaveText(
    "Done. You will no longer get these emails: Renewals and lapses.",
  );
  await anonymous.goto(`${link!.slice(0, -4)}AAAA`); // a changed signature
  await expect(anonymous.locator("main [role=alert]")).toContainText("This unsubscribe link is not valid");
  await fresh.close();

  const prefs = new NotificationsPage(page);
  await prefs.goto();
  await expect(prefs.kind("Renewals and lapses")).not.toBeChecked();
  await expect(prefs.kind("Roll-off risks")).toBeChecked();
});
