// SPEC §8 trend charts — for each Training Services criterion, its score per month against the
// threshold. The criteria are 12-month rolling sums, so the point for month m is the evaluation
// of the window ending with m (data through the end of m), built from the same monthly
// aggregates and the same engine as the dashboard.
import { AREA_SLUGS, type AreaSlug, areaLabel } from "../areas";
import { endOfMonth, type IsoMonth, shiftMonth, windowFor } from "../time";
import { emptyAggregates, sumAggregates } from "./aggregates";
import { evaluateTrainingServices } from "./evaluate";
import type { CriterionRef, MonthlyTsAggregates } from "./forecast";
import { rulesetFor, TS_RULESETS, type TsRuleset } from "./ruleset";
import type { Status, TsEvaluation } from "./types";

export type TsTrendMonth = { month: IsoMonth; evaluation: TsEvaluation };

export type TsTrendPoint = {
  month: IsoMonth;
  /** Points (exact halves) or the average (null when there is no counted answer). */
  value: number | null;
  threshold: number;
  status: Status;
  met: boolean;
};

export type TsTrendSeries = CriterionRef & { label: string; kind: "points" | "average"; points: TsTrendPoint[] };

/** The months that the trend's windows read: `count` + 11 months ending with `lastMonth`. */
export function trendMonthsNeeded(lastMonth: IsoMonth, count = 13): { first: IsoMonth; last: IsoMonth } {
  return { first: shiftMonth(lastMonth, -(count - 1) - 11), last: lastMonth };
}

/** The ruleset in force at the end of `month`; before the first ruleset, the earliest one. */
function rulesAt(month: IsoMonth, rulesets: readonly TsRuleset[]): TsRuleset {
  const through = endOfMonth(month);
  const earliest = [...rulesets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  if (earliest && through < earliest.effectiveFrom) return earliest;
  return rulesetFor(through, rulesets);
}

/** The evaluation of each of the `count` windows ending with the months up to `lastMonth`, oldest first. */
export function trendTrainingServices(
  monthly: MonthlyTsAggregates,
  lastMonth: IsoMonth,
  options: { count?: number; rulesets?: readonly TsRuleset[] } = {},
): TsTrendMonth[] {
  const count = options.count ?? 13;
  const rulesets = options.rulesets ?? TS_RULESETS;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a whole number ≥ 1, got ${count}`);
  return Array.from({ length: count }, (_, i) => {
    const month = shiftMonth(lastMonth, i - (count - 1));
    const window = windowFor(endOfMonth(month));
    const agg = sumAggregates(window.months.map((m) => monthly[m] ?? emptyAggregates()));
    return { month, evaluation: evaluateTrainingServices(agg, rulesAt(month, rulesets)) };
  });
}

/** One criterion's series from a trend. */
export function trendSeries(trend: TsTrendMonth[], ref: CriterionRef): TsTrendSeries {
  const base = ref.area === null;
  const label = criterionLabel(ref);
  const isAverage = ref.criterion === "averageScore";
  const points = trend.map(({ month, evaluation: e }): TsTrendPoint => {
    if (isAverage) {
      const c = base ? e.base.averageScore : e.areas[ref.area!].averageScore;
      return { month, value: c.value, threshold: c.threshold, status: c.status, met: c.meets };
    }
    const c = base
      ? ref.criterion === "courseware"
        ? e.base.courseware
        : e.base.examVouchers
      : e.areas[ref.area!].surveyCompletions;
    return { month, value: c.points, threshold: c.threshold, status: c.status, met: c.status === "completed" };
  });
  return { ...ref, label, kind: isAverage ? "average" : "points", points };
}

/** Every criterion's series, base first, then areas in AREAS order. */
export function allTrendSeries(trend: TsTrendMonth[]): TsTrendSeries[] {
  const refs: CriterionRef[] = [
    { area: null, criterion: "courseware" },
    { area: null, criterion: "examVouchers" },
    { area: null, criterion: "averageScore" },
    ...AREA_SLUGS.flatMap((a: AreaSlug): CriterionRef[] => [
      { area: a, criterion: "surveyCompletions" },
      { area: a, criterion: "averageScore" },
    ]),
  ];
  return refs.map((r) => trendSeries(trend, r));
}

const NAMES: Record<CriterionRef["criterion"], string> = {
  courseware: "Courseware completions",
  examVouchers: "Exam units",
  averageScore: "Average response score",
  surveyCompletions: "Survey completions",
};

/** "Courseware completions", "Security — survey completions". */
export function criterionLabel(ref: CriterionRef): string {
  if (ref.area === null) return NAMES[ref.criterion];
  return `${areaLabel(ref.area)} — ${NAMES[ref.criterion].toLowerCase()}`;
}
