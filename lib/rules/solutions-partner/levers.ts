// SPEC §4.6 / §8 gap planner — the smallest change to one metric's inputs, in the metric's own
// units, that makes a condition true. Found by re-evaluating (never by a float formula): the change
// found satisfies the condition and the same change with one unit less does not.
import type { AreaSlug } from "../areas";
import { areaLabel } from "../areas";
import * as F from "../fraction";
import { credentialsToEarn } from "./credentials";
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
import { perPersonThreshold } from "./steps";
import {
  associationsText,
  deploymentAssociationsText,
  deploymentUnitText,
  formatAmount,
  plural,
  trackLabel,
} from "./text";
import type { MetricId, MetricRule, SpRuleset, StepRule, Track, UsageMeasure } from "./types";

/** "A", "A or B", "A, B or C". */
const orList = (xs: string[]) =>
  xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} or ${xs[xs.length - 1]}`;

/** Add `by` to a numeric field of one input value. */
export type Adjustment = { key: string; field: string; by: number };

export type Change = {
  metric: MetricId;
  /** Size of the change in `unit` (people, customers, users, USD, deployments, services). */
  amount: number;
  unit: string;
  text: string;
  adjustments: Adjustment[];
};

export type Predicate = (inputs: InputValues) => boolean;

/** A way to raise one metric: solve returns the smallest change making `ok` true, or null. */
export type Lever = {
  metric: MetricId;
  threshold: number;
  blocked?: string;
  solve(base: InputValues, ok: Predicate): Change | null;
};

const SEARCH_LIMIT = 2 ** 50;

export function applyAdjustments(inputs: InputValues, adjustments: readonly Adjustment[]): InputValues {
  const out: InputValues = { ...inputs };
  for (const a of adjustments) {
    const v = { ...(out[a.key] as Record<string, number | string>) };
    const cur = v[a.field];
    // Usage sums may be decimal strings (PostgreSQL numeric): add to them exactly.
    v[a.field] = typeof cur === "number" ? cur + a.by : addToDecimalString(cur, a.by);
    out[a.key] = v as unknown as InputValues[string];
  }
  return out;
}

/** value + by, exactly, as a plain decimal string (usage sums may arrive as numeric strings). */
function addToDecimalString(value: string, by: number): string {
  const f = F.add(F.fromDecimal(value), F.fromInt(by));
  let scale = 1n;
  while ((scale * f.n) % f.d !== 0n) scale *= 10n; // f came from a decimal, so this ends
  const scaled = (f.n * scale) / f.d;
  const digits = scale.toString().length - 1;
  if (digits === 0) return scaled.toString();
  const abs = (scaled < 0n ? -scaled : scaled).toString().padStart(digits + 1, "0");
  return `${scaled < 0n ? "-" : ""}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Smallest integer x ≥ 1 with ok(adjust(x)), assuming monotonicity; null when none up to the limit. */
function smallest(base: InputValues, ok: Predicate, adjust: (x: number) => Adjustment[]): number | null {
  if (!ok(applyAdjustments(base, adjust(SEARCH_LIMIT)))) return null; // capped: this lever cannot do it
  let hi = 1;
  while (!ok(applyAdjustments(base, adjust(hi)))) hi *= 2;
  let lo = Math.floor(hi / 2); // ok(lo) is false (or lo = 0, the unchanged inputs)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(applyAdjustments(base, adjust(mid)))) hi = mid;
    else lo = mid;
  }
  return hi;
}

function single(
  metric: MetricId,
  threshold: number,
  unit: string,
  adjust: (x: number) => Adjustment[],
  describe: (x: number) => string,
  blocked?: string,
): Lever {
  return {
    metric,
    threshold,
    blocked,
    solve(base, ok) {
      if (blocked) return null;
      const x = smallest(base, ok, adjust);
      return x === null ? null : { metric, amount: x, unit, text: describe(x), adjustments: adjust(x) };
    },
  };
}

const MORE: Record<UsageMeasure, (x: string) => string> = {
  "azure-consumption-usd": (x) => `${x} more USD of Azure consumption last month`,
  "active-users": (x) => `${x} more active users last month`,
  "protected-users": (x) => `${x} more protected users last month`,
  "security-consumption-usd": (x) => `${x} more USD of Azure security consumption last month`,
  "consumption-value": (x) => `${x} more in monthly consumption value last month`,
};

/** Every lever of one metric of an area and track (options give one lever each). */
export function leversFor(
  ruleset: SpRuleset,
  area: AreaSlug,
  track: Track,
  rule: MetricRule,
  inputs: InputValues,
): Lever[] {
  const id = rule.id;
  switch (rule.source) {
    case "customers":
      return associationChoices(rule.associations).map((c) =>
        single(
          id,
          c.threshold,
          "customers",
          (x) => [{ key: customersKey(area, track, c.associations), field: "atEnd", by: x }],
          (x) =>
            `${plural(x, "more net customer", "more net customers")} on the ${trackLabel(track)} track (${associationsText(c.associations)})`,
        ),
      );
    case "deployments":
      return associationChoices(rule.associations).map((c) =>
        single(
          id,
          c.threshold,
          rule.unit === "customer" ? "customers" : "deployments",
          (x) => [{ key: deploymentsKey(area, c.associations), field: "atEnd", by: x }],
          (x) =>
            `${plural(x, deploymentUnitText(rule).one, deploymentUnitText(rule).many)} (${deploymentAssociationsText(rule, c.associations)})`,
        ),
      );
    case "azure-services":
      return associationChoices(rule.associations).map((c) =>
        single(
          id,
          c.threshold,
          "services",
          (x) => [{ key: azureServicesKey(area, c.associations), field: "services", by: x }],
          (x) =>
            `${plural(x, "more distinct Azure service", "more distinct Azure services")} with usage in the window (Virtual Machines excluded)`,
        ),
      );
    case "certifications": {
      if (rule.model.kind === "steps") return [stepsLever(ruleset, area, rule)];
      const key = certificationsKey(area, rule.level, null);
      const codes = credentialsToEarn(ruleset.catalog, area, rule.level, null).join(", ");
      return [
        single(
          id,
          rule.model.threshold,
          "people",
          (x) => [{ key, field: "persons", by: x }],
          (x) =>
            `${plural(x, "more person", "more people")} with an ${rule.level} ${areaLabel(area)} certification (${codes})`,
        ),
      ];
    }
    case "usage":
      return rule.parts.flatMap((part) =>
        associationChoices(part.associations).map((c) => {
          const key = usageKey(area, part.measure, c.associations);
          const u = readInput(inputs, key, "usage");
          const earlier = Number(u.yearEarlier);
          let blocked: string | undefined;
          if (rule.mode === "percentage" && !(earlier > 0))
            blocked = `${part.label} ${associationsText(c.associations)}: no usage a year earlier, so growth cannot be measured this window`;
          else if (part.entry?.kind === "baseline-at-least" && earlier < part.entry.amount)
            blocked = `${part.label} ${associationsText(c.associations)}: usage a year earlier (${formatAmount(earlier)}) is below the entry baseline of ${formatAmount(part.entry.amount)}`;
          const unit = part.measure.endsWith("-usd")
            ? "USD"
            : part.measure === "consumption-value"
              ? "consumption value"
              : part.measure.replace("-", " ");
          return single(
            id,
            c.threshold,
            unit,
            // Last month is inside the window, so it raises the 12-month total too.
            (x) => [
              { key, field: "current", by: x },
              { key, field: "windowTotal", by: x },
            ],
            (x) => `${MORE[part.measure](formatAmount(x))} (${associationsText(c.associations)})`,
            blocked,
          );
        }),
      );
  }
}

/**
 * Step models: meet missing gate/required steps first, then add per-person (elective) people.
 * Enumerates "fill this step's deficit or not" for each gate/required step and the fewest
 * electives; picks the fewest people in total, then the fewest electives (gates first).
 */
function stepsLever(
  ruleset: SpRuleset,
  area: AreaSlug,
  rule: Extract<MetricRule, { source: "certifications" }>,
): Lever {
  const steps = rule.model.kind === "steps" ? rule.model.steps : [];
  const elective = steps.find((s) => s.role === "elective");
  return {
    metric: rule.id,
    threshold: Math.max(1, perPersonThreshold(steps, rule.max)),
    solve(base, ok) {
      const persons = (step: (typeof steps)[number]) =>
        readInput(base, certificationsKey(area, rule.level, step.step), "certifications").persons;
      const fixed = steps
        .filter((s) => s.role !== "elective")
        .map((s) => ({ s, deficit: Math.max(0, s.minPersons - persons(s)) }));
      // Beyond the per-person threshold the metric is capped, so more electives never help.
      const electiveLimit = elective ? perPersonThreshold(steps, rule.max) : 0;
      let bestPlan: { adds: number[]; electives: number; total: number } | null = null;
      for (let mask = 0; mask < 1 << fixed.length; mask++) {
        const adds = fixed.map((f, i) => ((mask >> i) & 1 ? f.deficit : 0));
        if (adds.some((a, i) => (mask >> i) & 1 && a === 0)) continue; // same plan as without the bit
        for (let n = 0; n <= electiveLimit; n++) {
          const total = adds.reduce((a, b) => a + b, 0) + n;
          if (bestPlan && total > bestPlan.total) break;
          if (total === 0) continue;
          if (!ok(applyAdjustments(base, adjustmentsFor(adds, n)))) continue;
          if (!bestPlan || total < bestPlan.total || (total === bestPlan.total && n < bestPlan.electives))
            bestPlan = { adds, electives: n, total };
          break;
        }
      }
      if (!bestPlan) return null;
      const parts: { s: StepRule; x: number }[] = fixed
        .map((f, i) => ({ s: f.s, x: bestPlan!.adds[i] }))
        .filter((p) => p.x > 0);
      if (elective && bestPlan.electives > 0) parts.push({ s: elective, x: bestPlan.electives });
      const holding = (step: StepRule) => orList(credentialsToEarn(ruleset.catalog, area, rule.level, step.step));
      const text = parts
        .map((p) => `${plural(p.x, "more person", "more people")} holding ${holding(p.s)} (${p.s.label})`)
        .join(", then ");
      return {
        metric: rule.id,
        amount: bestPlan.total,
        unit: "people",
        text,
        adjustments: adjustmentsFor(bestPlan.adds, bestPlan.electives),
      };
      function adjustmentsFor(adds: number[], n: number) {
        const adj = fixed
          .map((f, i) => ({ key: certificationsKey(area, rule.level, f.s.step), field: "persons", by: adds[i] }))
          .filter((a) => a.by > 0);
        if (elective && n > 0)
          adj.push({ key: certificationsKey(area, rule.level, elective.step), field: "persons", by: n });
        return adj;
      }
    },
  };
}
