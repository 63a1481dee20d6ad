// SPEC §3 — Solutions Partner for Training Services rules, kept as versioned data.
// All point amounts are integer HALF-POINTS (SPEC §2: points are exact halves), so 1 point = 2.
// Averages compare against an exact fraction (4.25 = 17/4), never a float.
// To change the rules, append a new TsRuleset with a later `effectiveFrom` — no code changes.
import { type IsoDate, isValidIsoDate } from "../time";

/** An exact rational threshold `num / den` (den > 0). */
export type Fraction = { num: number; den: number };

export type CourseCategory = "fundamentals" | "two-days-or-less" | "three-days-or-more";

export type TsRuleset = {
  id: string;
  /** First data_through (inclusive) the ruleset applies to. */
  effectiveFrom: IsoDate;
  /** SPEC §3.2 Courseware completions. */
  courseware: {
    weights: { fundamentals: number; twoDaysOrLess: number; threeDaysOrMore: number }; // half-points each
    fundamentalsCapHalfPoints: number | null; // null = uncapped
    thresholdHalfPoints: number;
  };
  /** SPEC §3.2 Exam units. */
  examVouchers: {
    weights: { fundamentals: number; advanced: number }; // half-points each
    thresholdHalfPoints: number;
  };
  /** SPEC §3.2 Average response score (also the scale used by §3.3 area averages). */
  averageScore: {
    threshold: Fraction;
    countedQuestions: readonly string[]; // only these answers count
    countedCategories: readonly CourseCategory[]; // surveys of these course categories count
    answerScale: { min: number; max: number };
  };
  /** SPEC §3.3 Survey completions per solution area. */
  areaSurveyCompletions: {
    weights: { twoDaysOrLess: number; threeDaysOrMore: number }; // half-points each
    twoDaysOrLessCapHalfPoints: number | null;
    thresholdHalfPoints: number;
  };
  /** SPEC §3.3 Average response score per solution area. */
  areaAverageScore: { threshold: Fraction };
};

/** The rules in force from 2025-08-01 (SPEC §3.2, §3.3). */
const TS_2025_08: TsRuleset = {
  id: "training-services-2025-08",
  effectiveFrom: "2025-08-01",
  courseware: {
    weights: { fundamentals: 1, twoDaysOrLess: 1, threeDaysOrMore: 2 }, // 0.5, 0.5, 1 point
    fundamentalsCapHalfPoints: 600, // 300 points = 600 fundamentals completions
    thresholdHalfPoints: 2000, // 1000 points
  },
  examVouchers: {
    weights: { fundamentals: 1, advanced: 2 }, // 0.5, 1 point
    thresholdHalfPoints: 400, // 200 points
  },
  averageScore: {
    threshold: { num: 17, den: 4 }, // 4.25
    countedQuestions: ["q1", "q2", "q3", "q4", "q5"],
    countedCategories: ["two-days-or-less", "three-days-or-more"], // fundamentals never counted
    answerScale: { min: 1, max: 5 },
  },
  areaSurveyCompletions: {
    weights: { twoDaysOrLess: 1, threeDaysOrMore: 2 }, // 0.5, 1 point
    twoDaysOrLessCapHalfPoints: 200, // 100 points = 200 surveys
    thresholdHalfPoints: 400, // 200 points
  },
  areaAverageScore: { threshold: { num: 17, den: 4 } }, // 4.25
};

/** Every Training Services ruleset, oldest first. */
export const TS_RULESETS: readonly TsRuleset[] = [TS_2025_08];

const isNonNegInt = (n: number) => Number.isInteger(n) && n >= 0;
const isPosInt = (n: number) => Number.isInteger(n) && n > 0;

/** Structural checks: integer half-point weights, positive thresholds, sane fractions. */
export function validateRuleset(r: TsRuleset): string[] {
  const errors: string[] = [];
  const need = (ok: boolean, what: string) => ok || errors.push(`${r.id}: ${what}`);
  need(isValidIsoDate(r.effectiveFrom), "effectiveFrom must be YYYY-MM-DD");
  for (const [k, w] of Object.entries({ ...r.courseware.weights }))
    need(isPosInt(w), `courseware weight ${k} must be a positive integer`);
  for (const [k, w] of Object.entries({ ...r.examVouchers.weights }))
    need(isPosInt(w), `exam weight ${k} must be a positive integer`);
  for (const [k, w] of Object.entries({ ...r.areaSurveyCompletions.weights }))
    need(isPosInt(w), `area survey weight ${k} must be a positive integer`);
  const caps = [r.courseware.fundamentalsCapHalfPoints, r.areaSurveyCompletions.twoDaysOrLessCapHalfPoints];
  for (const cap of caps) need(cap === null || isNonNegInt(cap), "caps must be null or integers ≥ 0");
  for (const t of [r.courseware, r.examVouchers, r.areaSurveyCompletions])
    need(isPosInt(t.thresholdHalfPoints), "thresholds must be positive integers");
  for (const f of [r.averageScore.threshold, r.areaAverageScore.threshold])
    need(isPosInt(f.num) && isPosInt(f.den), "average thresholds must be positive fractions");
  const { min, max } = r.averageScore.answerScale;
  need(isPosInt(min) && isPosInt(max) && min < max, "answer scale must be integers min < max");
  need(r.averageScore.countedQuestions.length > 0, "at least one counted question");
  return errors;
}

/**
 * SPEC §4.1 (applies to both programs): evaluate with the ruleset in force on data_through. Data
 * older than every ruleset is evaluated with the earliest one, as Solutions Partner does: imports
 * refuse such a data_through (SPEC §6), but rows stored before that check must not make a page fail.
 */
export function rulesetFor(dataThrough: IsoDate, rulesets: readonly TsRuleset[] = TS_RULESETS): TsRuleset {
  if (!isValidIsoDate(dataThrough)) throw new RangeError(`Invalid data_through "${dataThrough}"`);
  if (rulesets.length === 0) throw new RangeError("No Training Services ruleset is defined");
  let best: TsRuleset | undefined;
  let earliest = rulesets[0]!;
  for (const r of rulesets) {
    if (r.effectiveFrom < earliest.effectiveFrom) earliest = r;
    if (r.effectiveFrom <= dataThrough && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  }
  return best ?? earliest;
}
