// SPEC §8 gap planner for Solutions Partner — per metric of an area and track: the smallest
// change (in the metric's own units) that earns the metric's max, and when it is at 0 the
// smallest that earns any points; when the track qualifies, the headroom: how much of each
// metric may be lost before the track stops qualifying. Every answer is found by re-evaluating
// the track with the same engine (levers.ts for additions; a search over losses here).
import type { AreaSlug } from "../areas";
import * as F from "../fraction";
import { evaluateTrack } from "./evaluate";
import {
  associationChoices,
  azureServicesKey,
  certificationsKey,
  customersKey,
  deploymentsKey,
  type InputValues,
  readInput,
  usageKey,
} from "./inputs";
import { type Adjustment, applyAdjustments, type Change, leversFor } from "./levers";
import { METRIC_NAMES } from "./recommendations";
import { associationsText, deploymentAssociationsText, formatAmount, MEASURE_UNITS } from "./text";
import type { MetricId, MetricRule, SpRuleset, Track } from "./types";

/** Largest loss of one input that keeps the track qualified. `any`: losing all of it still qualifies. */
export type Loss = { label: string; amount: number; unit: string; any: boolean; text: string };

export type MetricPlan = {
  metric: MetricId;
  name: string;
  pointsText: string;
  max: number;
  atZero: boolean;
  atMax: boolean;
  /** Ways to earn the max, the least effort (amount ÷ threshold) first. */
  toMax: Change[];
  /** When at 0: ways to earn more than 0 points, least effort first. */
  toScore: Change[];
  /** Levers that cannot help this window, and why. */
  blocked: string[];
  /** When the track qualifies: the losses it can absorb, one per input that feeds the metric. */
  headroom: Loss[] | null;
  sentence: string;
};

export type TrackPlan = {
  area: AreaSlug;
  track: Track;
  qualified: boolean;
  totalText: string;
  spareText: string | null;
  metrics: MetricPlan[];
};

const byEffort = (changes: { change: Change; threshold: number }[]) =>
  changes
    .sort((a, b) => a.change.amount / Math.max(1, a.threshold) - b.change.amount / Math.max(1, b.threshold))
    .map((c) => c.change);

type LossTarget = { label: string; unit: [string, string]; cap: number; adjust: (x: number) => Adjustment[] };

/** The inputs whose decrease lowers the metric, each with the most that can be taken away. */
function lossTargets(area: AreaSlug, track: Track, rule: MetricRule, inputs: InputValues): LossTarget[] {
  const one = (key: string, field: string, cap: number, label: string, unit: [string, string]): LossTarget => ({
    label,
    unit,
    cap,
    adjust: (x) => [{ key, field, by: -x }],
  });
  switch (rule.source) {
    case "customers":
      return associationChoices(rule.associations).map((c) => {
        const key = customersKey(area, track, c.associations);
        return one(key, "atEnd", readInput(inputs, key, "customers").atEnd, associationsText(c.associations), [
          "net customer",
          "net customers",
        ]);
      });
    case "deployments":
      return associationChoices(rule.associations).map((c) => {
        const key = deploymentsKey(area, c.associations);
        const unit: [string, string] =
          rule.unit === "customer"
            ? ["customer (tenant) with a deployment", "customers (tenants) with a deployment"]
            : ["net new deployment", "net new deployments"];
        const label = deploymentAssociationsText(rule, c.associations);
        return one(key, "atEnd", readInput(inputs, key, "deployments").atEnd, label, unit);
      });
    case "azure-services":
      return associationChoices(rule.associations).map((c) => {
        const key = azureServicesKey(area, c.associations);
        return one(
          key,
          "services",
          readInput(inputs, key, "azure-services").services,
          associationsText(c.associations),
          ["Azure service", "Azure services"],
        );
      });
    case "certifications": {
      const steps =
        rule.model.kind === "steps"
          ? rule.model.steps.map((s) => ({ step: s.step, label: s.label }))
          : [{ step: null, label: "" }];
      return steps.map(({ step, label }) => {
        const key = certificationsKey(area, rule.level, step);
        return one(key, "persons", readInput(inputs, key, "certifications").persons, label, [
          "certified person",
          "certified people",
        ]);
      });
    }
    case "usage":
      return rule.parts.flatMap((part) =>
        associationChoices(part.associations).flatMap((c): LossTarget[] => {
          const key = usageKey(area, part.measure, c.associations);
          const u = readInput(inputs, key, "usage");
          const growth = F.floor(F.sub(F.fromDecimal(u.current), F.fromDecimal(u.yearEarlier)));
          if (growth <= 0n) return [];
          const m = MEASURE_UNITS[part.measure];
          return [
            {
              label: `${part.label} ${associationsText(c.associations)}`,
              unit: [m.one, m.many],
              cap: Number(growth),
              adjust: (x) => [
                { key, field: "current", by: -x },
                { key, field: "windowTotal", by: -x },
              ],
            },
          ];
        }),
      );
  }
}

/** Largest x in [0, cap] with ok(x), ok monotone (true then false); ok(0) must hold. */
function largest(cap: number, ok: (x: number) => boolean): number {
  if (ok(cap)) return cap;
  let lo = 0;
  let hi = cap; // ok(lo) true, ok(hi) false
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

function headroomOf(ruleset: SpRuleset, area: AreaSlug, track: Track, rule: MetricRule, inputs: InputValues): Loss[] {
  const after = (adj: Adjustment[]) => evaluateTrack(ruleset, area, track, applyAdjustments(inputs, adj));
  const qualifies = (adj: Adjustment[]) => after(adj).qualified;
  const points = (adj: Adjustment[]) => after(adj).metrics.find((m) => m.id === rule.id)!.pointsExact;
  const nowPoints = points([]);
  return (
    lossTargets(area, track, rule, inputs)
      // Inputs that do not feed the metric's points (an option that is not the best) are left out.
      .filter((t) => t.cap > 0 && !F.eq(points(t.adjust(t.cap)), nowPoints))
      .map((t) => {
        const amount = largest(t.cap, (x) => qualifies(t.adjust(x)));
        const any = amount === t.cap;
        const what = `${formatAmount(amount)} ${amount === 1 ? t.unit[0] : t.unit[1]}`;
        const where = t.label ? ` (${t.label})` : "";
        const text = any
          ? `all ${formatAmount(t.cap)} ${t.cap === 1 ? t.unit[0] : t.unit[1]}${where} may go`
          : amount === 0
            ? `not one ${t.unit[0]}${where} may be lost`
            : `up to ${what}${where} may be lost`;
        return { label: t.label, amount, unit: t.unit[1], any, text };
      })
  );
}

function sentenceOf(p: Omit<MetricPlan, "sentence">): string {
  const head = `${p.name} (${p.pointsText} of ${p.max} points)`;
  const ways = (cs: Change[]) =>
    cs
      .slice(0, 3)
      .map((c) => c.text)
      .join("; or ");
  const parts: string[] = [];
  if (p.atZero)
    parts.push(
      p.toScore.length ? `to earn any points: ${ways(p.toScore)}` : "no single change earns points this window",
    );
  if (!p.atMax)
    parts.push(
      p.toMax.length
        ? `for the full ${p.max}: ${ways(p.toMax)}`
        : `the full ${p.max} cannot be reached by one change this window`,
    );
  if (p.headroom) {
    parts.push(
      p.headroom.length
        ? `headroom before the area stops qualifying: ${p.headroom.map((l) => l.text).join("; ")}`
        : "headroom: none",
    );
  }
  if (parts.length === 0) parts.push("at its max");
  return `${head}: ${parts.join("; ")}.`;
}

/** SPEC §8: the gap plan of every metric of one area and track. */
export function planSolutionsPartnerTrack(
  ruleset: SpRuleset,
  area: AreaSlug,
  track: Track,
  inputs: InputValues,
): TrackPlan {
  const now = evaluateTrack(ruleset, area, track, inputs);
  const rules = ruleset.areas[area].tracks[track];
  const metrics = now.metrics.map((m): MetricPlan => {
    const rule = rules.find((r) => r.id === m.id)!;
    const levers = leversFor(ruleset, area, track, rule, inputs);
    const pointsOf = (i: InputValues) =>
      evaluateTrack(ruleset, area, track, i).metrics.find((x) => x.id === m.id)!.pointsExact;
    const solve = (ok: (i: InputValues) => boolean) =>
      byEffort(
        levers.flatMap((l) => {
          const change = l.solve(inputs, ok);
          return change ? [{ change, threshold: l.threshold }] : [];
        }),
      );
    const maxF = F.fromInt(m.max);
    const atMax = F.gte(m.pointsExact, maxF);
    const atZero = !F.gt(m.pointsExact, F.ZERO);
    const plan: Omit<MetricPlan, "sentence"> = {
      metric: m.id,
      name: METRIC_NAMES[m.id],
      pointsText: m.pointsText,
      max: m.max,
      atZero,
      atMax,
      toMax: atMax ? [] : solve((i) => F.gte(pointsOf(i), maxF)),
      toScore: atZero ? solve((i) => F.gt(pointsOf(i), F.ZERO)) : [],
      blocked: levers.flatMap((l) => (l.blocked ? [l.blocked] : [])),
      headroom: now.qualified ? headroomOf(ruleset, area, track, rule, inputs) : null,
    };
    return { ...plan, sentence: sentenceOf(plan) };
  });
  const spare = F.sub(now.totalExact, F.fromInt(ruleset.passMark));
  const spareText = now.qualified
    ? `${F.formatOneDecimal(spare)} points above the pass mark of ${ruleset.passMark}`
    : null;
  return { area, track, qualified: now.qualified, totalText: now.totalText, spareText, metrics };
}
