// SPEC §8 gap planner, compact — one short line per criterion for the overview cards and the
// what-if simulator ("Needs 1 more three-day or two-day completion", "12.5 points to spare").
// The numbers are the planner's (planner.ts); only the wording is shorter.
import { formatCount } from "../number-format";
import { formatPoints } from "./format";
import { phrase, UNITS } from "./plan-text";
import type { CriterionPlan, PlanOption } from "./planner";

const num = formatCount;

export function compactPlanText(plan: CriterionPlan): string {
  if (plan.met) {
    const h = plan.headroom!;
    if (h.halfPoints !== null) {
      return h.halfPoints === 0
        ? "Met exactly: any loss would fail it"
        : `${formatPoints(h.points ?? 0)} points to spare`;
    }
    const k = h.losses[0]?.count ?? null;
    if (k === null) return "Met: cannot fall below the threshold";
    return k === 0
      ? "Met exactly: one low survey would fail it"
      : `Stays met with up to ${num(k)} more lowest-score ${k === 1 ? "survey" : "surveys"}`;
  }
  const meeting = plan.options.filter((o) => o.meets);
  if (meeting.length === 0) {
    const cap = plan.options.find((o) => !o.meets && o.capPoints !== undefined);
    return cap ? "No single addition can meet it (cap reached)" : "Cannot be met on this scale";
  }
  if (plan.criterion === "averageScore") {
    const n = meeting[0].count;
    return `Needs ${num(n)} more ${n === 1 ? "survey" : "surveys"} with the top answer on every counted question`;
  }
  const smallest = meeting.filter(
    (o) => o.count === meeting[0].count && UNITS[o.kind][1] === UNITS[meeting[0].kind][1],
  );
  return `Needs ${phrase(smallest, true)}`;
}

/** The meeting options of a plan as short phrases, smallest first ("137 more three-day completions"). */
export function planOptionPhrases(options: PlanOption[]): string[] {
  return options.filter((o) => o.meets).map((o) => phrase([o], true));
}
