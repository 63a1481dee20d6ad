import { expect, type Page } from "@playwright/test";

// SPEC §8: the what-if simulators, the roll-off forecast and the Alerts page.
export class BeyondPage {
  constructor(private readonly page: Page) {}

  async gotoTrainingServices() {
    await this.page.goto("/membership/training-services");
    await this.openSimulator();
    await expect(this.page.getByRole("heading", { name: "What-if simulator", level: 2 })).toBeFocused();
  }
  async gotoArea(area: string) {
    await this.page.goto(`/membership/solutions-partner/${area}`);
    await this.openSimulator();
    await expect(this.page.getByRole("heading", { name: /What-if simulator/, level: 2 })).toBeFocused();
  }
  async gotoAlerts() {
    await this.page.goto("/membership/alerts");
    await expect(this.page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  }

  /** The simulator is rendered on demand (SPEC §9, fast at any size): the page shows its heading and an Open button. */
  async openSimulator() {
    await this.page.getByRole("button", { name: "Open the what-if simulator" }).click();
    await expect(this.page.getByRole("button", { name: "Reset to real data" })).toBeVisible();
  }

  /** A simulator figure by its accessible label, e.g. "Three-days-or-more completions". */
  figure(label: string) {
    return this.page.getByRole("textbox", { name: label, exact: true });
  }
  async setFigure(label: string, value: string) {
    await this.figure(label).fill(value);
  }
  tsQualification() {
    return this.page.getByTestId("whatif-qualification");
  }
  spTotal() {
    return this.page.getByTestId("sp-whatif-total");
  }
  spQualification() {
    return this.page.getByTestId("sp-whatif-qualification");
  }
  async reset() {
    await this.page.getByRole("button", { name: "Reset to real data" }).click();
  }
  rollOffWarning() {
    return this.page.getByTestId("rolloff-warning");
  }
  async gotoForecastFromDashboard() {
    await this.page.goto("/membership/training-services");
    await this.page.getByRole("link", { name: "Month-by-month forecast" }).click();
    await expect(this.page.getByRole("heading", { name: "Roll-off forecast", level: 1 })).toBeVisible();
  }
  forecastVerdict() {
    return this.page.getByTestId("forecast-warning");
  }
  headerAlerts() {
    return this.page.getByRole("banner").getByTestId("alerts-link");
  }
  alert(title: string | RegExp) {
    return this.page.getByTestId("alert").filter({ has: this.page.getByRole("heading", { name: title }) });
  }
}
