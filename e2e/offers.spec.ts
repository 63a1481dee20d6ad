import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_ORGS, e2eEmail } from "./fixtures";
import { badgeSvgPngDifference, OffersPage, OrderPage, SP_OFFER, TS_OFFER } from "./pages/offers";
import { signInAs } from "./pages/sign-in";

// SPEC §5 (E2E_TODAY 2026-11-15). The operator's `orders confirm-payment` step runs in the
// integration suite (tests/offers/wire.int.test.ts) against a real database: with the embedded
// database the e2e server holds the PGlite folder, so no second process may open it.

test("buy with the billing profile through the side pane using only the keyboard", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.offersBuy, "account_admin"), "/membership/offers");
  const offers = new OffersPage(page);
  await expect(offers.status(SP_OFFER)).toHaveText("Ready to buy");
  await expect(offers.card(SP_OFFER)).toContainText("USD 4,730.00");
  await expect(offers.card(SP_OFFER)).toContainText("Local prices may vary");
  await expect(offers.card(TS_OFFER)).toContainText("USD 4,875.00");

  const buy = offers.actionButton(SP_OFFER, "Buy now");
  await offers.tabTo(buy);
  await page.keyboard.press("Enter");
  await expect(offers.pane()).toBeVisible();
  await expect(offers.pane().getByRole("heading", { name: "Purchase terms" })).toBeVisible();
  await page.keyboard.press("Escape"); // Escape closes, focus returns to the button
  await expect(offers.pane()).toBeHidden();
  await expect(buy).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(offers.pane()).toBeVisible();
  await expect(offers.placeOrderButton()).toBeDisabled();
  await offers.tabTo(offers.agreement());
  await page.keyboard.press("Space");
  await expect(offers.placeOrderButton()).toBeEnabled();
  await expect(offers.method("Billing profile")).toBeChecked(); // recommended, available
  await expect(offers.pane()).toContainText("Recommended");
  await offers.tabTo(offers.placeOrderButton());
  await page.keyboard.press("Enter");

  await page.waitForURL(/\/membership\/orders\/PMC-\d+\?placed=1$/);
  const order = new OrderPage(page);
  await expect(order.status()).toHaveText("Active");
  await expect(page.getByRole("status")).toContainText("held until 2027-11-15");
  await offers.goto();
  await expect(offers.status(SP_OFFER)).toHaveText("Active — until 2027-11-15");
  await expect(offers.card(SP_OFFER)).toContainText("Security");
  await expect(offers.actionButton(SP_OFFER, "Renew")).toBeDisabled();
  await page.goto("/membership/orders");
  await expect(page.getByRole("row").filter({ hasText: SP_OFFER })).toContainText("Billing profile");
  await page.getByRole("link", { name: "Invoice" }).click();
  await expect(page.getByRole("heading", { name: /^Invoice INV-PMC-\d+$/ })).toBeVisible();
  await expect(page.getByRole("article")).toContainText("USD 4,730.00");
});

test("wire transfer: awaiting payment with bank reference, then a payment proof upload", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.offersWire, "global_admin"), "/membership/offers");
  const offers = new OffersPage(page);
  await offers.actionButton(SP_OFFER, "Buy now").click();
  await expect(offers.method("Billing profile")).toBeDisabled();
  await expect(offers.pane()).toContainText("no billing profile yet");
  await expect(offers.pane().getByRole("link", { name: "Set up the billing profile" })).toBeVisible();
  await expect(offers.method("Wire transfer")).toBeChecked();
  await page.keyboard.press("Escape");
  await offers.order(SP_OFFER, "Buy now", "Wire transfer");

  const order = new OrderPage(page);
  await expect(order.status()).toHaveText("Awaiting payment");
  await expect(page.getByTestId("partner-id")).toHaveText(E2E_ORGS.offersWire);
  await expect(page.getByTestId("bank-reference")).toHaveText(/^RF\d{2}PMC\d+$/);
  await expect(page.getByText("Unpaid orders expire after 2026-12-15")).toBeVisible();

  await order.uploadProof("huge.pdf", "application/pdf", Buffer.alloc(6 * 1024 * 1024, 0x25)); // over 5 MB: refused in the form, never sent
  await expect(page.getByText("The file is larger than 5 MB.")).toBeVisible();
  await order.uploadProof("receipt.pdf", "application/pdf", Buffer.from("this is not a pdf"));
  await expect(page.locator("main [role=alert]").first()).toContainText("Upload a PDF, PNG or JPEG file.");
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
  await order.uploadProof("transfer.png", "image/png", png);
  await expect(page.locator("main [role=status]").filter({ hasText: "Payment proof" })).toContainText(
    "Payment proof transfer.png uploaded",
  );
  await expect(page.getByRole("list", { name: "Payment proofs" })).toContainText("transfer.png");

  await offers.goto();
  await expect(offers.status(SP_OFFER)).toHaveText("Awaiting payment");
  await expect(offers.card(SP_OFFER).getByRole("link", { name: "Pay, upload proof or cancel" })).toBeVisible();
  await expect(offers.card(SP_OFFER)).toContainText(`quote partner ID ${E2E_ORGS.offersWire} and bank reference RF`);

  await page.goto("/membership/audit");
  const log = page.getByRole("table");
  await expect(log).toContainText("Purchase");
  await expect(log).toContainText("Payment proof uploaded");
});

test("renew inside the window moves the anniversary one year from the previous one", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.offersRenew, "account_admin"), "/membership/offers");
  const offers = new OffersPage(page);
  await expect(offers.status(TS_OFFER)).toHaveText("Renewal due — until 2026-12-01");
  await expect(offers.card(TS_OFFER)).toContainText("Open until 2026-12-01");
  await offers.actionButton(TS_OFFER, "Renew").click();
  await expect(offers.pane()).toContainText("held from 2026-12-01 until 2027-12-01");
  await page.keyboard.press("Escape");
  await offers.order(TS_OFFER, "Renew");
  await expect(new OrderPage(page).status()).toHaveText("Active");
  await offers.goto();
  await expect(offers.status(TS_OFFER)).toHaveText("Active — until 2027-12-01");
  await expect(offers.card(TS_OFFER).getByTestId("anniversary")).toHaveText("2027-12-01");
  await expect(offers.card(TS_OFFER)).toContainText("Opens on 2027-11-01");
});

test("badges of held designations appear and download as SVG and PNG", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.offersBadges, "partner_admin"), "/membership/badges");
  const sp = page.getByRole("list", { name: `${SP_OFFER} badges` });
  await expect(sp.getByRole("listitem")).toHaveCount(7);
  await expect(sp).toContainText("Cloud Partner");
  const ts = page.getByRole("list", { name: `${TS_OFFER} badges` });
  await expect(ts.getByRole("listitem")).toHaveCount(1);
  await expect(ts).toContainText("Security");

  for (const [format, check] of [
    ["PNG", (b: Buffer) => b.subarray(0, 8).equals(Buffer.from("89504e470d0a1a0a", "hex"))],
    ["SVG", (b: Buffer) => b.toString("utf8").includes("<svg")],
  ] as const) {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: `Download Cloud Partner badge as ${format}` }).click();
    const file = await (await download).path();
    expect(check(fs.readFileSync(file))).toBe(true);
  }
  // The server's PNG looks like the browser's drawing of the SVG (same font metrics, same layout):
  // a mean difference of a few levels is anti-aliasing; a wrong font, size or position is far more.
  expect(await badgeSvgPngDifference(page, "solutions-partner", "digital-app-innovation")).toBeLessThan(4);
  const notHeld = await page.request.get(
    "/membership/badges/download?offer=training-services&badge=data-ai&format=png",
  );
  expect(notHeld.status()).toBe(404);

  await page.goto("/membership/benefits");
  await expect(page.getByRole("article", { name: SP_OFFER })).toBeVisible();
  await expect(page.getByRole("article", { name: TS_OFFER })).toBeVisible();
});

test("a partner admin sees the button disabled with every check of “Why can't I buy?”", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.offersRoles, "partner_admin"), "/membership/offers");
  const offers = new OffersPage(page);
  await expect(offers.actionButton(SP_OFFER, "Buy now")).toBeDisabled();
  const why = offers.whyNot(SP_OFFER);
  await why.getByText("Why can't I buy?").click();
  await expect(why.locator("[data-check=verified]")).toContainText("Account verified: met");
  await expect(why.locator("[data-check=qualified]")).toContainText("Qualified: met");
  await expect(why.locator("[data-check=window]")).toContainText("met");
  await expect(why.locator("[data-check=role]")).toContainText("not met");
  const tsWhy = offers.whyNot(TS_OFFER);
  await tsWhy.getByText("Why can't I buy?").click();
  await expect(tsWhy.locator("[data-check=qualified]")).toContainText("Qualified: not met");
  await expect(tsWhy.getByRole("link", { name: "See the program dashboard" })).toHaveAttribute(
    "href",
    "/membership/training-services",
  );
  const nav = page.getByRole("navigation", { name: "Membership workspace" });
  await expect(nav.getByRole("link", { name: "Offers" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  expect((await page.request.get("/membership/audit")).status()).toBe(403);
  expect((await page.request.get("/membership/billing-profile")).status()).toBe(403);
});
