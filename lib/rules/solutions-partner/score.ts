// SPEC §4.1 / §4.4 — scoring one metric of one area and track from the raw inputs, exactly.
import type { AreaSlug } from "../areas";
import type { Fraction } from "../fraction";
import * as F from "../fraction";
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
import { type StepResult, scoreSteps } from "./steps";
import { associationsText, deploymentAssociationsText, deploymentUnitText, formatAmount, MEASURE_UNITS } from "./text";
import type { Category, MetricId, MetricRule, Track, UsagePart } from "./types";

/** One scored association choice (pool or option) or usage part. */
export type Candidate = {
  label: string;
  key: string;
  value: Fraction;
  threshold: number;
  points: Fraction;
  /** Why a percentage is 0 (no baseline, entry condition not met). */
  note?: string;
};

export type MetricResult = {
  id: MetricId;
  category: Category;
  source: MetricRule["source"];
  criteria: string;
  /** The measured amount in `unit` (step models: people in the elective/per-person step). */
  value: number;
  valueExact: Fraction;
  unit: string;
  /** Amount of `value` that earns the max (step models: per-person people needed once every gate is met). */
  threshold: number;
  max: number;
  points: number;
  pointsExact: Fraction;
  pointsText: string;
  /** Which association option, pool, part or steps produced the points, in words. */
  producedBy: string;
  candidates: Candidate[];
  steps?: StepResult[];
  note?: string;
};

/** SPEC §4.1: min(max, value / threshold × max), never below 0. */
export function proportionalPoints(value: Fraction, threshold: number, max: number): Fraction {
  if (value.n <= 0n) return F.ZERO;
  return F.min(F.fromInt(max), F.div(F.mul(value, F.fromInt(max)), F.fromInt(threshold)));
}

/** Best candidate: most points, then closest to its threshold, then the first listed. */
function best(cands: Candidate[]): Candidate {
  let b = cands[0];
  for (const c of cands.slice(1)) {
    const byPoints = F.compare(c.points, b.points);
    if (
      byPoints > 0 ||
      (byPoints === 0 && F.gt(F.div(c.value, F.fromInt(c.threshold)), F.div(b.value, F.fromInt(b.threshold))))
    )
      b = c;
  }
  return b;
}

const netOf = (atEnd: number, atStart: number) => F.max(F.ZERO, F.fromInt(atEnd - atStart)); // floor 0

function usageCandidates(
  area: AreaSlug,
  part: UsagePart,
  mode: "absolute" | "percentage",
  max: number,
  inputs: InputValues,
): Candidate[] {
  return associationChoices(part.associations).map((c) => {
    const key = usageKey(area, part.measure, c.associations);
    const u = readInput(inputs, key, "usage");
    const current = F.fromDecimal(u.current);
    const earlier = F.fromDecimal(u.yearEarlier);
    const growth = F.sub(current, earlier);
    const label = `${part.label} ${associationsText(c.associations)}`;
    let value = growth;
    let note: string | undefined;
    if (mode === "percentage") {
      const entry = part.entry;
      if (earlier.n <= 0n) note = "no usage a year earlier, so growth counts as 0%";
      else if (entry?.kind === "baseline-at-least" && F.lt(earlier, F.fromInt(entry.amount)))
        note = `usage a year earlier (${formatAmount(earlier)}) is below the entry baseline of ${formatAmount(entry.amount)}`;
      else if (entry?.kind === "window-total-at-least" && F.lt(F.fromDecimal(u.windowTotal), F.fromInt(entry.amount)))
        note = `the 12-month total (${formatAmount(F.fromDecimal(u.windowTotal))}) is below ${formatAmount(entry.amount)}`;
      value = note ? F.ZERO : F.div(F.mul(growth, F.fromInt(100)), earlier);
    }
    return { label, key, value, threshold: c.threshold, points: proportionalPoints(value, c.threshold, max), note };
  });
}

export function scoreMetric(area: AreaSlug, track: Track, rule: MetricRule, inputs: InputValues): MetricResult {
  const base = { id: rule.id, category: rule.category, source: rule.source, criteria: rule.criteria, max: rule.max };
  const maxF = F.fromInt(rule.max);
  const finish = (r: Omit<MetricResult, keyof typeof base | "points" | "pointsText" | "value">): MetricResult => ({
    ...base,
    ...r,
    value: F.toNumber(r.valueExact),
    points: F.toNumber(r.pointsExact),
    pointsText: F.formatOneDecimal(r.pointsExact),
  });
  const fromChoices = (cands: Candidate[], unit: string): MetricResult => {
    const b = best(cands);
    const producedBy = cands.length > 1 ? `${b.label} (best of ${cands.length} options)` : b.label;
    return finish({
      valueExact: b.value,
      unit,
      threshold: b.threshold,
      pointsExact: b.points,
      producedBy,
      candidates: cands,
      note: b.note,
    });
  };

  switch (rule.source) {
    case "customers":
      return fromChoices(
        associationChoices(rule.associations).map((c) => {
          const key = customersKey(area, track, c.associations);
          const v = readInput(inputs, key, "customers");
          const value = netOf(v.atEnd, v.atStart);
          return {
            label: `net customer adds ${associationsText(c.associations)}`,
            key,
            value,
            threshold: c.threshold,
            points: proportionalPoints(value, c.threshold, rule.max),
          };
        }),
        "customers",
      );
    case "deployments":
      return fromChoices(
        associationChoices(rule.associations).map((c) => {
          const key = deploymentsKey(area, c.associations);
          const v = readInput(inputs, key, "deployments");
          const value = netOf(v.atEnd, v.atStart);
          return {
            label: `${deploymentUnitText(rule).label} ${deploymentAssociationsText(rule, c.associations)}`,
            key,
            value,
            threshold: c.threshold,
            points: proportionalPoints(value, c.threshold, rule.max),
          };
        }),
        rule.unit === "customer" ? "customers" : "deployments",
      );
    case "azure-services":
      return fromChoices(
        associationChoices(rule.associations).map((c) => {
          const key = azureServicesKey(area, c.associations);
          const value = F.fromInt(readInput(inputs, key, "azure-services").services);
          return {
            label: `distinct Azure services ${associationsText(c.associations)}`,
            key,
            value,
            threshold: c.threshold,
            points: proportionalPoints(value, c.threshold, rule.max),
          };
        }),
        "services",
      );
    case "certifications": {
      if (rule.model.kind === "proportional") {
        const key = certificationsKey(area, rule.level, null);
        const value = F.fromInt(readInput(inputs, key, "certifications").persons);
        const points = proportionalPoints(value, rule.model.threshold, rule.max);
        const cand = {
          label: `people with an ${rule.level} certification`,
          key,
          value,
          threshold: rule.model.threshold,
          points,
        };
        return finish({
          valueExact: value,
          unit: "people",
          threshold: rule.model.threshold,
          pointsExact: points,
          producedBy: cand.label,
          candidates: [cand],
        });
      }
      const s = scoreSteps(area, rule.level, rule.model.steps, rule.max, inputs);
      return finish({
        valueExact: F.fromInt(s.perPersonCount),
        unit: "people",
        threshold: s.perPersonThreshold,
        pointsExact: s.points,
        producedBy: s.producedBy,
        candidates: [],
        steps: s.steps,
      });
    }
    case "usage": {
      const unit = rule.mode === "percentage" ? "%" : MEASURE_UNITS[rule.parts[0].measure].many;
      if (rule.parts.length === 1)
        return fromChoices(usageCandidates(area, rule.parts[0], rule.mode, rule.max, inputs), unit);
      // Security: each part scored on its own (best option), points added, then capped (SPEC §4.4).
      const parts = rule.parts.map((p) => best(usageCandidates(area, p, rule.mode, rule.max, inputs)));
      const uncapped = F.sum(parts.map((p) => p.points));
      const pointsExact = F.min(maxF, uncapped);
      const producedBy =
        parts.map((p) => `${p.label}: ${F.formatOneDecimal(p.points)}`).join(" + ") +
        (F.gt(uncapped, maxF) ? ` (capped at ${rule.max})` : "");
      return finish({
        valueExact: uncapped,
        unit: "points before the cap",
        threshold: rule.max,
        pointsExact,
        producedBy,
        candidates: parts,
      });
    }
  }
}
