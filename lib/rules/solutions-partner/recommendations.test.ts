// SPEC §4.6 / §8 — recommendations, each verified by re-evaluation: the change fixes its reason
// and one unit less does not.
import { describe, expect, it } from "vitest";
import { AREA_SLUGS, type AreaSlug } from "../areas";
import * as F from "../fraction";
import { evaluateTrack } from "./evaluate";
import { type InputValues, zeroInputs } from "./inputs";
import { type Adjustment, applyAdjustments, type Change, type Recommendation, recommend } from "./recommendations";
import { atThresholds, blank, R, setCerts, setCustomers, setDeployments, setMix, setUsage } from "./test-helpers";
import { TRACKS, type Track } from "./types";

function fixes(rec: Recommendation, area: AreaSlug, track: Track, i: InputValues): boolean {
  const e = evaluateTrack(R, area, track, i);
  if (rec.reason === "below-pass-mark") return F.gte(e.totalExact, F.fromInt(R.passMark));
  return F.gt(e.metrics.find((m) => m.id === rec.metric)!.pointsExact, F.ZERO);
}
function oneLess(c: Change): Adjustment[][] {
  if (c.adjustments.every((a) => a.by === c.amount)) return [c.adjustments.map((a) => ({ ...a, by: a.by - 1 }))];
  return c.adjustments.map((_, k) => c.adjustments.map((a, j) => (j === k ? { ...a, by: a.by - 1 } : a)));
}
function verify(recs: Recommendation[], area: AreaSlug, track: Track, i: InputValues) {
  for (const rec of recs) {
    expect(fixes(rec, area, track, i), `${area}/${track} ${rec.reason} is a real reason`).toBe(false);
    for (const alt of rec.alternatives) {
      const all = alt.changes.flatMap((c) => c.adjustments);
      expect(fixes(rec, area, track, applyAdjustments(i, all)), `${area}/${track}: ${alt.text}`).toBe(true);
      const before = alt.changes.slice(0, -1).flatMap((c) => c.adjustments);
      for (const less of oneLess(alt.changes.at(-1)!))
        expect(fixes(rec, area, track, applyAdjustments(i, [...before, ...less])), `one less than: ${alt.text}`).toBe(
          false,
        );
    }
  }
}

describe("recommend", () => {
  it("nothing to recommend when the track qualifies", () => {
    expect(recommend(R, "modern-work", "enterprise", atThresholds("modern-work", "enterprise"))).toEqual([]);
  });
  it("a metric at 0: the smallest change in its own units", () => {
    const i = setCerts(atThresholds("modern-work", "enterprise"), "modern-work", "advanced", null, 0);
    const recs = recommend(R, "modern-work", "enterprise", i);
    expect(recs).toHaveLength(1); // total 85: only the zero metric
    expect(recs[0]).toMatchObject({ reason: "metric-at-zero", metric: "advanced-certifications" });
    expect(recs[0].alternatives[0].text).toBe(
      "1 more person with an advanced Modern Work certification (MS-102 (counts until 2027-11-30))",
    );
    verify(recs, "modern-work", "enterprise", i);
  });
  it("below 70: by how much, and the smallest single-metric changes", () => {
    const i = atThresholds("modern-work", "smb");
    setCustomers(i, "modern-work", "smb", ["cpor", "csp"], 1); // 2 of 20
    setDeployments(i, "modern-work", ["cpor"], 1); // 5 of 25 → total 62
    const recs = recommend(R, "modern-work", "smb", i);
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({
      reason: "below-pass-mark",
      gap: 8,
      gapText: "8.0",
      text: "Total 62.0 is 8.0 points below 70.",
    });
    const texts = recs[0].alternatives.map((a) => a.text);
    expect(texts).toContain("4 more net customers on the SMB track (CPOR, CSP pooled)");
    expect(texts).toContain("2 more customers (tenants) with a new qualifying deployment (via CPOR)");
    expect(texts).toContain("6 more customers (tenants) with a new qualifying deployment (via CSP)");
    verify(recs, "modern-work", "smb", i);
  });
  it("step models: gates first, then electives; verified minimal by brute force", () => {
    const i = setCerts(
      setCerts(
        setCerts(atThresholds("security", "enterprise"), "security", "intermediate", "step1", 1),
        "security",
        "intermediate",
        "step2",
        0,
      ),
      "security",
      "intermediate",
      "step3",
      0,
    );
    const recs = recommend(R, "security", "enterprise", i); // total 60, skilling at 0
    expect(recs.map((r) => r.reason)).toEqual(["below-pass-mark", "metric-at-zero"]);
    expect(recs[0].alternatives.map((a) => a.text)).toEqual([
      "1 more person holding AZ-500 or SC-500 (step 1), then 2 more people holding SC-200 (step 2), then 2 more people holding SC-100, SC-300 or SC-401 (step 3)",
    ]);
    expect(recs[1].alternatives[0].changes[0].amount).toBe(4);
    verify(recs, "security", "enterprise", i);
    // brute force: no plan with fewer people reaches 70
    for (let a = 0; a <= 4; a++)
      for (let b = 0; b <= 4; b++)
        for (let c = 0; c <= 4; c++) {
          if (a + b + c >= 5) continue;
          const j = applyAdjustments(i, [
            { key: "certifications:security:intermediate:step1", field: "persons", by: a },
            { key: "certifications:security:intermediate:step2", field: "persons", by: b },
            { key: "certifications:security:intermediate:step3", field: "persons", by: c },
          ]);
          expect(F.gte(evaluateTrack(R, "security", "enterprise", j).totalExact, F.fromInt(70))).toBe(false);
        }
  });
  it("SMB required steps: one person in a step is the smallest fix for a zero", () => {
    const i = atThresholds("data-ai", "smb");
    for (const s of ["step1", "step2", "elective"] as const) setCerts(i, "data-ai", "intermediate", s, 0);
    const recs = recommend(R, "data-ai", "smb", i);
    const zero = recs.find((r) => r.reason === "metric-at-zero")!;
    expect(zero.alternatives[0].text).toBe("1 more person holding AZ-104 (step 1, Azure Administrator)");
    verify(recs, "data-ai", "smb", i);
  });
  it("usage below the entry baseline cannot be fixed this window: said, not suggested", () => {
    const i = setUsage(
      atThresholds("business-applications", "enterprise"),
      "business-applications",
      "consumption-value",
      ["cpor", "dpor", "csp", "pal"],
      90_000,
      40_000,
    );
    const recs = recommend(R, "business-applications", "enterprise", i);
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ reason: "metric-at-zero", metric: "usage-growth", alternatives: [] });
    expect(recs[0].blocked[0]).toMatch(/below the entry baseline of 50,000/);
  });
  it("percentage usage: the smallest USD increase, raising the 12-month total with it", () => {
    const i = setUsage(
      atThresholds("infrastructure", "enterprise"),
      "infrastructure",
      "azure-consumption-usd",
      ["dpor", "csp", "pal"],
      100,
      100,
      900,
    );
    const recs = recommend(R, "infrastructure", "enterprise", i);
    const zero = recs.find((r) => r.reason === "metric-at-zero")!;
    expect(zero.alternatives[0].text).toBe("100 more USD of Azure consumption last month (DPOR, CSP, PAL pooled)"); // total reaches 1,000
    verify(recs, "infrastructure", "enterprise", i);
  });
  it("decimal-string usage sums are adjusted exactly", () => {
    const pool = ["cpor", "dpor", "csp", "pal"] as const;
    const i = setUsage(
      atThresholds("business-applications", "smb"),
      "business-applications",
      "consumption-value",
      [...pool],
      "30000.25",
      "25000.10",
    );
    setDeployments(i, "business-applications", [...pool], 1); // 4 of 20
    setCerts(i, "business-applications", "intermediate", null, 3); // 12 of 20 → total 66.0005…
    const recs = recommend(R, "business-applications", "smb", i);
    expect(recs.map((r) => r.reason)).toEqual(["below-pass-mark"]);
    const usageFix = recs[0].alternatives.find((a) => a.changes[0].metric === "usage-growth")!;
    // growth must reach 23.9995% of 25,000.10 = 5,999.90…, i.e. 999.75… more than 5,000.15
    expect(usageFix.text).toBe("1,000 more in monthly consumption value last month (CPOR, DPOR, CSP, PAL pooled)");
    verify(recs, "business-applications", "smb", i);
  });
  it("no single metric closes a big gap: a combined plan, still minimal in its last step", () => {
    const i = setMix(blank(), "digital-app-innovation", 0, 3);
    const recs = recommend(R, "digital-app-innovation", "enterprise", i);
    const below = recs.find((r) => r.reason === "below-pass-mark")!;
    expect(below.alternatives).toHaveLength(1);
    expect(below.alternatives[0].changes.length).toBeGreaterThan(1);
    expect(below.alternatives[0].qualifiedAfter).toBe(false); // fixes the total, not every zero
    expect(below.alternatives[0].totalAfter).toBeGreaterThanOrEqual(70);
    verify(recs, "digital-app-innovation", "enterprise", i);
  });
  it("property: every alternative for random inputs, every area and track, is verified", () => {
    let seed = 20260131;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % (n + 1);
    };
    let checked = 0;
    for (let round = 0; round < 12; round++) {
      const i = zeroInputs(R);
      for (const [key, v] of Object.entries(i)) {
        if ("atEnd" in v) i[key] = { atEnd: rnd(12), atStart: rnd(4) };
        else if ("persons" in v) i[key] = { persons: rnd(key.includes("step") ? 3 : 8) };
        else if ("services" in v) i[key] = { services: rnd(6) };
        else if ("current" in v) {
          const big = key.includes("consumption-value") ? 1000 : 1;
          const current = rnd(3000) * big;
          i[key] = {
            current,
            yearEarlier: rnd(2000) * big + (rnd(1) ? 0 : 25_000 * (big > 1 ? 1 : 0)),
            windowTotal: current + rnd(1500),
          };
        }
      }
      for (const area of AREA_SLUGS)
        for (const track of TRACKS) {
          const recs = recommend(R, area, track, i);
          verify(recs, area, track, i);
          checked += recs.reduce((s, r) => s + r.alternatives.length, 0);
        }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
