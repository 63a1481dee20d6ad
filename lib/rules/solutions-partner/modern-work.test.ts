// SPEC §4.3 Modern Work: both tracks computed, options vs pools, proportional certifications.
import { describe, expect, it } from "vitest";
import * as F from "../fraction";
import { evaluateArea, evaluateTrack } from "./evaluate";
import { atThresholds, blank, metric, R, setCerts, setCustomers, setDeployments, setUsage } from "./test-helpers";

const MW = "modern-work" as const;
const ent = (i = atThresholds(MW, "enterprise")) => evaluateTrack(R, MW, "enterprise", i);
const smb = (i = atThresholds(MW, "smb")) => evaluateTrack(R, MW, "smb", i);

describe("Modern Work", () => {
  it.each(["enterprise", "smb"] as const)("%s: thresholds met exactly earn every max (100, qualified)", (t) => {
    const e = evaluateTrack(R, MW, t, atThresholds(MW, t));
    expect(e.totalExact).toEqual(F.fromInt(100));
    expect(e.qualified).toBe(true);
    for (const m of e.metrics) expect(m.points).toBe(m.max);
  });
  it("partial points are proportional and exact", () => {
    const i = atThresholds(MW, "enterprise");
    setCustomers(i, MW, "enterprise", ["cpor", "dpor"], 2); // 2/5 × 20
    setCerts(i, MW, "intermediate", null, 3); // 3/4 × 10
    setCerts(i, MW, "advanced", null, 1); // 1/2 × 15
    const e = ent(i);
    expect(metric(e, "net-customer-adds").pointsExact).toEqual(F.fromInt(8));
    expect(metric(e, "intermediate-certifications").pointsExact).toEqual(F.frac(15, 2));
    expect(metric(e, "advanced-certifications").pointsText).toBe("7.5");
    expect(e.totalExact).toEqual(F.fromInt(8 + 15 / 2 + 15 / 2 + 30 + 25));
  });
  it("SMB partial: 3 of 10 net adds = 6 points; 1 of 2 intermediate = 5", () => {
    const i = atThresholds(MW, "smb");
    setCustomers(i, MW, "smb", ["cpor", "csp"], 3);
    setCerts(i, MW, "intermediate", null, 1);
    expect(metric(smb(i), "net-customer-adds").points).toBe(6);
    expect(metric(smb(i), "intermediate-certifications").points).toBe(5);
  });
  it("caps at the max", () => {
    const i = atThresholds(MW, "enterprise");
    setCustomers(i, MW, "enterprise", ["cpor", "dpor"], 12);
    setCerts(i, MW, "advanced", null, 9);
    expect(metric(ent(i), "net-customer-adds").points).toBe(20);
    expect(metric(ent(i), "advanced-certifications").points).toBe(15);
  });
  it("net adds are floored at 0 (lost more than added)", () => {
    const i = atThresholds(MW, "enterprise");
    setCustomers(i, MW, "enterprise", ["cpor", "dpor"], 3, 8);
    const m = metric(ent(i), "net-customer-adds");
    expect([m.value, m.points]).toEqual([0, 0]);
    setCustomers(i, MW, "enterprise", ["cpor", "dpor"], 13, 8);
    expect(metric(ent(i), "net-customer-adds").value).toBe(5);
  });
  it("usage options: each scored separately, the best counts (not added)", () => {
    const i = atThresholds(MW, "enterprise");
    setUsage(i, MW, "active-users", ["cpor"], 500, 0); // 15 points
    setUsage(i, MW, "active-users", ["dpor"], 14_000, 10_000); // 4,000 → 30 points
    let m = metric(ent(i), "usage-growth");
    expect(m.points).toBe(30);
    expect(m.producedBy).toMatch(/DPOR/);
    expect(m.threshold).toBe(4000);
    setUsage(i, MW, "active-users", ["dpor"], 2000, 0); // 15 points
    m = metric(ent(i), "usage-growth");
    expect(m.points).toBe(15); // not 30
    setUsage(i, MW, "active-users", ["cpor"], 600, 0); // 18 points beats DPOR's 15
    m = metric(ent(i), "usage-growth");
    expect([m.points, m.value, m.candidates.length]).toEqual([18, 600, 2]);
    expect(m.producedBy).toMatch(/CPOR/);
  });
  it("negative usage growth earns 0", () => {
    const i = atThresholds(MW, "smb");
    setUsage(i, MW, "active-users", ["cpor"], 100, 700);
    setUsage(i, MW, "active-users", ["csp"], 0, 50);
    const m = metric(smb(i), "usage-growth");
    expect(m.candidates.map((c) => F.toNumber(c.value))).toEqual([-600, -50]);
    expect(m.points).toBe(0);
    expect(m.value).toBe(-50); // the option closest to its threshold is shown
  });
  it("deployment options: 5 via CPOR or 10 via DPOR / CSP", () => {
    const i = atThresholds(MW, "smb");
    setDeployments(i, MW, ["cpor"], 2, 0); // 10 points
    setDeployments(i, MW, ["csp"], 6, 1); // 5 net → 12.5 points
    expect(metric(smb(i), "deployments").pointsExact).toEqual(F.frac(25, 2));
  });
  it("a total of exactly 70 with every metric > 0 qualifies; 69.955 (shown 70.0) does not", () => {
    const i = atThresholds(MW, "enterprise");
    setDeployments(i, MW, ["cpor"], 2); // 2/5 × 25 = 10 (−15)
    setUsage(i, MW, "active-users", ["cpor"], 500, 0); // 500/1000 × 30 = 15 (−15)
    let e = ent(i);
    expect(e.totalExact).toEqual(F.fromInt(70));
    expect(e.qualified).toBe(true);
    expect(evaluateArea(R, MW, i).status).toBe("qualified");
    setUsage(i, MW, "active-users", ["cpor"], "1000", "501.5"); // 498.5 → 14.955
    e = ent(i);
    expect(e.totalText).toBe("70.0");
    expect(e.totalExact).toEqual(F.frac(69955, 1000));
    expect(e.qualified).toBe(false);
  });
  it("a total ≥ 70 with one metric at 0 does not qualify", () => {
    const i = atThresholds(MW, "enterprise");
    setDeployments(i, MW, ["cpor"], 0);
    const e = ent(i);
    expect(e.total).toBe(75);
    expect(e.qualified).toBe(false);
    expect(evaluateArea(R, MW, i).status).toBe("in_progress");
  });
  it("both tracks are computed; a qualifying track beats a higher non-qualifying one", () => {
    const i = atThresholds(MW, "smb"); // SMB 100, qualified
    atThresholds(MW, "enterprise", i); // Enterprise 100 too (shares intermediate/advanced keys)
    setUsage(i, MW, "active-users", ["csp"], 0, 0); // SMB usage: CPOR still 500 → keep 100
    let a = evaluateArea(R, MW, i);
    expect(Object.keys(a.tracks).sort()).toEqual(["enterprise", "smb"]);
    expect(a.track).toBe("enterprise"); // tie at 100 → Enterprise
    expect(a.trackReason).toMatch(/tie/);
    setDeployments(i, MW, ["cpor"], 0); // both lose deployments via CPOR; Enterprise DPOR has 0, SMB CSP 0
    setDeployments(i, MW, ["csp"], 1); // SMB: 2.5 points → qualifies? 100−25+2.5 = 77.5
    a = evaluateArea(R, MW, i);
    expect(a.tracks.enterprise!.total).toBe(75);
    expect(a.tracks.smb!.total).toBe(77.5);
    expect(a.track).toBe("smb");
    setDeployments(i, MW, ["dpor"], 1); // Enterprise 77.5 too, qualified → tie → Enterprise
    expect(evaluateArea(R, MW, i).track).toBe("enterprise");
    setDeployments(i, MW, ["dpor"], 0);
    setCustomers(i, MW, "enterprise", ["cpor", "dpor"], 50); // Enterprise total still 75, not qualified
    setCerts(i, MW, "advanced", null, 1); // Enterprise advanced 7.5; SMB keeps 15
    setCustomers(i, MW, "smb", ["cpor", "csp"], 2); // SMB: 4 → 77.5 − 16 = 61.5 (qualifies? no, < 70)
    a = evaluateArea(R, MW, i);
    expect(a.tracks.smb!.qualified).toBe(false);
    expect(a.tracks.enterprise!.qualified).toBe(false);
    expect(a.track).toBe("enterprise"); // 67.5 vs 61.5: higher total
    setDeployments(i, MW, ["csp"], 10);
    a = evaluateArea(R, MW, i); // SMB 61.5 + 22.5 = 84 qualified vs Enterprise 67.5 not
    expect(a.track).toBe("smb");
    expect(a.trackReason).toMatch(/SMB qualifies/);
  });
  it("not started with no data; Modern Work bands are descriptive text", () => {
    expect(evaluateArea(R, MW, blank()).status).toBe("not_started");
    expect(R.areas[MW].trackBands?.enterprise).toMatch(/300/);
  });
});
