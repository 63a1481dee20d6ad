import { expect, type Page } from "@playwright/test";

export class TrainingServicesPage {
  constructor(private readonly page: Page) {}
  async goto() {
    await this.page.goto("/membership/training-services");
    await expect(
      this.page.getByRole("heading", { name: "Solutions Partner for Training Services", level: 1 }),
    ).toBeVisible();
  }
  card(title: string) {
    return this.page.getByRole("article").filter({ has: this.page.getByRole("heading", { name: title, exact: true }) });
  }
  /** SPEC §6: what a program with no data shows instead of "Data through". */
  noDataNotice() {
    return this.page.getByRole("main").getByRole("note").filter({ hasText: "No Training Services data" });
  }
  async openDetails(title: string) {
    await this.page.getByRole("link", { name: `View details: ${title}` }).click();
    await expect(this.page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  }
}

export class SolutionsPartnerPage {
  constructor(private readonly page: Page) {}
  async goto() {
    await this.page.goto("/membership/solutions-partner");
    await expect(this.page.getByRole("heading", { name: "Solutions Partner designations", level: 1 })).toBeVisible();
  }
  areaCard(label: string) {
    return this.page.getByRole("article", { name: label });
  }
  noDataNotice() {
    return this.page.getByRole("main").getByRole("note").filter({ hasText: "No Solutions Partner data" });
  }
  /** The area page's "Last six months" table row of a month (YYYY-MM). */
  historyRow(month: string) {
    return this.page
      .getByRole("table")
      .filter({ has: this.page.getByRole("columnheader", { name: "Highest score" }) })
      .first()
      .getByRole("row", { name: new RegExp(`^${month}\\b`) });
  }
  /** Opens the trend section (rendered on demand): the page again with the chart and its table. */
  async openTrend() {
    await this.page.getByRole("link", { name: "Show the trend" }).click();
    await expect(this.page.getByRole("link", { name: "Hide the trend" })).toBeVisible();
  }
  /** The trend chart's table (beside the drawing) row of a month. */
  trendRow(month: string) {
    return this.page
      .getByRole("region", { name: /highest score per month.*scrollable table/ })
      .getByRole("row", { name: new RegExp(`^${month}\\b`) });
  }
  forecast() {
    return this.page.getByTestId("sp-forecast");
  }
  async openArea(label: string) {
    await this.page.getByRole("link", { name: `View details: ${label}` }).click();
  }
  title() {
    return this.page.getByRole("heading", { level: 1 });
  }
  async gotoArea(slug: string) {
    await this.page.goto(`/membership/solutions-partner/${slug}`);
    await expect(this.page.getByRole("heading", { name: "Metrics", level: 2 })).toBeVisible();
  }
  metricCard(name: string) {
    return this.page.getByRole("article", { name, exact: true });
  }
}
