import { describe, expect, it } from "vitest";
import { evaluateTrainingServices } from "./evaluate";
import { rulesetFor, TS_RULESETS, type TsRuleset, validateRuleset } from "./ruleset";
import { agg } from "./test-fixtures";

const current = TS_RULESETS[0];

describe("Training Services rulesets (SPEC §3.2, §3.3)", () => {
  it("seeds the current rules in half-points", () => {
    expect(current.effectiveFrom).toBe("2025-08-01");
    expect(current.courseware.weights).toEqual({ fundamentals: 1, twoDaysOrLess: 1, threeDaysOrMore: 2 });
    expect(current.courseware.fundamentalsCapHalfPoints).toBe(600);
    expect(current.courseware.thresholdHalfPoints).toBe(2000);
    expect(current.examVouchers.weights).toEqual({ fundamentals: 1, advanced: 2 });
    expect(current.examVouchers.thresholdHalfPoints).toBe(400);
    expect(current.averageScore.threshold).toEqual({ num: 17, den: 4 });
    expect(current.averageScore.countedQuestions).toEqual(["q1", "q2", "q3", "q4", "q5"]);
    expect(current.areaSurveyCompletions.twoDaysOrLessCapHalfPoints).toBe(200);
    expect(current.areaSurveyCompletions.thresholdHalfPoints).toBe(400);
    expect(current.areaAverageScore.threshold).toEqual({ num: 17, den: 4 });
  });

  it("every ruleset is well-formed", () => {
    for (const r of TS_RULESETS) expect(validateRuleset(r)).toEqual([]);
    expect(
      validateRuleset({ ...current, examVouchers: { ...current.examVouchers, thresholdHalfPoints: 0.5 } }),
    ).toHaveLength(1);
  });

  it("chooses the ruleset in force on data_through", () => {
    expect(rulesetFor("2025-08-01").id).toBe(current.id);
    expect(rulesetFor("2026-10-31").id).toBe(current.id);
    // Before the earliest ruleset: evaluated with it (imports refuse such data; older rows must not throw).
    expect(rulesetFor("2025-07-31").id).toBe(current.id);
    expect(rulesetFor("1999-01-31").id).toBe(current.id);
    expect(() => rulesetFor("2025-07-31", [])).toThrow(/No Training Services ruleset is defined/);
    expect(() => rulesetFor("2026-02-30")).toThrow(RangeError);
  });

  it("a later version is data only", () => {
    const v2: TsRuleset = {
      ...current,
      id: "v2",
      effectiveFrom: "2027-01-01",
      courseware: { ...current.courseware, thresholdHalfPoints: 2400 },
    };
    const all = [current, v2];
    expect(rulesetFor("2026-12-31", all).id).toBe(current.id);
    expect(rulesetFor("2027-01-01", all).id).toBe("v2");
    expect(rulesetFor("2027-01-01", [v2, current]).id).toBe("v2"); // order does not matter
    const a = agg({ completions: { threeDaysOrMore: 1000 } });
    expect(evaluateTrainingServices(a, current).base.courseware.status).toBe("completed");
    const ev2 = evaluateTrainingServices(a, v2).base.courseware;
    expect(ev2.status).toBe("in_progress");
    expect(ev2.threshold).toBe(1200);
  });
});
