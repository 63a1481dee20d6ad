// SPEC §3.2–§3.4 — evaluate Training Services from window aggregates. Pure and exact: points
// are integer half-points until the very end (÷2 gives exact halves), and averages are compared
// by integer cross-multiplication (sum·den ≥ num·count), never as floats.
import { AREA_SLUGS, AREAS, type AreaSlug } from "../areas";
import { assertValidAggregates } from "./aggregates";
import type { Fraction, TsRuleset } from "./ruleset";
import type {
  AverageCriterion,
  CapInfo,
  PointsCriterion,
  PointsPart,
  Status,
  TsAggregates,
  TsAreaAggregates,
  TsAreaEvaluation,
  TsEvaluation,
} from "./types";

export { addAggregates, cloneAggregates, emptyAggregates, sumAggregates } from "./aggregates";
export { formatAverage, formatAverageExact, formatPoints, STATUS_LABELS, statusLabel } from "./format";
export type * from "./types";

export const CLOUD_PARTNER_BADGE = "cloud-partner";

const part = (count: number, weightHalfPoints: number, halfPoints = count * weightHalfPoints): PointsPart => ({
  count,
  weightHalfPoints,
  halfPoints,
  points: halfPoints / 2,
});

/** Contribution of a capped category: min(count·weight, cap); SPEC §3.2/§3.3 caps. */
function capped(category: CapInfo["category"], count: number, weight: number, cap: number | null) {
  const uncapped = count * weight;
  if (cap === null) return { part: part(count, weight), info: null };
  const counted = Math.min(uncapped, cap);
  const info: CapInfo = {
    category,
    capHalfPoints: cap,
    capPoints: cap / 2,
    uncappedHalfPoints: uncapped,
    countedHalfPoints: counted,
    reached: uncapped + weight > cap,
  };
  return { part: part(count, weight, counted), info };
}

/** SPEC §3.4: Not started at zero, Completed at the threshold, else In progress. */
function pointsCriterion(
  parts: Record<string, PointsPart>,
  thresholdHalfPoints: number,
  cappedAt: CapInfo | null,
): PointsCriterion {
  const halfPoints = Object.values(parts).reduce((s, p) => s + p.halfPoints, 0);
  const status: Status =
    halfPoints === 0 ? "not_started" : halfPoints >= thresholdHalfPoints ? "completed" : "in_progress";
  return {
    points: halfPoints / 2,
    threshold: thresholdHalfPoints / 2,
    status,
    halfPoints,
    thresholdHalfPoints,
    parts,
    cappedAt,
  };
}

/** Exact test of sum/count ≥ num/den with count > 0 (SPEC §3.2: 4.2499 is not met). */
export function meetsAverage(sum: number, count: number, t: Fraction): boolean {
  return count > 0 && sum * t.den >= t.num * count;
}

/** SPEC §3.2 average response score; no counted answer → no score, Not started. */
function averageCriterion(
  sum: number,
  count: number,
  t: Fraction,
  scale: { min: number; max: number },
  where: string,
): AverageCriterion {
  if (count === 0 ? sum !== 0 : sum < scale.min * count || sum > scale.max * count)
    throw new RangeError(
      `${where}: answer sum ${sum} is impossible for ${count} answers on a ${scale.min}–${scale.max} scale`,
    );
  const meets = meetsAverage(sum, count, t);
  const status: Status = count === 0 || sum === 0 ? "not_started" : meets ? "completed" : "in_progress";
  return {
    value: count === 0 ? null : sum / count,
    threshold: t.num / t.den,
    status,
    sum,
    count,
    thresholdFraction: t,
    meets,
  };
}

/** SPEC §3.4 group status: Not started while all are, Completed when all are, else In progress. */
export function groupStatus(statuses: Status[]): Status {
  if (statuses.every((s) => s === "completed")) return "completed";
  if (statuses.every((s) => s === "not_started")) return "not_started";
  return "in_progress";
}

function evaluateArea(slug: AreaSlug, a: TsAreaAggregates, r: TsRuleset): TsAreaEvaluation {
  const rule = r.areaSurveyCompletions;
  const two = capped("twoDaysOrLess", a.twoDaysOrLess, rule.weights.twoDaysOrLess, rule.twoDaysOrLessCapHalfPoints);
  const surveyCompletions = pointsCriterion(
    { twoDaysOrLess: two.part, threeDaysOrMore: part(a.threeDaysOrMore, rule.weights.threeDaysOrMore) },
    rule.thresholdHalfPoints,
    two.info,
  );
  const averageScore = averageCriterion(
    a.answerSum,
    a.answerCount,
    r.areaAverageScore.threshold,
    r.averageScore.answerScale,
    `areas.${slug}`,
  );
  return { status: groupStatus([surveyCompletions.status, averageScore.status]), surveyCompletions, averageScore };
}

/** SPEC §3: the whole Training Services evaluation for one window's aggregates. */
export function evaluateTrainingServices(agg: TsAggregates, ruleset: TsRuleset): TsEvaluation {
  assertValidAggregates(agg);
  const cw = ruleset.courseware;
  const fund = capped(
    "fundamentals",
    agg.completions.fundamentals,
    cw.weights.fundamentals,
    cw.fundamentalsCapHalfPoints,
  );
  const courseware = pointsCriterion(
    {
      fundamentals: fund.part,
      twoDaysOrLess: part(agg.completions.twoDaysOrLess, cw.weights.twoDaysOrLess),
      threeDaysOrMore: part(agg.completions.threeDaysOrMore, cw.weights.threeDaysOrMore),
    },
    cw.thresholdHalfPoints,
    fund.info,
  );
  const ev = ruleset.examVouchers;
  const examVouchers = pointsCriterion(
    {
      fundamentals: part(agg.vouchers.fundamentals, ev.weights.fundamentals),
      advanced: part(agg.vouchers.advanced, ev.weights.advanced),
    },
    ev.thresholdHalfPoints,
    null,
  );
  const av = ruleset.averageScore;
  const averageScore = averageCriterion(
    agg.surveys.answerSum,
    agg.surveys.answerCount,
    av.threshold,
    av.answerScale,
    "surveys",
  );
  const baseStatus = groupStatus([courseware.status, examVouchers.status, averageScore.status]);

  const areas = Object.fromEntries(
    AREA_SLUGS.map((slug) => [slug, evaluateArea(slug, agg.areas[slug], ruleset)]),
  ) as Record<AreaSlug, TsAreaEvaluation>;
  // SPEC §3.4: one badge per completed area (AREAS order); all six add "cloud-partner".
  const badges: string[] = AREAS.map((a) => a.slug).filter((s) => areas[s].status === "completed");
  if (badges.length === AREAS.length) badges.push(CLOUD_PARTNER_BADGE);
  const qualified = baseStatus === "completed" && badges.length > 0;
  const anyStarted = baseStatus !== "not_started" || AREA_SLUGS.some((s) => areas[s].status !== "not_started");
  return {
    rulesetId: ruleset.id,
    qualified,
    status: qualified ? "completed" : anyStarted ? "in_progress" : "not_started",
    base: { status: baseStatus, courseware, examVouchers, averageScore },
    areas,
    badges,
  };
}
