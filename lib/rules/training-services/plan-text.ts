// SPEC §8 gap planner — the English sentence for each criterion plan (see planner.ts).
import { formatCount } from "../number-format";
import { formatAverageExact, formatPoints } from "./format";
import type { Headroom, PlanKind, PlanOption } from "./planner";
import type { TsRuleset } from "./ruleset";
import type { AverageCriterion, PointsCriterion } from "./types";

/** [qualifier, noun] per unit, e.g. "three-day" + "completion". */
export const UNITS: Record<PlanKind, [string, string]> = {
  "completions.threeDaysOrMore": ["three-day", "completion"],
  "completions.twoDaysOrLess": ["two-day", "completion"],
  "completions.fundamentals": ["fundamentals", "completion"],
  "vouchers.advanced": ["advanced", "exam voucher"],
  "vouchers.fundamentals": ["fundamentals", "exam voucher"],
  "surveys.allMax": ["", "survey"],
  "area.threeDaysOrMore": ["three-day course", "survey"],
  "area.twoDaysOrLess": ["two-day course", "survey"],
  "area.allMax": ["", "survey"],
};

const plural = (n: number | null, noun: string) => (n === 1 ? noun : `${noun}s`);
const num = formatCount;

/** "274 two-day or fundamentals completions" — options of the same count and noun merged. */
export function phrase(opts: PlanOption[], more: boolean): string {
  const noun = UNITS[opts[0].kind][1];
  const quals = opts.map((o) => UNITS[o.kind][0]).join(" or ");
  return `${num(opts[0].count)} ${more ? "more " : ""}${quals} ${plural(opts[0].count, noun)}`;
}

/** Sentence for a points criterion: the additions when not met, the headroom when met. */
export function pointsSentence(
  label: string,
  c: PointsCriterion,
  options: PlanOption[],
  headroom: Headroom | null,
): string {
  if (headroom) {
    const losses = headroom.losses
      .filter((l) => l.count !== 0)
      .map((l) => {
        const [q, n] = UNITS[l.kind];
        return `${num(l.count ?? 0)} ${q} ${plural(l.count, n)}`;
      });
    const spare = headroom.halfPoints
      ? `${label}: met, ${formatPoints(headroom.points ?? 0)} points above the ${formatPoints(c.threshold)}-point threshold`
      : `${label}: met exactly at the ${formatPoints(c.threshold)}-point threshold`;
    if (losses.length === 0) return `${spare}; any loss would fail it.`;
    return `${spare}; it stays met if up to ${losses.join(", or ")} leave the window.`;
  }
  const groups: PlanOption[][] = [];
  for (const o of options.filter((o) => o.meets)) {
    const g = groups.find((g) => g[0].count === o.count && UNITS[g[0].kind][1] === UNITS[o.kind][1]);
    if (g) g.push(o);
    else groups.push([o]);
  }
  const main = groups.map((g, i) => phrase(g, i === 0)).join(" — or ");
  const notes = options
    .filter((o) => !o.meets)
    .map((o) => {
      const [q, n] = UNITS[o.kind];
      const cap = `the ${formatPoints(o.capPoints ?? 0)}-point cap`;
      return o.count === 0
        ? `${q} ${n}s no longer count, ${cap} is reached`
        : `${q} ${n}s count for only ${num(o.count)} more, up to ${cap}`;
    });
  const have = `${formatPoints(c.points)} of ${formatPoints(c.threshold)} points`;
  return `${label} (${have}): ${main || "no addition alone can meet it"}${notes.length ? `; ${notes.join("; ")}` : ""}.`;
}

/** Sentence for an average criterion. */
export function averageSentence(
  label: string,
  c: AverageCriterion,
  option: PlanOption | null,
  headroom: Headroom | null,
  r: TsRuleset,
): string {
  const { min, max } = r.averageScore.answerScale;
  const target = formatAverageExact(c.thresholdFraction.num, c.thresholdFraction.den);
  let now = c.count === 0 ? "no score yet" : formatAverageExact(c.sum, c.count);
  if (!c.meets && now === target) now = `just under ${target}`; // 4.2499 rounds to 4.25 but fails
  if (headroom) {
    const k = headroom.losses[0].count;
    if (k === null) return `${label}: met (${now} ≥ ${target}); it cannot fall below the threshold.`;
    return `${label}: met (${now} ≥ ${target}); it stays met with up to ${num(k)} more ${plural(k, "survey")} answering ${min} on every counted question.`;
  }
  if (!option?.meets) return `${label} (${now}): cannot reach ${target} on a ${min}–${max} scale.`;
  return `${label} (${now}, needs ${target}): the average needs ${num(option.count)} more ${plural(option.count, "survey")} answering ${max} on every counted question.`;
}
