import { describe, expect, it } from "vitest";
import { AREA_SLUGS } from "../areas";
import { forecastTrainingServices, type MonthlyTsAggregates } from "./forecast";
import { TS_RULESETS, type TsRuleset } from "./ruleset";
import { AREA_MET, agg } from "./test-fixtures";

const qualifyingMonth = agg({
  completions: { threeDaysOrMore: 995 },
  vouchers: { advanced: 300 },
  surveys: { answerSum: 90, answerCount: 20, surveyCount: 4 },
  areas: { security: AREA_MET },
});

describe("roll-off forecast (SPEC §8)", () => {
  it("a record in the oldest month leaves next month", () => {
    const monthly: MonthlyTsAggregates = {
      "2025-10": agg({ completions: { threeDaysOrMore: 500 } }), // already outside the window
      "2025-11": agg({ completions: { threeDaysOrMore: 10 } }), // the window's first month
      "2026-05": qualifyingMonth,
    };
    const f = forecastTrainingServices(monthly, "2026-10-31");
    expect(f.current.window).toMatchObject({ start: "2025-11-01", end: "2026-10-31" });
    expect(f.current.evaluation.base.courseware.points).toBe(1005);
    expect(f.current.evaluation.qualified).toBe(true);

    expect(f.months.map((m) => m.dataThrough)).toEqual(["2026-11-30", "2026-12-31", "2027-01-31"]);
    const [m1, m2] = f.months;
    expect(m1.window).toMatchObject({ start: "2025-12-01", end: "2026-11-30" });
    expect(m1.leaving.month).toBe("2025-11");
    expect(m1.leaving.aggregates.completions.threeDaysOrMore).toBe(10);
    expect(m1.leaving.lost.courseware).toEqual({ halfPoints: 20, points: 10 });
    expect(m1.leaving.lost.examVouchers.points).toBe(0);
    expect(m1.evaluation.base.courseware).toMatchObject({ points: 995, status: "in_progress" });
    expect(m1.qualified).toBe(false);
    expect(m1.failing).toEqual([{ area: null, criterion: "courseware" }]);
    expect(m2.leaving.month).toBe("2025-12");
    expect(m2.leaving.lost.courseware.points).toBe(0);
    expect(m2.failing).toEqual([{ area: null, criterion: "courseware" }]);
  });

  it("stays qualified when nothing leaves; no failing criteria", () => {
    const f = forecastTrainingServices(
      { "2026-09": qualifyingMonth, "2026-03": agg({ completions: { threeDaysOrMore: 5 } }) },
      "2026-10-31",
    );
    expect(f.current.evaluation.qualified).toBe(true);
    expect(f.months.every((m) => m.qualified && m.failing.length === 0)).toBe(true);
  });

  it("averages and areas leave by sum and count", () => {
    const f = forecastTrainingServices(
      {
        "2025-11": agg({
          surveys: { answerSum: 100, answerCount: 20 },
          areas: { security: { threeDaysOrMore: 10, answerSum: 100, answerCount: 20 } },
        }),
        "2026-06": agg({
          ...{ surveys: { answerSum: 40, answerCount: 10 } },
          areas: { security: { threeDaysOrMore: 195, answerSum: 40, answerCount: 10 } },
        }),
      },
      "2026-10-31",
    );
    const now = f.current.evaluation;
    expect(now.base.averageScore.value).toBeCloseTo(140 / 30, 12);
    expect(now.areas.security.status).toBe("completed");
    const m1 = f.months[0];
    expect(m1.leaving.lost.averageScore).toEqual({ sum: 100, count: 20, valueBefore: 140 / 30, valueAfter: 4 });
    expect(m1.leaving.lost.areas.security.surveyCompletions.points).toBe(10);
    expect(m1.failing).toEqual([
      { area: null, criterion: "averageScore" },
      { area: "security", criterion: "surveyCompletions" },
      { area: "security", criterion: "averageScore" },
    ]);
  });

  it("recomputes the fundamentals cap on what remains instead of subtracting points", () => {
    const f = forecastTrainingServices(
      {
        "2025-11": agg({ completions: { fundamentals: 100 } }),
        "2026-02": agg({ completions: { fundamentals: 600, threeDaysOrMore: 700 } }),
      },
      "2026-10-31",
    );
    expect(f.current.evaluation.base.courseware.points).toBe(1000);
    const m1 = f.months[0];
    expect(m1.leaving.aggregates.completions.fundamentals).toBe(100);
    expect(m1.leaving.lost.courseware.points).toBe(0); // 50 points leave, but 600 remain at the cap
    expect(m1.evaluation.base.courseware).toMatchObject({ points: 1000, status: "completed" });
    expect(m1.failing).toEqual([]);
  });

  it("mid-month data through: the current month's data enters the next window", () => {
    const f = forecastTrainingServices(
      {
        "2026-11": agg({ completions: { threeDaysOrMore: 20 } }),
        "2025-11": agg({ completions: { threeDaysOrMore: 5 } }),
      },
      "2026-11-10",
    );
    expect(f.current.window.end).toBe("2026-10-31");
    expect(f.current.evaluation.base.courseware.points).toBe(5);
    const m1 = f.months[0];
    expect(m1.dataThrough).toBe("2026-11-30");
    expect(m1.entering.month).toBe("2026-11");
    expect(m1.leaving.month).toBe("2025-11");
    expect(m1.evaluation.base.courseware.points).toBe(20);
  });

  it("uses the ruleset in force on each forecast month", () => {
    const v2: TsRuleset = {
      ...TS_RULESETS[0],
      id: "v2",
      effectiveFrom: "2026-12-01",
      examVouchers: { ...TS_RULESETS[0].examVouchers, thresholdHalfPoints: 800 },
    };
    const f = forecastTrainingServices({ "2026-09": qualifyingMonth }, "2026-10-31", {
      rulesets: [TS_RULESETS[0], v2],
    });
    expect(f.months.map((m) => m.evaluation.rulesetId)).toEqual([TS_RULESETS[0].id, "v2", "v2"]);
    expect(f.months[1].failing).toEqual([{ area: null, criterion: "examVouchers" }]);
  });

  it("rejects bad input", () => {
    expect(() => forecastTrainingServices({ "2026-13": agg() }, "2026-10-31")).toThrow(/Invalid month key/);
    expect(() => forecastTrainingServices({ "2026-01": agg({ vouchers: { advanced: -1 } }) }, "2026-10-31")).toThrow(
      RangeError,
    );
    expect(forecastTrainingServices({}, "2026-10-31", { steps: 0 }).months).toEqual([]);
    const none = forecastTrainingServices({}, "2026-10-31");
    expect(none.months).toHaveLength(3);
    expect(
      none.months.every(
        (m) =>
          m.evaluation.status === "not_started" &&
          AREA_SLUGS.every((s) => m.evaluation.areas[s].status === "not_started"),
      ),
    ).toBe(true);
  });
});
