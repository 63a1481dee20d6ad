import type { AreaSlug } from "@/lib/rules/areas";
import { formatOneDecimal } from "@/lib/rules/number-format";
import type { TsRuleset } from "@/lib/rules/training-services";

// Presentation of SPEC §3 criteria: titles, formulas and business logic in plain words,
// built from the ruleset data so the words follow the rules when they change.
export type BaseCriterionId = "courseware" | "exam-vouchers" | "average-score";
export type AreaCriterionId = "survey-completions" | "average-score";
export const BASE_CRITERIA: BaseCriterionId[] = ["courseware", "exam-vouchers", "average-score"];
export const AREA_CRITERIA: AreaCriterionId[] = ["survey-completions", "average-score"];

const pts = (half: number) => formatOneDecimal(half / 2); // halves: at most one decimal
const frac = (f: { num: number; den: number }) => (f.num / f.den).toFixed(2);

export type CriterionText = { title: string; formula: string; logic: string[] };

export function baseCriterionText(id: BaseCriterionId, r: TsRuleset): CriterionText {
  if (id === "courseware") {
    const w = r.courseware.weights;
    return {
      title: "Courseware completions",
      formula: `points = ${pts(w.fundamentals)} × fundamentals (at most ${pts(r.courseware.fundamentalsCapHalfPoints ?? 0)} points) + ${pts(w.twoDaysOrLess)} × two-days-or-less + ${pts(w.threeDaysOrMore)} × three-days-or-more; met at ${pts(r.courseware.thresholdHalfPoints)} points`,
      logic: [
        "Counts achievement-code redemptions dated inside the 12-month window; records outside the window do not count.",
        `Fundamentals courses earn ${pts(w.fundamentals)} point each whatever their length, capped at ${pts(r.courseware.fundamentalsCapHalfPoints ?? 0)} points (${(r.courseware.fundamentalsCapHalfPoints ?? 0) / w.fundamentals} completions).`,
        `Courses of 1 or 2 days earn ${pts(w.twoDaysOrLess)} point; courses of 3 days or more earn ${pts(w.threeDaysOrMore)} point. These are not capped.`,
      ],
    };
  }
  if (id === "exam-vouchers") {
    const w = r.examVouchers.weights;
    return {
      title: "Exam units",
      formula: `points = ${pts(w.fundamentals)} × fundamentals vouchers + ${pts(w.advanced)} × advanced vouchers; met at ${pts(r.examVouchers.thresholdHalfPoints)} points`,
      logic: [
        "Counts exam-voucher units bought from the exam partner store with a purchase date inside the window.",
        `Fundamentals exams earn ${pts(w.fundamentals)} point, advanced exams ${pts(w.advanced)} point. No cap.`,
      ],
    };
  }
  return {
    title: "Average response score",
    formula: `average = sum of answered counted questions ÷ number of answered counted questions; met at ${frac(r.averageScore.threshold)} or more (compared exactly)`,
    logic: [
      `Only the ${r.averageScore.countedQuestions.length} designated questions (${r.averageScore.countedQuestions.join(", ")}) count; other answers are kept but never counted.`,
      "Unanswered questions count neither in the sum nor in the divisor.",
      "Surveys of fundamentals courses are delivered but never counted; surveys of two-days-or-less and three-days-or-more courses completed inside the window count.",
      `The average is shown rounded to two decimals, but compared exactly: 4.2499 is not ${frac(r.averageScore.threshold)}.`,
    ],
  };
}

export function areaCriterionText(id: AreaCriterionId, areaName: string, r: TsRuleset): CriterionText {
  if (id === "survey-completions") {
    const s = r.areaSurveyCompletions;
    return {
      title: `Survey completions — ${areaName}`,
      formula: `points = ${pts(s.weights.twoDaysOrLess)} × two-days-or-less surveys (at most ${pts(s.twoDaysOrLessCapHalfPoints ?? 0)} points) + ${pts(s.weights.threeDaysOrMore)} × three-days-or-more surveys; met at ${pts(s.thresholdHalfPoints)} points`,
      logic: [
        `Counts MTM surveys of ${areaName} courses completed inside the window. A survey belongs to the solution area of its course; courses with no area count for no area.`,
        "Fundamentals surveys never count.",
        `Two-days-or-less surveys contribute at most ${pts(s.twoDaysOrLessCapHalfPoints ?? 0)} points (${(s.twoDaysOrLessCapHalfPoints ?? 0) / s.weights.twoDaysOrLess} surveys).`,
      ],
    };
  }
  return {
    title: `Average response score — ${areaName}`,
    formula: `average over the area's counted surveys; met at ${frac(r.areaAverageScore.threshold)} or more (compared exactly)`,
    logic: [
      `The same surveys as ${areaName} survey completions; only ${r.averageScore.countedQuestions.join(", ")} count; unanswered questions are left out of the sum and the divisor.`,
    ],
  };
}

export function detailsHref(criterion: BaseCriterionId | AreaCriterionId, area?: AreaSlug): string {
  return area
    ? `/membership/training-services/areas/${area}/${criterion}`
    : `/membership/training-services/${criterion}`;
}

export function downloadHref(criterion: BaseCriterionId | AreaCriterionId, area?: AreaSlug): string {
  return `/membership/training-services/download?criterion=${criterion}${area ? `&area=${area}` : ""}`;
}
