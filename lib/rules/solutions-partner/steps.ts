// SPEC §4.4 certification step models: a gate step is met with its number of people and earns 0;
// an SMB required step earns its fixed points with ≥ 1 person; elective (per-person) points count
// only when every gate/required step of the track is met; the metric is capped at its max.
// People are counted per step (distinct person_id per step): one person may meet several steps.
import type { AreaSlug } from "../areas";
import type { Fraction } from "../fraction";
import * as F from "../fraction";
import type { CertLevel } from "./certification-catalog";
import { certificationsKey, type InputValues, readInput } from "./inputs";
import { formatAmount, plural } from "./text";
import type { Ratio, StepRule } from "./types";

export type StepResult = {
  step: StepRule["step"];
  role: StepRule["role"];
  label: string;
  key: string;
  persons: number;
  /** People needed to meet a gate/required step; null for an elective step. */
  minPersons: number | null;
  /** Gate/required: has enough people. Elective: its points are counted (every other step met). */
  met: boolean;
  pointsExact: Fraction;
};

export type StepsScore = {
  steps: StepResult[];
  points: Fraction;
  allRequiredMet: boolean;
  perPersonCount: number;
  perPersonThreshold: number;
  producedBy: string;
};

export const ratio = (r: Ratio): Fraction => (typeof r === "number" ? F.fromInt(r) : F.frac(r.num, r.den));

/** People in the per-person step needed for the max once every gate/required step is met. */
export function perPersonThreshold(steps: readonly StepRule[], max: number): number {
  const fixed = F.sum(steps.map((s) => (s.role === "required" ? ratio(s.points) : F.ZERO)));
  const elective = steps.find((s) => s.role === "elective");
  if (elective?.role !== "elective") return 0;
  const remaining = F.max(F.ZERO, F.sub(F.fromInt(max), fixed));
  return Number(F.ceil(F.div(remaining, ratio(elective.pointsPerPerson))));
}

export function scoreSteps(
  area: AreaSlug,
  level: CertLevel,
  rules: readonly StepRule[],
  max: number,
  inputs: InputValues,
): StepsScore {
  const counted = rules.map((r) => {
    const key = certificationsKey(area, level, r.step);
    return { r, key, persons: readInput(inputs, key, "certifications").persons };
  });
  const allRequiredMet = counted.every(({ r, persons }) => r.role === "elective" || persons >= r.minPersons);
  const steps: StepResult[] = counted.map(({ r, key, persons }) => {
    if (r.role === "elective") {
      const pts = allRequiredMet ? F.mul(F.fromInt(persons), ratio(r.pointsPerPerson)) : F.ZERO;
      return {
        step: r.step,
        role: r.role,
        label: r.label,
        key,
        persons,
        minPersons: null,
        met: allRequiredMet,
        pointsExact: pts,
      };
    }
    const met = persons >= r.minPersons;
    const pts = met && r.role === "required" ? ratio(r.points) : F.ZERO;
    return {
      step: r.step,
      role: r.role,
      label: r.label,
      key,
      persons,
      minPersons: r.minPersons,
      met,
      pointsExact: pts,
    };
  });
  const uncapped = F.sum(steps.map((s) => s.pointsExact));
  const points = F.min(F.fromInt(max), uncapped);
  const electiveStep = steps.find((s) => s.role === "elective");
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  const words = steps.map((s) => {
    if (s.role === "elective") {
      return s.met
        ? `${cap(s.label)}: ${plural(s.persons, "person", "people")} = ${F.formatOneDecimal(s.pointsExact)} points`
        : `${cap(s.label)}: ${plural(s.persons, "person", "people")}, not counted until every step is met`;
    }
    const need = `${formatAmount(s.persons)} of ${formatAmount(s.minPersons ?? 0)} needed`;
    if (s.role === "gate") return `${cap(s.label)} ${s.met ? "met" : "not met"} (${need})`;
    return `${cap(s.label)}: ${s.met ? `${F.formatOneDecimal(s.pointsExact)} points` : `0 points (${need})`}`;
  });
  return {
    steps,
    points,
    allRequiredMet,
    perPersonCount: electiveStep?.persons ?? 0,
    perPersonThreshold: perPersonThreshold(rules, max),
    producedBy: words.join("; ") + (F.gt(uncapped, points) ? ` (capped at ${max})` : ""),
  };
}
