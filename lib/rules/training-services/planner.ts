// SPEC §8 gap planner — for every Training Services criterion not met, the smallest additions
// that would meet it on their own, in the program's units; for a met criterion, its headroom.
// All arithmetic is on integers (half-points; sum·den vs num·count), so every count is exact:
// adding `count` units meets the criterion and adding `count − 1` does not.
import { AREA_SLUGS, type AreaSlug, areaLabel } from "../areas";
import { cloneAggregates } from "./aggregates";
import { evaluateTrainingServices } from "./evaluate";
import { averageSentence, pointsSentence } from "./plan-text";
import type { TsRuleset } from "./ruleset";
import type { AverageCriterion, PointsCriterion, TsAggregates } from "./types";

export type PlanKind =
  | "completions.threeDaysOrMore"
  | "completions.twoDaysOrLess"
  | "completions.fundamentals"
  | "vouchers.advanced"
  | "vouchers.fundamentals"
  | "surveys.allMax" // a counted survey answering the top score on every counted question
  | "area.threeDaysOrMore"
  | "area.twoDaysOrLess"
  | "area.allMax";

/** Add `count` units of `kind`. `meets: false` = a capped kind that cannot meet it alone; then
 * `count` is how many still add points before the cap (0 when the cap is reached). */
export type PlanOption = { kind: PlanKind; count: number; meets: boolean; capPoints?: number };

/** How much a met criterion can lose and stay met. `count: null` = any number. */
export type Headroom = {
  halfPoints: number | null; // points criteria: half-points above the threshold
  points: number | null;
  losses: { kind: PlanKind; count: number | null }[];
};

export type CriterionPlan = {
  criterion: "courseware" | "examVouchers" | "averageScore" | "surveyCompletions";
  area: AreaSlug | null; // null for the base criteria
  met: boolean;
  options: PlanOption[]; // when not met, the smallest count first
  headroom: Headroom | null; // when met
  sentence: string;
};

export type TsPlan = {
  base: { courseware: CriterionPlan; examVouchers: CriterionPlan; averageScore: CriterionPlan };
  areas: Record<AreaSlug, { surveyCompletions: CriterionPlan; averageScore: CriterionPlan }>;
  /** Every criterion not met, base first, then areas in AREAS order. */
  suggestions: CriterionPlan[];
};

const ceilDiv = (a: number, b: number) => (a <= 0 ? 0 : Math.floor((a + b - 1) / b)); // b > 0, integers

type Lever = { kind: PlanKind; count: number; weight: number; cap: number | null };

/** Units of one lever needed to gain `deficit` half-points, honouring its cap (SPEC §3.2/§3.3). */
function unitsFor(l: Lever, deficit: number): PlanOption {
  if (l.cap === null) return { kind: l.kind, count: ceilDiv(deficit, l.weight), meets: true };
  const counted = Math.min(l.count * l.weight, l.cap);
  if (l.cap - counted >= deficit)
    return { kind: l.kind, count: ceilDiv(counted + deficit, l.weight) - l.count, meets: true, capPoints: l.cap / 2 };
  const fill = Math.max(0, ceilDiv(l.cap, l.weight) - l.count); // units that still add points
  return { kind: l.kind, count: fill, meets: false, capPoints: l.cap / 2 };
}

/** Most units of one lever that may leave while the total stays ≥ the threshold. */
function maxLoss(l: Lever, surplus: number): number {
  const counted = l.cap === null ? l.count * l.weight : Math.min(l.count * l.weight, l.cap);
  const keep = ceilDiv(counted - surplus, l.weight); // units needed to keep (counted − surplus)
  return Math.max(0, Math.min(l.count, l.count - keep));
}

function pointsPlan(
  c: PointsCriterion,
  levers: Lever[],
  criterion: CriterionPlan["criterion"],
  area: AreaSlug | null,
  label: string,
): CriterionPlan {
  const met = c.status === "completed";
  const gap = c.thresholdHalfPoints - c.halfPoints;
  const options = met
    ? []
    : levers.map((l) => unitsFor(l, gap)).sort((a, b) => Number(b.meets) - Number(a.meets) || a.count - b.count);
  const surplus = -gap;
  const headroom: Headroom | null = met
    ? {
        halfPoints: surplus,
        points: surplus / 2,
        losses: levers.filter((l) => l.count > 0).map((l) => ({ kind: l.kind, count: maxLoss(l, surplus) })),
      }
    : null;
  return { criterion, area, met, options, headroom, sentence: pointsSentence(label, c, options, headroom) };
}

function averagePlan(
  c: AverageCriterion,
  r: TsRuleset,
  kind: PlanKind,
  area: AreaSlug | null,
  label: string,
): CriterionPlan {
  const q = r.averageScore.countedQuestions.length;
  const { min, max } = r.averageScore.answerScale;
  const { num, den } = c.thresholdFraction;
  if (c.meets) {
    // Largest k with (sum + k·q·min)·den ≥ num·(count + k·q): surveys answering the lowest score.
    const drop = q * (num - min * den);
    const k = drop <= 0 ? null : Math.floor((c.sum * den - num * c.count) / drop);
    const headroom: Headroom = { halfPoints: null, points: null, losses: [{ kind, count: k }] };
    return {
      criterion: "averageScore",
      area,
      met: true,
      options: [],
      headroom,
      sentence: averageSentence(label, c, null, headroom, r),
    };
  }
  // Smallest n with (sum + n·q·max)·den ≥ num·(count + n·q); at least 1 when there is no answer.
  const gain = q * (max * den - num);
  const option: PlanOption =
    gain <= 0
      ? { kind, count: 0, meets: false }
      : { kind, count: Math.max(1, ceilDiv(num * c.count - c.sum * den, gain)), meets: true };
  return {
    criterion: "averageScore",
    area,
    met: false,
    options: [option],
    headroom: null,
    sentence: averageSentence(label, c, option, null, r),
  };
}

/** SPEC §8: the gap plan for every base and area criterion. */
export function planTrainingServices(agg: TsAggregates, r: TsRuleset): TsPlan {
  const ev = evaluateTrainingServices(agg, r);
  const cw = r.courseware;
  const courseware = pointsPlan(
    ev.base.courseware,
    [
      {
        kind: "completions.threeDaysOrMore",
        count: agg.completions.threeDaysOrMore,
        weight: cw.weights.threeDaysOrMore,
        cap: null,
      },
      {
        kind: "completions.twoDaysOrLess",
        count: agg.completions.twoDaysOrLess,
        weight: cw.weights.twoDaysOrLess,
        cap: null,
      },
      {
        kind: "completions.fundamentals",
        count: agg.completions.fundamentals,
        weight: cw.weights.fundamentals,
        cap: cw.fundamentalsCapHalfPoints,
      },
    ],
    "courseware",
    null,
    "Courseware completions",
  );
  const ex = r.examVouchers;
  const examVouchers = pointsPlan(
    ev.base.examVouchers,
    [
      { kind: "vouchers.advanced", count: agg.vouchers.advanced, weight: ex.weights.advanced, cap: null },
      { kind: "vouchers.fundamentals", count: agg.vouchers.fundamentals, weight: ex.weights.fundamentals, cap: null },
    ],
    "examVouchers",
    null,
    "Exam units",
  );
  const averageScore = averagePlan(ev.base.averageScore, r, "surveys.allMax", null, "Average response score");

  const as = r.areaSurveyCompletions;
  const areas = {} as TsPlan["areas"];
  for (const slug of AREA_SLUGS) {
    const a = agg.areas[slug];
    areas[slug] = {
      surveyCompletions: pointsPlan(
        ev.areas[slug].surveyCompletions,
        [
          { kind: "area.threeDaysOrMore", count: a.threeDaysOrMore, weight: as.weights.threeDaysOrMore, cap: null },
          {
            kind: "area.twoDaysOrLess",
            count: a.twoDaysOrLess,
            weight: as.weights.twoDaysOrLess,
            cap: as.twoDaysOrLessCapHalfPoints,
          },
        ],
        "surveyCompletions",
        slug,
        `${areaLabel(slug)} — survey completions`,
      ),
      averageScore: averagePlan(
        ev.areas[slug].averageScore,
        r,
        "area.allMax",
        slug,
        `${areaLabel(slug)} — average response score`,
      ),
    };
  }
  const all = [
    courseware,
    examVouchers,
    averageScore,
    ...AREA_SLUGS.flatMap((s) => [areas[s].surveyCompletions, areas[s].averageScore]),
  ];
  return { base: { courseware, examVouchers, averageScore }, areas, suggestions: all.filter((p) => !p.met) };
}

/**
 * What-if: the aggregates after adding `count` units of `kind` (to `area` for area kinds).
 * An "allMax" survey adds q·max to the answer sum and q to the answer count (q = counted
 * questions). Area surveys added for the survey-completions criterion carry no answers here.
 */
export function applyPlanOption(
  agg: TsAggregates,
  r: TsRuleset,
  kind: PlanKind,
  count: number,
  area: AreaSlug | null = null,
): TsAggregates {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const out = cloneAggregates(agg);
  const q = r.averageScore.countedQuestions.length;
  const top = r.averageScore.answerScale.max;
  const [group, key] = kind.split(".") as [string, string];
  if (group === "completions") out.completions[key as keyof TsAggregates["completions"]] += count;
  else if (group === "vouchers") out.vouchers[key as keyof TsAggregates["vouchers"]] += count;
  else if (group === "surveys") {
    out.surveys.answerSum += count * q * top;
    out.surveys.answerCount += count * q;
    out.surveys.surveyCount += count;
  } else {
    if (area === null) throw new RangeError(`${kind} needs a solution area`);
    const a = out.areas[area];
    if (key === "allMax") {
      a.answerSum += count * q * top;
      a.answerCount += count * q;
    } else a[key as "twoDaysOrLess" | "threeDaysOrMore"] += count;
  }
  return out;
}
