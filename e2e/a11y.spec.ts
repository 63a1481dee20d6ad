// SPEC §9 — accessibility: axe-core on every page, the side pane and the dialogs (no serious or
// critical violation, WCAG 2.1 A/AA rules), and the main flows with the keyboard alone: sign-in,
// import and renew here (buy: e2e/offers.spec.ts, "…using only the keyboard").
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { E2E_OPERATOR, E2E_ORGS, E2E_PASSWORD, e2eEmail } from "./fixtures";
import { OffersPage, OrderPage, TS_OFFER } from "./pages/offers";
import { signedInClient } from "./support/http";
import { PAGE_URLS, routesInSource } from "./support/routes";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Signs the browser in through Auth.js's endpoint (the sign-in form itself: "sign-in with the keyboard alone"). */
async function signInBrowser(context: BrowserContext, email: string) {
  const client = await signedInClient(email);
  await context.addCookies((await client.storageState()).cookies);
  await client.dispose();
}

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

test("every page has no serious or critical axe violation", async ({ page, context, browser }) => {
  test.setTimeout(360_000); // every page of both workspaces through axe, on a shared machine
  const failures: string[] = [];
  const check = async (p: Page, label: string) => {
    for (const v of await seriousViolations(p)) failures.push(`${label}: ${v}`);
  };
  await page.goto("/sign-in");
  await check(page, "/sign-in");
  await page.goto("/no-such-page");
  await check(page, "404 page");

  // every page of the source tree (a new page without an address fails here), as A's global admin
  const pages = routesInSource().filter((k) => k.startsWith("page "));
  expect(pages.filter((k) => !PAGE_URLS[k])).toEqual([]);
  const signedIn = pages.filter((k) => k !== "page /" && k !== "page /sign-in").map((k) => PAGE_URLS[k]!);
  await signInBrowser(context, e2eEmail(E2E_ORGS.matrixA, "global_admin"));
  const isOperator = (url: string) => url === "/operator" || url.startsWith("/operator/");
  for (const url of [...signedIn.filter((u) => !isOperator(u)), "/membership/training-services/average-score"]) {
    await page.goto(url);
    await expect(page.locator("h1").first()).toBeVisible();
    await check(page, url);
  }
  // SPEC §10: the operator workspace's pages, as the operator.
  const operator = await browser.newContext();
  const operatorPage = await operator.newPage();
  await signInBrowser(operator, E2E_OPERATOR);
  for (const url of signedIn.filter(isOperator)) {
    await operatorPage.goto(url);
    await expect(operatorPage.locator("h1").first()).toBeVisible();
    await check(operatorPage, url);
  }
  await operator.close();
  for (const url of ["/membership/training-services", "/membership/solutions-partner/modern-work"]) {
    await page.goto(url);
    await page.getByRole("button", { name: "Open the what-if simulator" }).click(); // rendered on demand
    await expect(page.getByRole("button", { name: "Reset to real data" })).toBeVisible();
    await check(page, `${url} with the what-if simulator open`);
  }
  for (const url of ["/membership/training-services/courseware", "/membership/solutions-partner/modern-work"]) {
    await page.goto(url);
    await page.getByRole("link", { name: "Show the trend" }).click(); // rendered on demand
    await expect(page.getByRole("link", { name: "Hide the trend" })).toBeVisible();
    await check(page, `${url} with the trend open`);
  }
  await page.goto("/membership/offers");
  for (const details of await page.locator("details").all()) await details.locator("summary").click(); // "Why can't I buy?"
  await check(page, "offers with “Why can't I buy?” open");

  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await signInBrowser(member, e2eEmail(E2E_ORGS.matrixA, "member"));
  await memberPage.goto("/membership");
  await expect(memberPage.getByRole("heading", { name: "You need the partner admin role" })).toBeVisible();
  await check(memberPage, "403 page");
  await member.close();
  expect(failures).toEqual([]);
});

/** Presses Tab until `target` has the focus (keyboard only). */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with the Tab key");
}

test("sign-in with the keyboard alone", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2Fmembership");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(e2eEmail(E2E_ORGS.kbdImport, "partner_admin"));
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(E2E_PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/membership");
  await expect(page.getByRole("heading", { name: "Membership", level: 1 })).toBeVisible();
});

test("import with the keyboard alone (the file itself comes from the system file chooser)", async ({
  page,
  context,
}) => {
  await signInBrowser(context, e2eEmail(E2E_ORGS.kbdImport, "partner_admin"));
  await page.goto("/membership/import");
  const kind = page.getByLabel("What to import");
  await tabTo(page, kind);
  // a focused <select> changes with the arrow keys; step until "Customers" is chosen
  for (let i = 0; i < 10 && (await kind.inputValue()) !== "customers"; i++) await page.keyboard.press("ArrowDown");
  await expect(kind).toHaveValue("customers");
  const file = page.getByLabel("CSV file");
  await tabTo(page, file);
  await file.setInputFiles({
    name: "keyboard.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "customer_id,customer_name,solution_area,segment,association,eligible_from\nK-1,Keyboard Customer,security,smb,csp,2026-01-01\n",
    ),
  });
  await tabTo(page, page.getByRole("button", { name: "Upload" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("main [role=status]").filter({ hasText: "imported" })).toBeVisible();
});

test("renew with the keyboard alone, and the side pane has no serious axe violation", async ({ page, context }) => {
  await signInBrowser(context, e2eEmail(E2E_ORGS.kbdRenew, "account_admin"));
  const offers = new OffersPage(page);
  await offers.goto();
  const renew = offers.actionButton(TS_OFFER, "Renew");
  await tabTo(page, renew);
  await page.keyboard.press("Enter");
  await expect(offers.pane()).toBeVisible();
  expect(await seriousViolations(page, "[role=dialog]")).toEqual([]);
  await tabTo(page, offers.agreement());
  await page.keyboard.press("Space");
  await expect(offers.placeOrderButton()).toBeEnabled();
  await tabTo(page, offers.placeOrderButton());
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/membership\/orders\/PMC-\d+\?placed=1$/);
  await expect(new OrderPage(page).status()).toHaveText("Active");
  await offers.goto();
  await expect(offers.status(TS_OFFER)).toHaveText("Active — until 2027-12-01");
});
