import { describe, expect, it } from "vitest";
import { buildAlerts, type OffersAlertState } from "./alerts";
import { certificationsKey, expiringCertificationImpact } from "./solutions-partner";
import { atThresholds, R, setCerts } from "./solutions-partner/test-helpers";
import { forecastTrainingServices } from "./training-services";
import { AREA_MET, agg } from "./training-services/test-fixtures";

const TODAY = "2026-11-15";
const DT = "2026-10-31";

describe("alerts: Training Services roll-off (SPEC §8)", () => {
  const qualifying = agg({
    completions: { threeDaysOrMore: 995 },
    vouchers: { advanced: 300 },
    surveys: { answerSum: 90, answerCount: 20 },
    areas: { security: AREA_MET },
  });

  it("a met criterion failing within three months, and the qualification it costs", () => {
    const f = forecastTrainingServices(
      { "2025-11": agg({ completions: { threeDaysOrMore: 10 } }), "2026-05": qualifying },
      DT,
    );
    const alerts = buildAlerts({ today: TODAY, trainingServices: { forecast: f } });
    expect(alerts.map((a) => [a.severity, a.title, a.href])).toEqual([
      ["critical", "Training Services qualification at risk of roll-off", "/membership/training-services#forecast"],
      ["warning", "Courseware completions at risk of roll-off", "/membership/training-services/courseware"],
    ]);
    expect(alerts[0].detail).toContain("data through 2026-11-30");
    expect(alerts[1].detail).toBe(
      "Met today; when 2025-11 leaves the window (data through 2026-11-30) and no new data arrives, it would have 995 of 1,000 points.",
    );
  });

  it("area criteria link to their details page; one alert per criterion across months", () => {
    const f = forecastTrainingServices(
      {
        "2025-12": agg({ areas: { security: { threeDaysOrMore: 10, answerSum: 10, answerCount: 10 } } }),
        "2026-05": agg({ areas: { security: { threeDaysOrMore: 195, answerSum: 5000, answerCount: 1000 } } }),
      },
      DT,
    );
    const alerts = buildAlerts({ today: TODAY, trainingServices: { forecast: f } });
    expect(alerts.map((a) => a.id)).toEqual(["ts-roll-off-security-surveyCompletions"]);
    expect(alerts[0].href).toBe("/membership/training-services/areas/security/survey-completions");
    expect(alerts[0].detail).toContain("when 2025-12 leaves the window (data through 2026-12-31)");
  });

  it("nothing leaving → no alert", () => {
    expect(
      buildAlerts({
        today: TODAY,
        trainingServices: { forecast: forecastTrainingServices({ "2026-09": qualifying }, DT) },
      }),
    ).toEqual([]);
  });
});

describe("alerts: expiring certifications (SPEC §4.6, §8)", () => {
  it("points at risk on the selected track; critical when the area would stop qualifying", () => {
    const inputs = atThresholds("security", "smb");
    const impact = expiringCertificationImpact({
      ruleset: R,
      inputs,
      dataThrough: DT,
      expiring: [{ personId: "a", personName: "Ada", code: "AZ-500", expiresOn: "2026-11-20" }],
      remaining: { [certificationsKey("security", "intermediate", "step1")]: { persons: 0 } },
    });
    const alerts = buildAlerts({ today: TODAY, solutionsPartner: { impact } });
    expect(alerts).toEqual([
      {
        id: "sp-expiring-security-intermediate-certifications",
        severity: "critical",
        title: "Security: expiring certifications would cost 36.0 points",
        detail:
          "Ada (AZ-500, 2026-11-20) expires by 2027-01-29. The total would fall from 100.0 to 64.0 and the area would no longer qualify.",
        href: "/membership/solutions-partner/security",
      },
    ]);
  });

  it("a loss that keeps the area qualified is a warning", () => {
    const inputs = setCerts(atThresholds("modern-work", "enterprise"), "modern-work", "advanced", null, 2);
    const impact = expiringCertificationImpact({
      ruleset: R,
      inputs,
      dataThrough: DT,
      expiring: [{ personId: "p", personName: "Pat", code: "MS-102", expiresOn: "2026-12-01" }],
      remaining: { [certificationsKey("modern-work", "advanced", null)]: { persons: 1 } },
    });
    const [a] = buildAlerts({ today: TODAY, solutionsPartner: { impact } });
    expect(a).toMatchObject({
      severity: "warning",
      title: "Modern Work: expiring certifications would cost 7.5 points",
    });
  });
});

describe("alerts: renewal windows and orders (SPEC §5, §8)", () => {
  const held = (anniversary: string): OffersAlertState => ({
    designations: [{ offer: "solutions-partner", status: "active", anniversary }],
    awaitingOrders: [],
  });
  const one = (today: string, s: OffersAlertState) =>
    buildAlerts({ today, offers: s }).map((a) => [a.severity, a.title]);

  it("window boundaries: 31 and 30 days ahead, 1 day ahead, first day, 8 and 7 days left, last day, the day after", () => {
    // Anniversary 2026-12-15 → window 2026-11-15 … 2026-12-15.
    expect(one("2026-11-14", held("2026-12-15"))).toEqual([
      ["info", "Solutions Partner designation: renewal window opens in 1 day"],
    ]);
    expect(one("2026-11-15", held("2026-12-15"))).toEqual([
      ["warning", "Solutions Partner designation: renewal window open, closes in 30 days"],
    ]);
    expect(one("2026-12-07", held("2026-12-15"))).toEqual([
      ["warning", "Solutions Partner designation: renewal window open, closes in 8 days"],
    ]);
    expect(one("2026-12-08", held("2026-12-15"))).toEqual([
      ["critical", "Solutions Partner designation: renewal window open, closes in 7 days"],
    ]);
    expect(one("2026-12-15", held("2026-12-15"))).toEqual([
      ["critical", "Solutions Partner designation: renewal window closes today"],
    ]);
    expect(one("2026-12-16", held("2026-12-15"))).toEqual([]);
    expect(one("2026-10-15", held("2026-12-15"))).toEqual([]); // opens in 31 days: too early to say
    expect(one("2026-10-16", held("2026-12-15"))).toEqual([
      ["info", "Solutions Partner designation: renewal window opens in 30 days"],
    ]);
    expect(
      one("2026-11-20", {
        designations: [{ offer: "training-services", status: "lapsed", anniversary: "2026-12-15" }],
        awaitingOrders: [],
      }),
    ).toEqual([]);
  });

  it("orders awaiting payment, with their expiry; expired ones are left out", () => {
    const s: OffersAlertState = {
      designations: [],
      awaitingOrders: [
        { number: "PMC-1", offer: "training-services", expiresOn: "2026-12-10" },
        { number: "PMC-2", offer: "solutions-partner", expiresOn: "2026-11-20" },
        { number: "PMC-3", offer: "solutions-partner", expiresOn: "2026-11-14" },
      ],
    };
    const alerts = buildAlerts({ today: TODAY, offers: s });
    expect(alerts.map((a) => [a.severity, a.title, a.href])).toEqual([
      ["critical", "Order PMC-2 awaiting payment", "/membership/orders/PMC-2"],
      ["warning", "Order PMC-1 awaiting payment", "/membership/orders/PMC-1"],
    ]);
    expect(alerts[1].detail).toBe(
      "Solutions Partner for Training Services: pay by 2026-12-10 (in 25 days), quoting the bank reference, or the order expires.",
    );
  });
});
