import { describe, expect, it } from "vitest";
import { evaluateTrack } from "./evaluate";
import { applyAdjustments } from "./levers";
import { type MetricPlan, planSolutionsPartnerTrack, type TrackPlan } from "./planner";
import { atThresholds, blank, R, setCerts, setCustomers, setUsage } from "./test-helpers";
import type { MetricId } from "./types";

const metric = (p: TrackPlan, id: MetricId): MetricPlan => p.metrics.find((m) => m.metric === id)!;

describe("Solutions Partner gap planner: additions (SPEC §8)", () => {
  it.each([
    [
      0,
      "2 more people with an advanced Modern Work certification (MS-102 (counts until 2027-11-30))",
      "1 more person with an advanced Modern Work certification (MS-102 (counts until 2027-11-30))",
    ],
    [1, "1 more person with an advanced Modern Work certification (MS-102 (counts until 2027-11-30))", null],
    [2, null, null],
  ] as const)("Modern Work Enterprise advanced certifications at %i of 2 people", (persons, toMax, toScore) => {
    const i = setCerts(atThresholds("modern-work", "enterprise"), "modern-work", "advanced", null, persons);
    const m = metric(planSolutionsPartnerTrack(R, "modern-work", "enterprise", i), "advanced-certifications");
    expect(m.atMax).toBe(persons === 2);
    expect(m.atZero).toBe(persons === 0);
    expect(m.toMax[0]?.text ?? null).toBe(toMax);
    expect(m.toScore[0]?.text ?? null).toBe(toScore);
    // Exact: the change earns the max, one unit less does not.
    if (toMax) {
      const points = (p: number) =>
        evaluateTrack(
          R,
          "modern-work",
          "enterprise",
          applyAdjustments(i, [{ key: m.toMax[0].adjustments[0].key, field: "persons", by: p }]),
        ).metrics.find((x) => x.id === "advanced-certifications")!.points;
      expect(points(m.toMax[0].amount)).toBe(15);
      expect(points(m.toMax[0].amount - 1)).toBeLessThan(15);
    }
  });

  it("net customers on the SMB track, in the program's units", () => {
    const i = setCustomers(atThresholds("modern-work", "smb"), "modern-work", "smb", ["cpor", "csp"], 7);
    const m = metric(planSolutionsPartnerTrack(R, "modern-work", "smb", i), "net-customer-adds");
    expect(m.pointsText).toBe("14.0");
    expect(m.toMax.map((c) => c.text)).toEqual(["3 more net customers on the SMB track (CPOR, CSP pooled)"]);
    expect(m.sentence).toBe(
      "Net customer adds (14.0 of 20 points): for the full 20: 3 more net customers on the SMB track (CPOR, CSP pooled); headroom before the area stops qualifying: up to 6 net customers (CPOR, CSP pooled) may be lost.",
    );
  });

  it("Security Enterprise steps: gates first, then per-person people", () => {
    const p = planSolutionsPartnerTrack(R, "security", "enterprise", blank());
    const m = metric(p, "intermediate-certifications");
    expect(m.toScore[0]).toMatchObject({ amount: 5 });
    expect(m.toScore[0].text).toBe(
      "2 more people holding AZ-500 or SC-500 (step 1), then 2 more people holding SC-200 (step 2), then 1 more person holding SC-100, SC-300 or SC-401 (step 3)",
    );
    expect(m.toMax[0].amount).toBe(10);
    expect(p.qualified).toBe(false);
    expect(p.spareText).toBeNull();
    expect(m.headroom).toBeNull();
  });

  it("a usage lever that cannot help this window is reported as blocked", () => {
    const m = metric(planSolutionsPartnerTrack(R, "business-applications", "smb", blank()), "usage-growth");
    expect(m.toMax).toEqual([]);
    expect(m.blocked.length).toBeGreaterThan(0);
    expect(m.sentence).toMatch(/no single change earns points/);
  });
});

describe("Solutions Partner gap planner: headroom of a qualified track (SPEC §8)", () => {
  it("every metric at its threshold (total 100): each can lose all but one unit", () => {
    const p = planSolutionsPartnerTrack(R, "modern-work", "enterprise", atThresholds("modern-work", "enterprise"));
    expect(p.qualified).toBe(true);
    expect(p.spareText).toBe("30.0 points above the pass mark of 70");
    expect(metric(p, "net-customer-adds").headroom).toEqual([
      {
        label: "CPOR, DPOR pooled",
        amount: 4,
        unit: "net customers",
        any: false,
        text: "up to 4 net customers (CPOR, DPOR pooled) may be lost",
      },
    ]);
    expect(metric(p, "intermediate-certifications").headroom!.map((l) => l.amount)).toEqual([3]);
    expect(metric(p, "advanced-certifications").headroom!.map((l) => l.amount)).toEqual([1]);
    expect(metric(p, "usage-growth").headroom!.map((l) => [l.label, l.amount])).toEqual([
      ["Active users via CPOR", 999],
    ]);
    // The DPOR option earns nothing, so losing it is not headroom; only CPOR is listed.
    expect(metric(p, "deployments").headroom!.map((l) => [l.label, l.amount])).toEqual([["via CPOR", 4]]);
    expect(metric(p, "advanced-certifications").sentence).toBe(
      "Advanced certifications (15.0 of 15 points): headroom before the area stops qualifying: up to 1 certified person may be lost.",
    );
  });

  it("the pass mark binds: exactly 70 still qualifies, one unit more does not", () => {
    const i = setCerts(atThresholds("modern-work", "enterprise"), "modern-work", "advanced", null, 1); // 7.5
    setUsage(i, "modern-work", "active-users", ["cpor"], 500, 0); // 15 → total 77.5
    const p = planSolutionsPartnerTrack(R, "modern-work", "enterprise", i);
    expect(p.totalText).toBe("77.5");
    const usage = metric(p, "usage-growth").headroom![0];
    expect(usage.amount).toBe(250);
    const total = (lost: number) =>
      evaluateTrack(
        R,
        "modern-work",
        "enterprise",
        setUsage({ ...i }, "modern-work", "active-users", ["cpor"], 500 - lost, 0),
      );
    expect(total(250)).toMatchObject({ total: 70, qualified: true });
    expect(total(251).qualified).toBe(false);
    expect(metric(p, "net-customer-adds").headroom![0].amount).toBe(1); // 12.5 points needed of 20: 4 customers of 5
    expect(metric(p, "advanced-certifications").headroom![0]).toMatchObject({
      amount: 0,
      text: "not one certified person may be lost",
    });
  });
});
