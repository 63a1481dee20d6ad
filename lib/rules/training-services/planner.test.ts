import { describe, expect, it } from "vitest";
import type { AreaSlug } from "../areas";
import { evaluateTrainingServices } from "./evaluate";
import { applyPlanOption, type CriterionPlan, type PlanKind, planTrainingServices } from "./planner";
import { TS_RULESETS } from "./ruleset";
import { agg } from "./test-fixtures";
import type { TsAggregates, TsEvaluation } from "./types";

const R = TS_RULESETS[0];
const AREA: AreaSlug = "security";

/** Independent of applyPlanOption: add n units of a kind by hand (5 counted questions, top 5). */
function bump(a: TsAggregates, kind: PlanKind, n: number): TsAggregates {
  const b = structuredClone(a);
  const area = b.areas[AREA];
  switch (kind) {
    case "completions.threeDaysOrMore":
      b.completions.threeDaysOrMore += n;
      break;
    case "completions.twoDaysOrLess":
      b.completions.twoDaysOrLess += n;
      break;
    case "completions.fundamentals":
      b.completions.fundamentals += n;
      break;
    case "vouchers.advanced":
      b.vouchers.advanced += n;
      break;
    case "vouchers.fundamentals":
      b.vouchers.fundamentals += n;
      break;
    case "surveys.allMax":
      b.surveys.answerSum += 25 * n;
      b.surveys.answerCount += 5 * n;
      b.surveys.surveyCount += n;
      break;
    case "area.threeDaysOrMore":
      area.threeDaysOrMore += n;
      break;
    case "area.twoDaysOrLess":
      area.twoDaysOrLess += n;
      break;
    case "area.allMax":
      area.answerSum += 25 * n;
      area.answerCount += 5 * n;
      break;
  }
  return b;
}

/** Lowest-score losses for average headroom; unit losses otherwise. */
function drop(a: TsAggregates, kind: PlanKind, n: number): TsAggregates {
  if (kind === "surveys.allMax")
    return {
      ...a,
      surveys: { ...a.surveys, answerSum: a.surveys.answerSum + 5 * n, answerCount: a.surveys.answerCount + 5 * n },
    };
  if (kind === "area.allMax") {
    const b = structuredClone(a);
    b.areas[AREA].answerSum += 5 * n;
    b.areas[AREA].answerCount += 5 * n;
    return b;
  }
  return bump(a, kind, -n);
}

type Pick = (p: ReturnType<typeof planTrainingServices>) => CriterionPlan;
const isMet = (e: TsEvaluation, p: CriterionPlan): boolean => {
  const c = p.area === null ? e.base[p.criterion as "courseware"] : e.areas[p.area][p.criterion as "surveyCompletions"];
  return "meets" in c ? (c as { meets: boolean }).meets : c.status === "completed";
};
const pointsOf = (e: TsEvaluation, p: CriterionPlan) =>
  p.area === null ? e.base[p.criterion as "courseware"].halfPoints : e.areas[p.area].surveyCompletions.halfPoints;

/** Property: each suggestion meets exactly, one unit less does not; headroom is exact. */
function checkPlan(a: TsAggregates, pick: Pick): { met: boolean } {
  const plan = pick(planTrainingServices(a, R));
  const met = isMet(evaluateTrainingServices(a, R), plan);
  expect(plan.met).toBe(met);
  expect(plan.sentence.length).toBeGreaterThan(10);
  if (!met) {
    expect(plan.options.length).toBeGreaterThan(0);
    for (const o of plan.options) {
      const withN = evaluateTrainingServices(bump(a, o.kind, o.count), R);
      if (o.meets) {
        expect(isMet(withN, plan), `${o.kind} +${o.count}`).toBe(true);
        if (o.count > 0) expect(isMet(evaluateTrainingServices(bump(a, o.kind, o.count - 1), R), plan)).toBe(false);
        expect(applyPlanOption(a, R, o.kind, o.count, plan.area)).toEqual(bump(a, o.kind, o.count));
      } else {
        // capped: count fills the cap; it does not meet, and one more adds nothing
        expect(isMet(withN, plan)).toBe(false);
        const more = evaluateTrainingServices(bump(a, o.kind, o.count + 1), R);
        expect(pointsOf(more, plan)).toBe(pointsOf(withN, plan));
      }
    }
  } else {
    for (const l of plan.headroom!.losses) {
      expect(l.count).not.toBeNull();
      expect(isMet(evaluateTrainingServices(drop(a, l.kind, l.count!), R), plan)).toBe(true);
      const canLoseMore = l.kind.endsWith("allMax") || l.count! < countOf(a, l.kind);
      if (canLoseMore) expect(isMet(evaluateTrainingServices(drop(a, l.kind, l.count! + 1), R), plan)).toBe(false);
    }
  }
  return { met };
}
const countOf = (a: TsAggregates, kind: PlanKind): number => {
  const [g, k] = kind.split(".");
  if (g === "area") return a.areas[AREA][k as "twoDaysOrLess"];
  return (a as unknown as Record<string, Record<string, number>>)[g][k];
};

describe("gap planner (SPEC §8)", () => {
  it("courseware: exact for many starting points, capped or not", () => {
    let unmet = 0;
    for (const f of [0, 1, 300, 598, 599, 600, 601, 900])
      for (const two of [0, 1, 7, 500, 1401])
        for (const three of [0, 1, 3, 299, 563, 700, 999, 1000])
          if (
            !checkPlan(
              agg({ completions: { fundamentals: f, twoDaysOrLess: two, threeDaysOrMore: three } }),
              (p) => p.base.courseware,
            ).met
          )
            unmet++;
    expect(unmet).toBeGreaterThan(100);
  });

  it("courseware sentence when the fundamentals cap is reached", () => {
    const p = planTrainingServices(agg({ completions: { fundamentals: 600, threeDaysOrMore: 563 } }), R).base
      .courseware;
    expect(p.options).toEqual([
      { kind: "completions.threeDaysOrMore", count: 137, meets: true },
      { kind: "completions.twoDaysOrLess", count: 274, meets: true },
      { kind: "completions.fundamentals", count: 0, meets: false, capPoints: 300 },
    ]);
    expect(p.sentence).toBe(
      "Courseware completions (863 of 1,000 points): 137 more three-day completions — or 274 two-day completions; " +
        "fundamentals completions no longer count, the 300-point cap is reached.",
    );
  });

  it("courseware sentence when fundamentals can still help", () => {
    const fits = planTrainingServices(agg({ completions: { threeDaysOrMore: 863 } }), R).base.courseware;
    expect(fits.sentence).toContain("137 more three-day completions — or 274 two-day or fundamentals completions.");
    const partly = planTrainingServices(agg({ completions: { fundamentals: 560, threeDaysOrMore: 600 } }), R).base
      .courseware;
    expect(partly.options.find((o) => o.kind === "completions.fundamentals")).toEqual({
      kind: "completions.fundamentals",
      count: 40,
      meets: false,
      capPoints: 300,
    });
    expect(partly.sentence).toContain("fundamentals completions count for only 40 more, up to the 300-point cap");
  });

  it("exam units: exact for many starting points", () => {
    for (const f of [0, 1, 2, 199, 399, 400, 401])
      for (const adv of [0, 1, 99, 199, 200, 250])
        checkPlan(agg({ vouchers: { fundamentals: f, advanced: adv } }), (p) => p.base.examVouchers);
    expect(
      planTrainingServices(agg({ vouchers: { advanced: 199, fundamentals: 1 } }), R).base.examVouchers.sentence,
    ).toContain("(199.5 of 200 points): 1 more advanced or fundamentals exam voucher.");
  });

  it("average: the minimum number of surveys answering 5 on every counted question", () => {
    for (let count = 0; count <= 40; count++)
      for (let sum = count; sum <= 5 * count; sum++)
        checkPlan(agg({ surveys: { answerSum: sum, answerCount: count } }), (p) => p.base.averageScore);
    const p = planTrainingServices(agg({ surveys: { answerSum: 300, answerCount: 100 } }), R).base.averageScore;
    expect(p.options).toEqual([{ kind: "surveys.allMax", count: 34, meets: true }]);
    expect(p.sentence).toContain("needs 34 more surveys answering 5 on every counted question");
    const none = planTrainingServices(agg(), R).base.averageScore;
    expect(none.options[0].count).toBe(1);
    const close = planTrainingServices(agg({ surveys: { answerSum: 42499, answerCount: 10000 } }), R).base.averageScore;
    expect(close.options[0].count).toBe(1);
    expect(close.sentence).toContain("just under 4.25");
  });

  it("average headroom counts surveys answering 1 everywhere", () => {
    const p = planTrainingServices(agg({ surveys: { answerSum: 450, answerCount: 100 } }), R).base.averageScore;
    expect(p.met).toBe(true);
    expect(p.headroom!.losses).toEqual([{ kind: "surveys.allMax", count: 1 }]); // (1800−1700)/65
  });

  it("area survey completions within the 100-point two-day cap", () => {
    for (const two of [0, 1, 150, 199, 200, 201, 400])
      for (const three of [0, 1, 99, 100, 101, 199, 200, 300])
        checkPlan(
          agg({ areas: { [AREA]: { twoDaysOrLess: two, threeDaysOrMore: three } } }),
          (p) => p.areas[AREA].surveyCompletions,
        );
    const p = planTrainingServices(agg({ areas: { [AREA]: { twoDaysOrLess: 200, threeDaysOrMore: 50 } } }), R).areas[
      AREA
    ].surveyCompletions;
    expect(p.options[0]).toEqual({ kind: "area.threeDaysOrMore", count: 50, meets: true });
    expect(p.sentence).toContain("Security — survey completions");
    expect(p.sentence).toContain("the 100-point cap is reached");
  });

  it("area average", () => {
    for (let count = 0; count <= 40; count++)
      for (let sum = count; sum <= 5 * count; sum += 3)
        checkPlan(
          agg({ areas: { [AREA]: { answerSum: sum, answerCount: count } } }),
          (p) => p.areas[AREA].averageScore,
        );
  });

  it("points headroom", () => {
    const p = planTrainingServices(agg({ completions: { threeDaysOrMore: 1010, fundamentals: 700 } }), R).base
      .courseware;
    expect(p.headroom).toMatchObject({ points: 310 });
    expect(p.headroom!.losses).toEqual([
      { kind: "completions.threeDaysOrMore", count: 310 },
      { kind: "completions.fundamentals", count: 700 }, // losing them all costs only 300 capped points
    ]);
    expect(p.sentence).toBe(
      "Courseware completions: met, 310 points above the 1,000-point threshold; it stays met if up to " +
        "310 three-day completions, or 700 fundamentals completions leave the window.",
    );
    const exact = planTrainingServices(agg({ completions: { threeDaysOrMore: 1000 } }), R).base.courseware;
    expect(exact.sentence).toBe(
      "Courseware completions: met exactly at the 1,000-point threshold; any loss would fail it.",
    );
  });

  it("suggestions list only the criteria not met", () => {
    const plan = planTrainingServices(agg({ completions: { threeDaysOrMore: 1000 } }), R);
    expect(plan.suggestions.map((s) => `${s.area ?? "base"}.${s.criterion}`)).toEqual([
      "base.examVouchers",
      "base.averageScore",
      ...[
        "data-ai",
        "infrastructure",
        "digital-app-innovation",
        "business-applications",
        "modern-work",
        "security",
      ].flatMap((s) => [`${s}.surveyCompletions`, `${s}.averageScore`]),
    ]);
  });
});
