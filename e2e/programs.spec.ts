import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_ORGS, e2eEmail } from "./fixtures";
import { BeyondPage } from "./pages/beyond";
import { SolutionsPartnerPage, TrainingServicesPage } from "./pages/programs";
import { signInAs } from "./pages/sign-in";

test("Training Services dashboard, a details page and its CSV download", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.tsView, "partner_admin"));
  const ts = new TrainingServicesPage(page);
  await ts.goto();
  await expect(page.getByTestId("ts-qualification")).toContainText("Your organization qualifies");
  await expect(page.getByText("Data through 2026-10-31")).toBeVisible();
  await expect(ts.card("Courseware completions")).toContainText("1,050");
  await expect(ts.card("Courseware completions")).toContainText("Completed");
  await expect(ts.card("Modern Work")).toContainText("In progress");
  await ts.openDetails("Courseware completions");
  await expect(page.getByText("Fundamentals courses earn 0.5 point each")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await (await download).path();
  const lines = fs
    .readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r\n/);
  expect(lines[0]).toBe("achievement_code,course_code,redeemed_on");
  expect(lines).toHaveLength(1 + 1300); // every completion in the window, not only those that count
});

test("Solutions Partner overview, area page, track switch and a metric download", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.spView, "partner_admin"));
  const sp = new SolutionsPartnerPage(page);
  await sp.goto();
  await expect(sp.areaCard("Modern Work")).toContainText("100.0");
  await expect(sp.areaCard("Modern Work")).toContainText("Qualified");
  await expect(sp.areaCard("Modern Work")).toContainText("SMB");
  await expect(sp.areaCard("Security")).toContainText("Not started");
  await sp.openArea("Modern Work");
  await expect(sp.title()).toContainText("Modern Work — SMB track");
  await page.getByRole("link", { name: /Switch to the Enterprise track/ }).click();
  await expect(sp.title()).toContainText("Modern Work — Enterprise track");
  await expect(page.getByText("60.5", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("You are viewing the Enterprise computation; the SMB track counts.")).toBeVisible();
  const download = page.waitForEvent("download");
  await page
    .getByRole("article", { name: "Net customer adds" })
    .getByRole("link", { name: "Download line items" })
    .click();
  const text = fs.readFileSync(await (await download).path(), "utf8").replace(/^\uFEFF/, "");
  expect(text.split(/\r\n/)[0]).toBe(
    "customer_id,customer_name,solution_area,segment,association,eligible_from,eligible_until",
  );
  expect(text).toContain("E2ESP-MW-E1");
});

test("Solutions Partner area pages say how credentials, associations and deployments count (SPEC §4.3 corrections)", async ({
  page,
}) => {
  await signInAs(page, e2eEmail(E2E_ORGS.spRules, "partner_admin"));
  const sp = new SolutionsPartnerPage(page);
  await sp.gotoArea("modern-work");
  await expect(sp.metricCard("Deployments")).toContainText("Net new customers (tenants) with a qualifying deployment");
  await expect(sp.metricCard("Deployments")).toContainText("a customer (tenant) counts once however many workloads");
  await expect(sp.metricCard("Intermediate certifications")).toContainText("MS-900 (counts until 2027-03-31)");
  const download = page.waitForEvent("download");
  await sp.metricCard("Intermediate certifications").getByRole("link", { name: "Download line items" }).click();
  const lines = fs
    .readFileSync(await (await download).path(), "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r\n/);
  expect(lines[0]).toBe("person_id,person_name,certification_code,earned_on,expires_on,credential,counts,why");
  expect(lines.find((l) => l.startsWith("E2ESR-P1,"))).toContain(",yes,holds MS-700");

  await sp.gotoArea("business-applications");
  await expect(sp.metricCard("Net customer adds")).toContainText("CPOR, CSP and DPOR pooled; PAL does not count");
  await expect(sp.metricCard("Deployments")).toContainText(
    "Power Platform and Customer Insights workloads (Power Apps, Power Automate, Power Pages, Copilot Studio, Customer Insights) count through PAL only; Dynamics 365 workloads through CPOR, CSP or DPOR.",
  );

  await sp.gotoArea("infrastructure");
  await expect(sp.metricCard("Intermediate certifications")).toContainText(
    "Windows Server Hybrid Administrator Associate (AZ-800 and AZ-801, or AZ-802)",
  );
});

test("an organization with no data is told what to import instead of a data-through date", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.noData, "partner_admin"));
  const ts = new TrainingServicesPage(page);
  await ts.goto();
  await expect(ts.noDataNotice()).toContainText(
    "Import courseware completions, exam vouchers and MTM surveys on the Import data page",
  );
  await expect(page.getByRole("main")).not.toContainText("Data through");
  await ts.openDetails("Courseware completions");
  await expect(ts.noDataNotice()).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("data through");
  const sp = new SolutionsPartnerPage(page);
  await sp.goto();
  await expect(sp.noDataNotice()).toContainText("Import customers, certifications, usage and deployments");
  await expect(page.getByRole("main")).not.toContainText("Data through");
  await sp.openArea("Modern Work");
  await expect(sp.noDataNotice()).toBeVisible();
  await page.goto("/membership");
  await expect(ts.noDataNotice()).toBeVisible();
  await sp.noDataNotice().getByRole("link", { name: "Import data" }).click();
  await expect(page.getByRole("heading", { name: "Import data", level: 1 })).toBeVisible();
});

test("a Modern Work total of exactly 70.05 reads 70.1 on every surface", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.rounding, "partner_admin"));
  const sp = new SolutionsPartnerPage(page);
  await sp.goto();
  await expect(sp.areaCard("Modern Work")).toContainText("70.1 / 100 points");
  await sp.openArea("Modern Work");
  await expect(sp.title()).toContainText("Modern Work — Enterprise track");
  await expect(sp.historyRow("2026-11")).toContainText("70.1");
  await expect(sp.trendRow("2026-11")).toHaveCount(0); // the trend is rendered on demand
  await sp.openTrend();
  await expect(page).toHaveURL(/\?trend=show#sp-trend-section$/);
  await expect(sp.trendRow("2026-11")).toContainText("70.1");
  await expect(sp.forecast()).toContainText("the Enterprise total falls from 70.1 to 62.6");
  const beyond = new BeyondPage(page);
  await beyond.openSimulator();
  await expect(beyond.spTotal()).toHaveText("70.1 / 100");
  await expect(page.getByTestId("sp-whatif-result")).toContainText("70.1 points on the Enterprise track");
  await beyond.gotoAlerts();
  await expect(page.getByRole("main")).toContainText("The total would fall from 70.1 to 62.6");
});
