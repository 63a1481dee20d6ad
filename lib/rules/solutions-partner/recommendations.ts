// SPEC §4.6 Recommendations / §8 gap planner — why an area and track is not qualified and the
// smallest change that fixes each reason, in the metric's own units. Every change is verified by
// re-evaluating the track: applied it fixes the reason; one unit less does not (see levers.ts).
import type { AreaSlug } from "../areas";
import * as F from "../fraction";
import { evaluateTrack, type TrackEvaluation } from "./evaluate";
import type { InputValues } from "./inputs";
import { applyAdjustments, type Change, type Lever, leversFor, type Predicate } from "./levers";
import type { MetricId, SpRuleset, Track } from "./types";

export {
  type ExpiringCertification,
  type ExpiryImpact,
  type ExpiryImpactInput,
  expiringCertificationImpact,
  type MetricAtRisk,
} from "./expiring";
export { type Adjustment, applyAdjustments, type Change } from "./levers";

export const METRIC_NAMES: Record<MetricId, string> = {
  "net-customer-adds": "Net customer adds",
  "intermediate-certifications": "Intermediate certifications",
  "advanced-certifications": "Advanced certifications",
  "usage-growth": "Usage growth",
  deployments: "Deployments",
};

/** One way to fix a reason: the changes applied together (usually one), and the result. */
export type Alternative = {
  changes: Change[];
  text: string;
  totalAfter: number;
  totalAfterText: string;
  qualifiedAfter: boolean;
};

export type Recommendation = {
  reason: "below-pass-mark" | "metric-at-zero";
  /** The metric at 0 (metric-at-zero), else null. */
  metric: MetricId | null;
  text: string;
  /** Points missing to the pass mark (below-pass-mark), else null. */
  gap: number | null;
  gapText: string | null;
  /** Ways to fix the reason, the least effort (amount ÷ threshold) first; empty when none is possible. */
  alternatives: Alternative[];
  /** Levers that cannot help this window and why (e.g. below the usage entry baseline). */
  blocked: string[];
};

function alternative(
  ruleset: SpRuleset,
  area: AreaSlug,
  track: Track,
  base: InputValues,
  changes: Change[],
): Alternative {
  const after = evaluateTrack(
    ruleset,
    area,
    track,
    applyAdjustments(
      base,
      changes.flatMap((c) => c.adjustments),
    ),
  );
  return {
    changes,
    text: changes.map((c) => c.text).join("; and "),
    totalAfter: after.total,
    totalAfterText: after.totalText,
    qualifiedAfter: after.qualified,
  };
}

type Solved = { lever: Lever; change: Change; effort: number };

function solveAll(levers: Lever[], base: InputValues, ok: Predicate): Solved[] {
  const out: Solved[] = [];
  for (const lever of levers) {
    const change = lever.solve(base, ok);
    if (change) out.push({ lever, change, effort: change.amount / Math.max(1, lever.threshold) });
  }
  return out.sort((a, b) => a.effort - b.effort);
}

/**
 * Reasons the track does not qualify, each with its smallest fixes. Empty when it qualifies.
 * Below the pass mark: one metric alone where possible; otherwise a plan that fills the metrics
 * with the most headroom to their max and then adds the smallest change to the next one.
 */
export function recommend(ruleset: SpRuleset, area: AreaSlug, track: Track, inputs: InputValues): Recommendation[] {
  const now = evaluateTrack(ruleset, area, track, inputs);
  if (now.qualified) return [];
  const rules = ruleset.areas[area].tracks[track];
  const leversOf = (id: MetricId) => leversFor(ruleset, area, track, rules.find((r) => r.id === id)!, inputs);
  const reeval = (i: InputValues) => evaluateTrack(ruleset, area, track, i);
  const out: Recommendation[] = [];
  const pass = F.fromInt(ruleset.passMark);

  if (F.lt(now.totalExact, pass)) {
    const gap = F.sub(pass, now.totalExact);
    const allLevers = rules.flatMap((r) => leversOf(r.id));
    const ok: Predicate = (i) => F.gte(reeval(i).totalExact, pass);
    const singles = solveAll(allLevers, inputs, ok);
    const alternatives = singles.map((s) => alternative(ruleset, area, track, inputs, [s.change]));
    if (alternatives.length === 0) {
      const plan = combinedPlan(now, allLevers, inputs, ok, reeval);
      if (plan) alternatives.push(alternative(ruleset, area, track, inputs, plan));
    }
    out.push({
      reason: "below-pass-mark",
      metric: null,
      gap: F.toNumber(gap),
      gapText: F.formatOneDecimal(gap),
      text: `Total ${now.totalText} is ${F.formatOneDecimal(gap)} points below ${ruleset.passMark}.`,
      alternatives,
      blocked: allLevers.flatMap((l) => (l.blocked ? [l.blocked] : [])),
    });
  }

  for (const m of now.metrics) {
    if (F.gt(m.pointsExact, F.ZERO)) continue;
    const levers = leversOf(m.id);
    const ok: Predicate = (i) => F.gt(reeval(i).metrics.find((x) => x.id === m.id)!.pointsExact, F.ZERO);
    out.push({
      reason: "metric-at-zero",
      metric: m.id,
      gap: null,
      gapText: null,
      text: `${METRIC_NAMES[m.id]} earns 0 points; every metric must earn more than 0 to qualify.`,
      alternatives: solveAll(levers, inputs, ok).map((s) => alternative(ruleset, area, track, inputs, [s.change])),
      blocked: levers.flatMap((l) => (l.blocked ? [l.blocked] : [])),
    });
  }
  return out;
}

/** No single metric closes the gap: fill metrics by headroom (most first), then finish with the smallest change. */
function combinedPlan(
  now: TrackEvaluation,
  levers: Lever[],
  base: InputValues,
  ok: Predicate,
  reeval: (i: InputValues) => TrackEvaluation,
): Change[] | null {
  const order = [...now.metrics].sort((a, b) =>
    F.compare(F.sub(F.fromInt(b.max), b.pointsExact), F.sub(F.fromInt(a.max), a.pointsExact)),
  );
  let current = base;
  const plan: Change[] = [];
  for (const m of order) {
    const mine = levers.filter((l) => l.metric === m.id);
    const finish = solveAll(mine, current, ok)[0];
    if (finish) return [...plan, finish.change];
    const full: Predicate = (i) => F.gte(reeval(i).metrics.find((x) => x.id === m.id)!.pointsExact, F.fromInt(m.max));
    if (F.gte(reeval(current).metrics.find((x) => x.id === m.id)!.pointsExact, F.fromInt(m.max))) continue;
    const fill = solveAll(mine, current, full)[0];
    if (!fill) continue;
    plan.push(fill.change);
    current = applyAdjustments(current, fill.change.adjustments);
  }
  return null;
}
