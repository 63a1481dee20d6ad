// SPEC §10 journey: an operator finds an unverified organization and verifies it; that
// organization's account admin buys by wire; the operator confirms the payment from the Payments
// page; the partner sees the designation active with its badges.
import { expect, test } from "@playwright/test";
import { E2E_OPERATOR, E2E_ORGS, e2eEmail } from "./fixtures";
import { OffersPage, OrderPage, SP_OFFER } from "./pages/offers";
import { OperatorPage } from "./pages/operator";
import { SignInPage, signInAs } from "./pages/sign-in";

const ORG = E2E_ORGS.operatorJourney;
test.setTimeout(240_000); // two signed-in browsers and a dozen pages in one journey
const ORG_NAME = `Org ${ORG}`;

test("operator verifies an organization, confirms its wire payment, and the partner holds the designation", async ({
  browser,
}) => {
  const opPage = await (await browser.newContext()).newPage();
  const signIn = new SignInPage(opPage);
  await signIn.goto();
  await signIn.signIn(E2E_OPERATOR);
  await opPage.waitForURL((url) => url.pathname === "/operator"); // operators land on their workspace
  const operator = new OperatorPage(opPage);

  await operator.search(ORG, ["Unverified"]);
  await expect(operator.row(ORG)).toContainText("Unverified");
  await operator.openOrganization(ORG_NAME);
  await operator.verifyAccount(ORG_NAME);
  await operator.gotoOrganizations();
  await operator.search(ORG, ["Unverified"], 100);
  await expect(opPage.getByRole("status").filter({ hasText: "organization" })).toHaveText("0 organizations");
  // The rows per page chosen stay with the search and filters (25 unless chosen).
  expect(new URL(opPage.url()).searchParams.get("size")).toBe("100");
  await expect(opPage.getByLabel("Rows per page")).toHaveValue("100");

  const partner = await (await browser.newContext()).newPage();
  await signInAs(partner, e2eEmail(ORG, "account_admin"), "/membership/offers");
  const offers = new OffersPage(partner);
  await offers.order(SP_OFFER, "Buy now", "Wire transfer");
  await expect(new OrderPage(partner).status()).toHaveText("Awaiting payment");
  const orderNumber = /PMC-\d+/.exec(partner.url())![0];

  await operator.gotoPayments();
  const row = operator.row(orderNumber);
  await expect(row).toContainText(`Partner ID ${ORG}`);
  await expect(row).toContainText(/RF\d{2}PMC\d+/);
  // A second tab of the Payments page, opened before the confirmation, still offers it.
  const staleTab = new OperatorPage(await opPage.context().newPage());
  await staleTab.page.goto("/operator/payments");
  await operator.confirmPayment(orderNumber);
  await expect(operator.paymentMessage()).toHaveText(
    `Payment for order ${orderNumber} confirmed; the designation is active.`,
  );
  await staleTab.confirmPayment(orderNumber);
  await expect(staleTab.paymentMessage()).toContainText(`Order ${orderNumber} was already confirmed`);

  await offers.goto();
  await expect(offers.status(SP_OFFER)).toHaveText(/Active/);
  await partner.goto("/membership/badges");
  await expect(partner.getByRole("list", { name: `${SP_OFFER} badges` })).toContainText("Modern Work");

  // The organization's own pages give the operator nothing.
  const refused = await opPage.goto("/membership/offers");
  expect(refused?.status()).toBe(403);
});
