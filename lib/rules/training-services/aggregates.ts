// SPEC §3 — building, adding and checking TsAggregates. Counts, sums and answer counts are
// additive across months (averages are kept as sum/count), so windows are sums of months.
import { AREA_SLUGS, type AreaSlug } from "../areas";
import type { TsRuleset } from "./ruleset";
import type { TsAggregates, TsAreaAggregates } from "./types";

/** Upper bound that keeps every product in the engine an exact JS integer. */
export const MAX_AGGREGATE = 1e12;

const emptyArea = (): TsAreaAggregates => ({ twoDaysOrLess: 0, threeDaysOrMore: 0, answerSum: 0, answerCount: 0 });

/** No data at all. */
export function emptyAggregates(): TsAggregates {
  return {
    completions: { fundamentals: 0, twoDaysOrLess: 0, threeDaysOrMore: 0 },
    vouchers: { fundamentals: 0, advanced: 0 },
    surveys: { answerSum: 0, answerCount: 0, surveyCount: 0 },
    areas: Object.fromEntries(AREA_SLUGS.map((s) => [s, emptyArea()])) as Record<AreaSlug, TsAreaAggregates>,
  };
}

/** A deep copy (areas missing from the input are filled with zeros). */
export function cloneAggregates(a: TsAggregates): TsAggregates {
  return addAggregates(emptyAggregates(), a);
}

function addArea(x: TsAreaAggregates, y: TsAreaAggregates | undefined): TsAreaAggregates {
  if (!y) return { ...x };
  return {
    twoDaysOrLess: x.twoDaysOrLess + y.twoDaysOrLess,
    threeDaysOrMore: x.threeDaysOrMore + y.threeDaysOrMore,
    answerSum: x.answerSum + y.answerSum,
    answerCount: x.answerCount + y.answerCount,
  };
}

/** a + b, field by field (neither input is modified). */
export function addAggregates(a: TsAggregates, b: TsAggregates): TsAggregates {
  return {
    completions: {
      fundamentals: a.completions.fundamentals + b.completions.fundamentals,
      twoDaysOrLess: a.completions.twoDaysOrLess + b.completions.twoDaysOrLess,
      threeDaysOrMore: a.completions.threeDaysOrMore + b.completions.threeDaysOrMore,
    },
    vouchers: {
      fundamentals: a.vouchers.fundamentals + b.vouchers.fundamentals,
      advanced: a.vouchers.advanced + b.vouchers.advanced,
    },
    surveys: {
      answerSum: a.surveys.answerSum + b.surveys.answerSum,
      answerCount: a.surveys.answerCount + b.surveys.answerCount,
      surveyCount: a.surveys.surveyCount + b.surveys.surveyCount,
    },
    areas: Object.fromEntries(
      AREA_SLUGS.map((s) => [s, addArea(addArea(emptyArea(), a.areas[s]), b.areas[s])]),
    ) as Record<AreaSlug, TsAreaAggregates>,
  };
}

/** The sum of any number of aggregates (e.g. the months of a window). */
export function sumAggregates(list: Iterable<TsAggregates>): TsAggregates {
  let total = emptyAggregates();
  for (const a of list) total = addAggregates(total, a);
  return total;
}

/** Throws a RangeError naming the field when a value is not an integer in [0, MAX_AGGREGATE]. */
export function assertValidAggregates(a: TsAggregates): void {
  const check = (v: number, path: string) => {
    if (!Number.isInteger(v) || v < 0 || v > MAX_AGGREGATE)
      throw new RangeError(`${path} must be a whole number from 0 to ${MAX_AGGREGATE}, got ${v}`);
  };
  for (const [k, v] of Object.entries(a.completions)) check(v, `completions.${k}`);
  for (const [k, v] of Object.entries(a.vouchers)) check(v, `vouchers.${k}`);
  for (const [k, v] of Object.entries(a.surveys)) check(v, `surveys.${k}`);
  for (const slug of AREA_SLUGS) {
    const area = a.areas[slug];
    if (!area) throw new RangeError(`areas.${slug} is missing`);
    for (const [k, v] of Object.entries(area)) check(v, `areas.${slug}.${k}`);
  }
}

/**
 * SPEC §3.1/§3.2: one survey's contribution to an average — only the counted questions (q1…q5),
 * only the answered ones (null/undefined/"" = unanswered: in neither the sum nor the count).
 */
export function countedAnswers(
  answers: Record<string, number | string | null | undefined>,
  r: TsRuleset,
): { sum: number; count: number } {
  const { min, max } = r.averageScore.answerScale;
  let sum = 0;
  let count = 0;
  for (const q of r.averageScore.countedQuestions) {
    const raw = answers[q];
    if (raw === null || raw === undefined || raw === "") continue;
    const v = typeof raw === "string" ? Number(raw) : raw;
    if (!Number.isInteger(v) || v < min || v > max)
      throw new RangeError(`${q} must be ${min}–${max} or empty, got ${raw}`);
    sum += v;
    count += 1;
  }
  return { sum, count };
}
