// SPEC §8 roll-off forecast — what leaves the 12-month window (SPEC §2) in each of the next
// months, assuming no new data arrives, and whether the organization would still qualify.
// Every window is re-summed from its months and re-evaluated: caps (e.g. the 300-point
// fundamentals cap) are recomputed on the remaining totals, never subtracted as points.
import { AREA_SLUGS, type AreaSlug } from "../areas";
import { endOfMonth, type IsoDate, type IsoMonth, isValidIsoMonth, shiftMonth, type Window, windowFor } from "../time";
import { assertValidAggregates, emptyAggregates, sumAggregates } from "./aggregates";
import { evaluateTrainingServices } from "./evaluate";
import { rulesetFor, TS_RULESETS, type TsRuleset } from "./ruleset";
import type { AverageCriterion, PointsCriterion, TsAggregates, TsEvaluation } from "./types";

/** Aggregates per calendar month 'YYYY-MM' (months without data may be omitted). */
export type MonthlyTsAggregates = Record<IsoMonth, TsAggregates>;

export type CriterionRef = {
  area: AreaSlug | null; // null = base criteria
  criterion: "courseware" | "examVouchers" | "averageScore" | "surveyCompletions";
};

/** Points that leave with a month: before minus after, the cap recomputed on what remains. */
export type PointsLoss = { halfPoints: number; points: number };
/** Answers that leave with a month, and the average before and after. */
export type AverageLoss = { sum: number; count: number; valueBefore: number | null; valueAfter: number | null };

export type Leaving = {
  month: IsoMonth;
  aggregates: TsAggregates; // the counts that leave
  lost: {
    courseware: PointsLoss;
    examVouchers: PointsLoss;
    averageScore: AverageLoss;
    areas: Record<AreaSlug, { surveyCompletions: PointsLoss; averageScore: AverageLoss }>;
  };
};

export type ForecastMonth = {
  dataThrough: IsoDate; // the end of the forecast month, with no new data
  window: Window;
  leaving: Leaving; // relative to the previous step (the current window for the first)
  entering: { month: IsoMonth; aggregates: TsAggregates }; // data already held for the new month
  evaluation: TsEvaluation;
  qualified: boolean;
  failing: CriterionRef[]; // criteria met in the current evaluation that would not be met
};

export type TsForecast = {
  current: { dataThrough: IsoDate; window: Window; evaluation: TsEvaluation };
  months: ForecastMonth[];
};

/** Every criterion of an evaluation with whether it is met, base first then AREAS order. */
export function criteriaMet(ev: TsEvaluation): (CriterionRef & { met: boolean })[] {
  const out: (CriterionRef & { met: boolean })[] = [
    { area: null, criterion: "courseware", met: ev.base.courseware.status === "completed" },
    { area: null, criterion: "examVouchers", met: ev.base.examVouchers.status === "completed" },
    { area: null, criterion: "averageScore", met: ev.base.averageScore.meets },
  ];
  for (const s of AREA_SLUGS) {
    out.push({ area: s, criterion: "surveyCompletions", met: ev.areas[s].surveyCompletions.status === "completed" });
    out.push({ area: s, criterion: "averageScore", met: ev.areas[s].averageScore.meets });
  }
  return out;
}

const pointsLoss = (before: PointsCriterion, after: PointsCriterion): PointsLoss => {
  const halfPoints = before.halfPoints - after.halfPoints;
  return { halfPoints, points: halfPoints / 2 };
};
const averageLoss = (before: AverageCriterion, after: AverageCriterion): AverageLoss => ({
  sum: before.sum - after.sum,
  count: before.count - after.count,
  valueBefore: before.value,
  valueAfter: after.value,
});

function lossBetween(before: TsEvaluation, after: TsEvaluation): Leaving["lost"] {
  const areas = {} as Leaving["lost"]["areas"];
  for (const s of AREA_SLUGS) {
    areas[s] = {
      surveyCompletions: pointsLoss(before.areas[s].surveyCompletions, after.areas[s].surveyCompletions),
      averageScore: averageLoss(before.areas[s].averageScore, after.areas[s].averageScore),
    };
  }
  return {
    courseware: pointsLoss(before.base.courseware, after.base.courseware),
    examVouchers: pointsLoss(before.base.examVouchers, after.base.examVouchers),
    averageScore: averageLoss(before.base.averageScore, after.base.averageScore),
    areas,
  };
}

/**
 * SPEC §8: for each of the next `steps` months (default 3) after the current window's last
 * month, the window with data through that month's end, what leaves it, the re-evaluation and
 * the criteria met now that would fail. Each window uses the ruleset in force on its
 * data_through; the points lost by a leaving month are measured under the previous step's rules.
 */
export function forecastTrainingServices(
  monthly: MonthlyTsAggregates,
  dataThrough: IsoDate,
  options: { steps?: number; rulesets?: readonly TsRuleset[] } = {},
): TsForecast {
  const steps = options.steps ?? 3;
  const rulesets = options.rulesets ?? TS_RULESETS;
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a whole number ≥ 0, got ${steps}`);
  for (const [month, agg] of Object.entries(monthly)) {
    if (!isValidIsoMonth(month)) throw new RangeError(`Invalid month key "${month}" (expected YYYY-MM)`);
    assertValidAggregates(agg);
  }
  const monthAgg = (m: IsoMonth) => monthly[m] ?? emptyAggregates();
  const sumOf = (months: IsoMonth[]) => sumAggregates(months.map(monthAgg));

  const window = windowFor(dataThrough);
  const evaluation = evaluateTrainingServices(sumOf(window.months), rulesetFor(dataThrough, rulesets));
  const metNow = criteriaMet(evaluation).filter((c) => c.met);

  const months: ForecastMonth[] = [];
  let prev = { window, evaluation, ruleset: rulesetFor(dataThrough, rulesets) };
  for (let k = 1; k <= steps; k++) {
    const through = endOfMonth(shiftMonth(window.lastMonth, k));
    const next = windowFor(through);
    const [leavingMonth, ...remaining] = prev.window.months;
    const enteringMonth = next.lastMonth;
    const afterLeaving = evaluateTrainingServices(sumOf(remaining), prev.ruleset);
    const ruleset = rulesetFor(through, rulesets);
    const ev = evaluateTrainingServices(sumOf(next.months), ruleset);
    const stillMet = criteriaMet(ev);
    months.push({
      dataThrough: through,
      window: next,
      leaving: {
        month: leavingMonth,
        aggregates: monthAgg(leavingMonth),
        lost: lossBetween(prev.evaluation, afterLeaving),
      },
      entering: { month: enteringMonth, aggregates: monthAgg(enteringMonth) },
      evaluation: ev,
      qualified: ev.qualified,
      failing: metNow
        .filter((c) => !stillMet.find((n) => n.area === c.area && n.criterion === c.criterion)!.met)
        .map(({ area, criterion }) => ({ area, criterion })),
    });
    prev = { window: next, evaluation: ev, ruleset };
  }
  return { current: { dataThrough, window, evaluation }, months };
}
