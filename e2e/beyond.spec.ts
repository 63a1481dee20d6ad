import { expect, test } from "@playwright/test";
import { E2E_ORGS, e2eEmail } from "./fixtures";
import { BeyondPage } from "./pages/beyond";
import { signInAs } from "./pages/sign-in";

test("what-if: changing a figure flips the status at once, and Reset returns to the real data", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.beyondWhatIf, "partner_admin"));
  const beyond = new BeyondPage(page);
  await beyond.gotoTrainingServices();
  await expect(beyond.tsQualification()).toHaveText("Qualified");
  await expect(beyond.figure("Three-days-or-more completions")).toHaveValue("1000");
  await beyond.setFigure("Three-days-or-more completions", "999");
  await expect(beyond.tsQualification()).toHaveText("Not qualified");
  await expect(page.getByTestId("whatif-result")).toContainText("1 figure changed");
  await beyond.setFigure("Security: sum of answers", "4249");
  await beyond.setFigure("Three-days-or-more completions", "1000");
  await expect(beyond.tsQualification()).toHaveText("Not qualified"); // 4.249 < 4.25: no area completed
  await beyond.reset();
  await expect(beyond.tsQualification()).toHaveText("Qualified");
  await expect(beyond.figure("Security: sum of answers")).toHaveValue("4500");
  // The real dashboard is unchanged and warns about the roll-off.
  await expect(page.getByTestId("ts-qualification")).toContainText("Your organization qualifies");
  await expect(beyond.rollOffWarning()).toContainText("1 criterion met today would fail within three months");

  // Solutions Partner: the Modern Work SMB track's one advanced certification carries 15 points.
  await beyond.gotoArea("modern-work");
  await expect(beyond.spTotal()).toHaveText("15.0 / 100");
  await beyond.setFigure("People with advanced certifications: people holding a valid certification", "0");
  await expect(beyond.spTotal()).toHaveText("0.0 / 100");
  await expect(beyond.spQualification()).toHaveText("Not qualified");
});

test("roll-off forecast: the dashboard names the criterion at risk, its page shows each month", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.beyondForecast, "partner_admin"));
  const beyond = new BeyondPage(page);
  await page.goto("/membership/training-services");
  // The 10 courseware points of 2025-11 leave with data through 2026-11-30: 990 < 1,000.
  await expect(beyond.forecastVerdict()).toContainText("Courseware completions: fails from data through 2026-11-30");
  await beyond.gotoForecastFromDashboard();
  await expect(beyond.forecastVerdict()).toContainText(
    "The organization would no longer qualify from data through 2026-11-30.",
  );
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(4); // the header and the next three months
  await expect(rows.nth(1)).toContainText("2026-11-30");
  await expect(rows.nth(1)).toContainText("2025-11");
  await expect(rows.nth(1)).toContainText("−10 → 990");
  await expect(rows.nth(1).getByRole("cell").nth(6)).toHaveText("No");
});

test("alerts: the header counts them and the Alerts page lists each with the page that resolves it", async ({
  page,
}) => {
  await signInAs(page, e2eEmail(E2E_ORGS.beyondAlerts, "partner_admin"));
  const beyond = new BeyondPage(page);
  await expect(beyond.headerAlerts()).toHaveText("Alerts (4)");
  await beyond.headerAlerts().click();
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  const renewal = beyond.alert("Solutions Partner designation: renewal window open, closes in 16 days");
  await expect(renewal).toContainText("Renew by 2026-12-01");
  await expect(renewal.getByRole("link")).toHaveAttribute("href", "/membership/offers");
  await expect(beyond.alert("Training Services qualification at risk of roll-off")).toContainText("Urgent");
  await expect(beyond.alert("Courseware completions at risk of roll-off")).toContainText(
    "it would have 990 of 1,000 points",
  );
  const expiring = beyond.alert("Modern Work: expiring certifications would cost 15.0 points");
  await expect(expiring).toContainText("Pat Expiring (MS-102, 2026-12-01)");
  await expiring.getByRole("link").click();
  await expect(page).toHaveURL(/\/membership\/solutions-partner\/modern-work$/);
  await expect(page.getByTestId("sp-forecast")).toContainText("falls from 15.0 to 0.0");
});
