// SPEC §3 / §7 — input and output types of the Training Services rules engine.
import type { AreaSlug } from "../areas";
import type { Fraction } from "./ruleset";

/** SPEC §3.4 statuses (also the §7 JSON values). */
export type Status = "not_started" | "in_progress" | "completed";

/** Per solution area: counted (non-fundamentals) surveys of the area's courses in the window. */
export type TsAreaAggregates = {
  twoDaysOrLess: number;
  threeDaysOrMore: number;
  answerSum: number; // sum of the answered counted questions (q1…q5)
  answerCount: number; // number of answered counted questions
};

/** Everything the evaluation needs, already aggregated over the window (integer counts). */
export type TsAggregates = {
  completions: { fundamentals: number; twoDaysOrLess: number; threeDaysOrMore: number }; // counts inside the window
  vouchers: { fundamentals: number; advanced: number };
  surveys: { answerSum: number; answerCount: number; surveyCount: number }; // counted (non-fundamentals) surveys in the window; sum/count of answered q1..q5
  areas: Record<AreaSlug, TsAreaAggregates>;
};

/** A cap applied to one category's contribution (SPEC §3.2 fundamentals, §3.3 two-day surveys). */
export type CapInfo = {
  category: "fundamentals" | "twoDaysOrLess";
  capHalfPoints: number;
  capPoints: number;
  uncappedHalfPoints: number; // what the category would earn without the cap
  countedHalfPoints: number; // what it earns: min(uncapped, cap)
  reached: boolean; // true when one more unit of the category adds nothing
};

/** One category's share of a points criterion. */
export type PointsPart = { count: number; weightHalfPoints: number; halfPoints: number; points: number };

/** A points criterion (courseware, exam units, area survey completions). */
export type PointsCriterion = {
  points: number; // exact halves
  threshold: number;
  status: Status;
  halfPoints: number;
  thresholdHalfPoints: number;
  parts: Record<string, PointsPart>;
  cappedAt: CapInfo | null;
};

/** An average-response-score criterion; `meets` is decided by integer cross-multiplication. */
export type AverageCriterion = {
  value: number | null; // sum / count, null when no counted answer
  threshold: number;
  status: Status;
  sum: number;
  count: number;
  thresholdFraction: Fraction;
  meets: boolean;
};

export type TsAreaEvaluation = {
  status: Status;
  surveyCompletions: PointsCriterion;
  averageScore: AverageCriterion;
};

/** SPEC §7 training-services shape (minus dataThrough/window, which the caller adds). */
export type TsEvaluation = {
  rulesetId: string;
  qualified: boolean;
  status: Status; // the whole program: completed when qualified
  base: {
    status: Status;
    courseware: PointsCriterion;
    examVouchers: PointsCriterion;
    averageScore: AverageCriterion;
  };
  areas: Record<AreaSlug, TsAreaEvaluation>;
  badges: string[]; // completed areas' slugs in AREAS order, plus "cloud-partner" when all six
};
