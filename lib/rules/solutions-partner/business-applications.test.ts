// SPEC §4.2 / §4.3 Business Applications: assigned track (≥ 5 enterprise customers, operator wins),
// pooled associations, percentage usage growth with an entry baseline.
import { describe, expect, it } from "vitest";
import * as F from "../fraction";
import { assignTrack, evaluateArea, evaluateSolutionsPartner, evaluateTrack } from "./evaluate";
import { atThresholds, blank, metric, R, setCerts, setCustomers, setMix, setUsage } from "./test-helpers";
import type { Association } from "./types";

const BA = "business-applications" as const;
const POOL: Association[] = ["cpor", "dpor", "csp", "pal"];
/** SPEC §4.3 corrections: net customer adds count CPOR, CSP and DPOR only. */
const NET_ADDS_POOL: Association[] = ["cpor", "dpor", "csp"];
const usage = (t: "enterprise" | "smb", current: number | string, earlier: number | string) =>
  metric(
    evaluateTrack(R, BA, t, setUsage(atThresholds(BA, t), BA, "consumption-value", POOL, current, earlier)),
    "usage-growth",
  );

describe("Business Applications", () => {
  it.each(["enterprise", "smb"] as const)("%s: thresholds exactly → 100", (t) => {
    const a = evaluateArea(R, BA, atThresholds(BA, t));
    expect(a.track).toBe(t);
    expect(a.totalExact).toEqual(F.fromInt(100));
    expect(a.qualified).toBe(true);
    expect(Object.keys(a.tracks)).toEqual([t]); // only the assigned track is computed
  });
  it("Enterprise with ≥ 5 enterprise-segment customers at the end of last month, else SMB", () => {
    expect(assignTrack(R, BA, setMix(blank(), BA, 20, 5))).toMatchObject({ track: "enterprise", source: "computed" });
    const smb = assignTrack(R, BA, setMix(blank(), BA, 20, 4))!;
    expect(smb.track).toBe("smb");
    expect(smb.reason).toBe(
      "SMB: 4 of 24 customers eligible at the end of last month are in the enterprise segment; fewer than 5, so SMB.",
    );
  });
  it("an operator-recorded track overrides the computed one", () => {
    const i = atThresholds(BA, "enterprise"); // computed: Enterprise
    const a = evaluateArea(R, BA, i, "smb");
    expect(a.track).toBe("smb");
    expect(a.assignment).toMatchObject({ source: "operator" });
    expect(a.trackReason).toMatch(/set by operator/);
    const all = evaluateSolutionsPartner({
      ruleset: R,
      inputs: i,
      recordedTracks: { [BA]: "smb", "modern-work": "smb" },
    });
    expect(all.areas[BA].track).toBe("smb");
    expect(Object.keys(all.areas["modern-work"].tracks)).toEqual(["enterprise", "smb"]); // best-of ignores it
  });
  it("net adds count the assigned segment's customers, pooled", () => {
    const i = atThresholds(BA, "smb");
    setCustomers(i, BA, "enterprise", NET_ADDS_POOL, 50); // not the assigned segment
    setCustomers(i, BA, "smb", NET_ADDS_POOL, 2);
    expect(metric(evaluateArea(R, BA, i).tracks.smb, "net-customer-adds").points).toBe(6);
  });
  it("certifications: partial and capped", () => {
    const i = atThresholds(BA, "enterprise");
    setCerts(i, BA, "intermediate", null, 7); // 7/20 × 20
    setCerts(i, BA, "advanced", null, 8); // cap 15
    const e = evaluateTrack(R, BA, "enterprise", i);
    expect(metric(e, "intermediate-certifications").points).toBe(7);
    expect(metric(e, "advanced-certifications").points).toBe(15);
  });
  it("usage growth is a percentage: 30% earns 30; 15% earns 15; more is capped", () => {
    expect(usage("enterprise", 65_000, 50_000).points).toBe(30);
    expect(usage("enterprise", 65_000, 50_000).value).toBe(30);
    expect(usage("smb", 28_750, 25_000).points).toBe(15);
    expect(usage("smb", 100_000, 25_000).points).toBe(30);
    expect(usage("enterprise", "60000.50", 50_000).pointsExact).toEqual(F.frac(1000050, 50000));
  });
  it("below the entry baseline (50,000 Enterprise / 25,000 SMB) or from zero, growth is 0%", () => {
    const below = usage("enterprise", 100_000, "49999.99");
    expect([below.value, below.points]).toEqual([0, 0]);
    expect(below.note).toMatch(/below the entry baseline of 50,000/);
    expect(usage("smb", 100_000, 24_999).points).toBe(0);
    expect(usage("smb", 100_000, 25_000).points).toBe(30);
    expect(usage("enterprise", 40_000, 30_000).points).toBe(0); // fine for SMB, not Enterprise
    expect(usage("smb", 40_000, 30_000).value).toBeCloseTo(33.333, 3);
    const zero = usage("smb", 100_000, 0);
    expect([zero.value, zero.points]).toEqual([0, 0]);
    expect(zero.note).toMatch(/no usage a year earlier/);
  });
  it("negative growth earns 0", () => {
    const m = usage("smb", 20_000, 40_000);
    expect(m.value).toBe(-50);
    expect(m.points).toBe(0);
  });
});
