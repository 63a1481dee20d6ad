import { describe, expect, it } from "vitest";
import { AREA_SLUGS } from "../areas";
import { countedAnswers } from "./aggregates";
import {
  emptyAggregates,
  evaluateTrainingServices,
  formatAverage,
  formatAverageExact,
  formatPoints,
  groupStatus,
  STATUS_LABELS,
} from "./evaluate";
import { TS_RULESETS } from "./ruleset";
import { AREA_MET, agg, BASE_MET } from "./test-fixtures";

const R = TS_RULESETS[0];
const ev = (input: Parameters<typeof agg>[0]) => evaluateTrainingServices(agg(input), R);

describe("courseware completions (SPEC §3.2)", () => {
  it("exactly 1000 points is met; 999.5 is not", () => {
    const at = ev({ completions: { threeDaysOrMore: 999, twoDaysOrLess: 2 } }).base.courseware;
    expect(at).toMatchObject({ points: 1000, halfPoints: 2000, threshold: 1000, status: "completed" });
    const below = ev({ completions: { threeDaysOrMore: 999, twoDaysOrLess: 1 } }).base.courseware;
    expect(below).toMatchObject({ points: 999.5, status: "in_progress" });
  });
  it("2,000 halves add up to exactly 1000", () => {
    const c = ev({ completions: { twoDaysOrLess: 2000 } }).base.courseware;
    expect(c.points).toBe(1000);
    expect(c.status).toBe("completed");
    expect(ev({ completions: { twoDaysOrLess: 3 } }).base.courseware.points).toBe(1.5);
  });
  it.each([
    [599, 299.5, 999.5, "in_progress", false],
    [600, 300, 1000, "completed", true],
    [601, 300, 1000, "completed", true],
  ] as const)("fundamentals cap with %i fundamentals completions", (n, fundPoints, total, status, reached) => {
    const c = ev({ completions: { fundamentals: n, threeDaysOrMore: 700 } }).base.courseware;
    expect(c.parts.fundamentals.points).toBe(fundPoints);
    expect(c.points).toBe(total);
    expect(c.status).toBe(status);
    expect(c.cappedAt).toMatchObject({ category: "fundamentals", capPoints: 300, uncappedHalfPoints: n, reached });
  });
  it("fundamentals alone never reach 1000", () => {
    expect(ev({ completions: { fundamentals: 5000 } }).base.courseware).toMatchObject({
      points: 300,
      status: "in_progress",
    });
  });
});

describe("exam units (SPEC §3.2)", () => {
  it("200 points met, 199.5 not", () => {
    expect(ev({ vouchers: { advanced: 199, fundamentals: 2 } }).base.examVouchers).toMatchObject({
      points: 200,
      status: "completed",
      cappedAt: null,
    });
    expect(ev({ vouchers: { advanced: 199, fundamentals: 1 } }).base.examVouchers).toMatchObject({
      points: 199.5,
      status: "in_progress",
    });
    expect(ev({ vouchers: { fundamentals: 400 } }).base.examVouchers.status).toBe("completed");
  });
});

describe("average response score (SPEC §3.2)", () => {
  it("exactly 4.25 is met", () => {
    const a = ev({ surveys: { answerSum: 85, answerCount: 20, surveyCount: 4 } }).base.averageScore;
    expect(a).toMatchObject({ value: 4.25, threshold: 4.25, sum: 85, count: 20, meets: true, status: "completed" });
  });
  it("just below 4.25 is not met (exact comparison)", () => {
    const a = ev({ surveys: { answerSum: 42499, answerCount: 10000 } }).base.averageScore;
    expect(a.meets).toBe(false);
    expect(a.status).toBe("in_progress");
    expect(formatAverage(a.value)).toBe("4.25"); // displayed rounded, still not met
    // sum·4 = 17·count − 1: the smallest possible shortfall, at a huge count
    const count = 200_000_000_001;
    const tiny = ev({ surveys: { answerSum: (17 * count - 1) / 4, answerCount: count } }).base.averageScore;
    expect(tiny.meets).toBe(false);
  });
  it("unanswered questions count neither in the sum nor the divisor; q6+ never counts", () => {
    const s1 = countedAnswers({ q1: 5, q2: 5, q3: 5, q4: 5, q5: 5, q6: 1 }, R);
    const s2 = countedAnswers({ q1: 4, q2: null, q3: "", q4: undefined, q5: "3", q7: 1 }, R);
    expect(s1).toEqual({ sum: 25, count: 5 });
    expect(s2).toEqual({ sum: 7, count: 2 });
    const a = ev({ surveys: { answerSum: s1.sum + s2.sum, answerCount: s1.count + s2.count } }).base.averageScore;
    expect(a.value).toBeCloseTo(32 / 7, 12);
    expect(a.meets).toBe(true); // 4.57; with unanswered as zeros (÷10) it would be 3.2
    expect(() => countedAnswers({ q1: 6 }, R)).toThrow(RangeError);
  });
  it("no counted answer → no score, not started", () => {
    const a = ev({ surveys: { surveyCount: 3 } }).base.averageScore;
    expect(a).toMatchObject({ value: null, status: "not_started", meets: false });
    expect(formatAverage(a.value)).toBe("—");
  });
  it("rejects impossible sums", () => {
    expect(() => ev({ surveys: { answerSum: 26, answerCount: 5 } })).toThrow(/impossible/);
    expect(() => ev({ surveys: { answerSum: 3, answerCount: 0 } })).toThrow(/impossible/);
    expect(() => ev({ completions: { fundamentals: -1 } })).toThrow(/completions.fundamentals/);
    expect(() => ev({ vouchers: { advanced: 1.5 } })).toThrow(RangeError);
  });
});

describe("solution areas (SPEC §3.3)", () => {
  it.each([
    [199, 99.5, 199.5, "in_progress"],
    [200, 100, 200, "completed"],
    [201, 100, 200, "completed"],
  ] as const)("two-day surveys cap at 100 points: %i", (n, twoPoints, total, status) => {
    const s = ev({ areas: { security: { twoDaysOrLess: n, threeDaysOrMore: 100 } } }).areas.security.surveyCompletions;
    expect(s.parts.twoDaysOrLess.points).toBe(twoPoints);
    expect(s.points).toBe(total);
    expect(s.status).toBe(status);
    expect(s.cappedAt).toMatchObject({ capPoints: 100, reached: n >= 200 });
  });
  it("SPEC example: Business Applications 4.3 and Security 4.0 → one badge", () => {
    const e = ev({
      ...BASE_MET,
      areas: {
        "business-applications": { threeDaysOrMore: 200, answerSum: 43, answerCount: 10 },
        security: { threeDaysOrMore: 200, answerSum: 40, answerCount: 10 },
      },
    });
    expect(e.base.status).toBe("completed");
    expect(e.areas["business-applications"].status).toBe("completed");
    expect(e.areas.security.status).toBe("in_progress");
    expect(e.areas.security.averageScore.value).toBe(4);
    expect(e.badges).toEqual(["business-applications"]);
    expect(e.qualified).toBe(true);
    expect(e.status).toBe("completed");
  });
  it("all six areas → seven badges", () => {
    const e = ev({ ...BASE_MET, areas: Object.fromEntries(AREA_SLUGS.map((s) => [s, AREA_MET])) });
    expect(e.badges).toEqual([...AREA_SLUGS, "cloud-partner"]);
    expect(e.qualified).toBe(true);
  });
  it("areas without base → badges but not qualified", () => {
    const e = ev({ areas: { "modern-work": AREA_MET } });
    expect(e.badges).toEqual(["modern-work"]);
    expect(e.qualified).toBe(false);
    expect(e.status).toBe("in_progress");
  });
  it("base without any area → not qualified", () => {
    const e = ev(BASE_MET);
    expect(e.base.status).toBe("completed");
    expect(e.qualified).toBe(false);
  });
});

describe("status (SPEC §3.4)", () => {
  it("no data → everything not started", () => {
    const e = evaluateTrainingServices(emptyAggregates(), R);
    expect(e.status).toBe("not_started");
    expect(e.qualified).toBe(false);
    expect(e.badges).toEqual([]);
    expect(e.base.status).toBe("not_started");
    expect(e.base.courseware).toMatchObject({ points: 0, threshold: 1000, status: "not_started" });
    expect(e.base.examVouchers).toMatchObject({ points: 0, threshold: 200, status: "not_started" });
    expect(e.base.averageScore).toMatchObject({ value: null, threshold: 4.25, status: "not_started" });
    for (const s of AREA_SLUGS) {
      expect(e.areas[s].status).toBe("not_started");
      expect(e.areas[s].surveyCompletions).toMatchObject({ points: 0, threshold: 200, status: "not_started" });
      expect(e.areas[s].averageScore).toMatchObject({ value: null, status: "not_started" });
    }
  });
  it("group status", () => {
    expect(groupStatus(["not_started", "not_started"])).toBe("not_started");
    expect(groupStatus(["not_started", "completed"])).toBe("in_progress");
    expect(groupStatus(["completed", "completed"])).toBe("completed");
    expect(ev({ vouchers: { fundamentals: 1 } }).base.status).toBe("in_progress");
    expect(STATUS_LABELS).toEqual({ not_started: "Not started", in_progress: "In progress", completed: "Completed" });
  });
});

describe("formatting", () => {
  it("averages round half-up to two decimals", () => {
    expect(formatAverage(849 / 200)).toBe("4.25"); // 4.245 is stored as 4.24499…
    expect(formatAverage(4.3)).toBe("4.30");
    expect(formatAverage(32 / 7)).toBe("4.57");
    expect(formatAverageExact(849, 200)).toBe("4.25");
    expect(formatAverageExact(8489, 2000)).toBe("4.24");
    expect(formatAverageExact(5, 1)).toBe("5.00");
    expect(formatAverageExact(0, 0)).toBe("—");
  });
  it("points as exact halves", () => {
    expect(formatPoints(999.5)).toBe("999.5");
    expect(formatPoints(1000)).toBe("1,000");
    expect(formatPoints(0)).toBe("0");
  });
});
