import { describe, expect, it } from "vitest";
import { compactPlanText } from "./plan-compact";
import { planTrainingServices } from "./planner";
import { TS_RULESETS, type TsRuleset } from "./ruleset";
import { aggregatesFromText, fieldsText, parseCount, simulateTrainingServices, TS_FIELDS } from "./simulate";
import { AREA_MET, agg, BASE_MET } from "./test-fixtures";
import { allTrendSeries, criterionLabel, trendMonthsNeeded, trendSeries, trendTrainingServices } from "./trend";

const R = TS_RULESETS[0];

describe("trend (SPEC §8): the point for month m is the window ending with m", () => {
  it("needs 24 months for 13 points", () => {
    expect(trendMonthsNeeded("2026-10")).toEqual({ first: "2024-11", last: "2026-10" });
  });

  it("a month enters 12 windows and leaves on the 13th", () => {
    const monthly = { "2025-10": agg({ completions: { threeDaysOrMore: 1000 } }) };
    const trend = trendTrainingServices(monthly, "2026-10");
    expect(trend.map((t) => t.month)).toEqual([
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
    ]);
    const s = trendSeries(trend, { area: null, criterion: "courseware" });
    expect(s.kind).toBe("points");
    // Windows ending 2025-10 … 2026-09 contain 2025-10; the one ending 2026-10 starts 2025-11.
    expect(s.points.slice(0, 12).every((p) => p.value === 1000 && p.met && p.threshold === 1000)).toBe(true);
    expect(s.points[12]).toEqual({ month: "2026-10", value: 0, threshold: 1000, status: "not_started", met: false });
  });

  it("months outside every window (before the first, after the last) never count", () => {
    const trend = trendTrainingServices(
      { "2024-10": agg({ vouchers: { advanced: 5 } }), "2026-11": agg({ vouchers: { advanced: 5 } }) },
      "2026-10",
    );
    expect(trendSeries(trend, { area: null, criterion: "examVouchers" }).points.every((p) => p.value === 0)).toBe(true);
  });

  it("averages per window from sums and counts; exactly 4.25 is met", () => {
    const monthly = {
      "2026-01": agg({
        surveys: { answerSum: 85, answerCount: 20 },
        areas: { security: { threeDaysOrMore: 200, answerSum: 85, answerCount: 20 } },
      }),
      "2026-02": agg({ surveys: { answerSum: 4, answerCount: 1 } }),
    };
    const trend = trendTrainingServices(monthly, "2026-02", { count: 3 });
    const base = trendSeries(trend, { area: null, criterion: "averageScore" });
    expect(base.kind).toBe("average");
    expect(base.points.map((p) => p.value)).toEqual([null, 4.25, 89 / 21]);
    expect(base.points.map((p) => p.met)).toEqual([false, true, false]);
    const sec = trendSeries(trend, { area: "security", criterion: "surveyCompletions" });
    expect(sec.points.map((p) => p.value)).toEqual([0, 200, 200]);
    expect(sec.label).toBe("Security — survey completions");
  });

  it("uses the ruleset in force at each month's end (and the earliest before any)", () => {
    const v2: TsRuleset = {
      ...R,
      id: "v2",
      effectiveFrom: "2026-09-01",
      examVouchers: { ...R.examVouchers, thresholdHalfPoints: 800 },
    };
    const trend = trendTrainingServices({}, "2026-10", { count: 3, rulesets: [R, v2] });
    expect(trend.map((t) => t.evaluation.rulesetId)).toEqual([R.id, "v2", "v2"]);
    expect(trendTrainingServices({}, "2025-06", { count: 1 })[0].evaluation.rulesetId).toBe(R.id);
    expect(() => trendTrainingServices({}, "2026-10", { count: 0 })).toThrow(RangeError);
  });

  it("lists all 15 criteria with labels", () => {
    const series = allTrendSeries(trendTrainingServices({}, "2026-10"));
    expect(series).toHaveLength(15);
    expect(series[0].label).toBe("Courseware completions");
    expect(criterionLabel({ area: "data-ai", criterion: "averageScore" })).toBe(
      "Data & AI (Azure) — average response score",
    );
  });
});

describe("compact plan lines (SPEC §8)", () => {
  const line = (input: Parameters<typeof agg>[0]) => planTrainingServices(agg(input), R);
  it("one half-point short: one completion of any half-point kind", () => {
    const p = line({ completions: { threeDaysOrMore: 999, twoDaysOrLess: 1 } });
    expect(compactPlanText(p.base.courseware)).toBe("Needs 1 more three-day or two-day or fundamentals completion");
  });
  it("headroom and exact thresholds", () => {
    const p = line({
      completions: { threeDaysOrMore: 1012, twoDaysOrLess: 1 },
      vouchers: { advanced: 200 },
      surveys: { answerSum: 17, answerCount: 4 },
    });
    expect(compactPlanText(p.base.courseware)).toBe("12.5 points to spare");
    expect(compactPlanText(p.base.examVouchers)).toBe("Met exactly: any loss would fail it");
    expect(compactPlanText(p.base.averageScore)).toBe("Met exactly: one low survey would fail it");
  });
  it("averages: surveys with the top answer; an all-5 average absorbs a few lowest scores", () => {
    const p = line({
      surveys: { answerSum: 84, answerCount: 20 },
      areas: { security: { answerSum: 500, answerCount: 100 } },
    });
    expect(compactPlanText(p.base.averageScore)).toBe(
      "Needs 1 more survey with the top answer on every counted question",
    );
    expect(compactPlanText(p.areas.security.averageScore)).toBe("Stays met with up to 4 more lowest-score surveys");
    expect(compactPlanText(p.areas["modern-work"].averageScore)).toBe(
      "Needs 1 more survey with the top answer on every counted question",
    );
  });
  it("a capped kind alone at the cap", () => {
    const p = line({ areas: { security: { twoDaysOrLess: 200 } } });
    expect(compactPlanText(p.areas.security.surveyCompletions)).toBe("Needs 100 more three-day course surveys");
  });
});

describe("what-if simulation (SPEC §8)", () => {
  it("re-evaluates edited figures and flips statuses", () => {
    const real = agg({ ...BASE_MET, completions: { threeDaysOrMore: 999 }, areas: { security: AREA_MET } });
    const before = simulateTrainingServices(real, R);
    expect(before.ok && before.evaluation.qualified).toBe(false);
    const edited = structuredClone(real);
    edited.completions.threeDaysOrMore = 1000;
    const after = simulateTrainingServices(edited, R);
    expect(after.ok && after.evaluation.qualified).toBe(true);
    expect(after.ok && after.evaluation.badges).toEqual(["security"]);
  });
  it("explains impossible figures instead of throwing", () => {
    const r = simulateTrainingServices(agg({ surveys: { answerSum: 30, answerCount: 5 } }), R);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/impossible/);
    expect(simulateTrainingServices(agg({ vouchers: { advanced: -1 } }), R).ok).toBe(false);
  });
  it("every figure round-trips through the form; labels are unique", () => {
    const real = agg({
      ...BASE_MET,
      completions: { fundamentals: 7 },
      areas: { security: AREA_MET, "data-ai": { twoDaysOrLess: 3 } },
    });
    expect(aggregatesFromText(fieldsText(real))).toEqual({ aggregates: real, invalid: [] });
    expect(TS_FIELDS).toHaveLength(8 + 6 * 4);
    expect(new Set(TS_FIELDS.map((f) => f.label)).size).toBe(TS_FIELDS.length);
    const text = { ...fieldsText(real), "vouchers.advanced": "2.5", "areas.security.answerSum": "x" };
    expect(aggregatesFromText(text).invalid).toEqual(["vouchers.advanced", "areas.security.answerSum"]);
  });
  it("parses counts", () => {
    expect(parseCount(" 12 ")).toBe(12);
    expect(parseCount("")).toBe(0);
    expect(parseCount("1.5")).toBeNull();
    expect(parseCount("-1")).toBeNull();
    expect(parseCount("99999999999999999999")).toBeNull();
  });
});
