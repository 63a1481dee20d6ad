// SPEC §8 what-if simulator — re-evaluate edited figures with the same engine and planner as the
// dashboard. Pure, so the browser runs it on every keystroke; nothing is saved anywhere.
import { AREAS, type AreaSlug } from "../areas";
import { assertValidAggregates, emptyAggregates } from "./aggregates";
import { evaluateTrainingServices } from "./evaluate";
import { planTrainingServices, type TsPlan } from "./planner";
import type { TsRuleset } from "./ruleset";
import type { TsAggregates, TsEvaluation } from "./types";

export type TsSimulation = { ok: true; evaluation: TsEvaluation; plan: TsPlan } | { ok: false; error: string };

/** Whole numbers from form text; "" counts as 0. Returns null for anything else. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (t === "") return 0;
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/** Evaluates edited aggregates, or explains why they are impossible (e.g. an answer sum above 5 × answers). */
export function simulateTrainingServices(agg: TsAggregates, ruleset: TsRuleset): TsSimulation {
  try {
    assertValidAggregates(agg);
    return { ok: true, evaluation: evaluateTrainingServices(agg, ruleset), plan: planTrainingServices(agg, ruleset) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

type Group = "completions" | "vouchers" | "surveys" | "area";

/** One editable figure of the aggregates. `label` is unique (it names the area for area figures). */
export type TsField = {
  id: string;
  group: Group;
  area: AreaSlug | null;
  label: string;
  short: string;
  get: (a: TsAggregates) => number;
  set: (a: TsAggregates, n: number) => void;
};

const AREA_FIGURES = [
  ["twoDaysOrLess", "two-days-or-less surveys"],
  ["threeDaysOrMore", "three-days-or-more surveys"],
  ["answerCount", "answered counted questions"],
  ["answerSum", "sum of answers"],
] as const;

/** Every figure the Training Services engine reads (SPEC §3), in display order. */
export const TS_FIELDS: readonly TsField[] = [
  {
    id: "completions.fundamentals",
    group: "completions",
    area: null,
    short: "Fundamentals",
    label: "Fundamentals completions",
    get: (a) => a.completions.fundamentals,
    set: (a, n) => {
      a.completions.fundamentals = n;
    },
  },
  {
    id: "completions.twoDaysOrLess",
    group: "completions",
    area: null,
    short: "Two days or less",
    label: "Two-days-or-less completions",
    get: (a) => a.completions.twoDaysOrLess,
    set: (a, n) => {
      a.completions.twoDaysOrLess = n;
    },
  },
  {
    id: "completions.threeDaysOrMore",
    group: "completions",
    area: null,
    short: "Three days or more",
    label: "Three-days-or-more completions",
    get: (a) => a.completions.threeDaysOrMore,
    set: (a, n) => {
      a.completions.threeDaysOrMore = n;
    },
  },
  {
    id: "vouchers.fundamentals",
    group: "vouchers",
    area: null,
    short: "Fundamentals",
    label: "Fundamentals exam vouchers",
    get: (a) => a.vouchers.fundamentals,
    set: (a, n) => {
      a.vouchers.fundamentals = n;
    },
  },
  {
    id: "vouchers.advanced",
    group: "vouchers",
    area: null,
    short: "Advanced",
    label: "Advanced exam vouchers",
    get: (a) => a.vouchers.advanced,
    set: (a, n) => {
      a.vouchers.advanced = n;
    },
  },
  {
    id: "surveys.surveyCount",
    group: "surveys",
    area: null,
    short: "Counted surveys",
    label: "Counted surveys",
    get: (a) => a.surveys.surveyCount,
    set: (a, n) => {
      a.surveys.surveyCount = n;
    },
  },
  {
    id: "surveys.answerCount",
    group: "surveys",
    area: null,
    short: "Answered counted questions",
    label: "Answered counted questions (all counted surveys)",
    get: (a) => a.surveys.answerCount,
    set: (a, n) => {
      a.surveys.answerCount = n;
    },
  },
  {
    id: "surveys.answerSum",
    group: "surveys",
    area: null,
    short: "Sum of answers",
    label: "Sum of answers (all counted surveys)",
    get: (a) => a.surveys.answerSum,
    set: (a, n) => {
      a.surveys.answerSum = n;
    },
  },
  ...AREAS.flatMap((area) =>
    AREA_FIGURES.map(
      ([key, name]): TsField => ({
        id: `areas.${area.slug}.${key}`,
        group: "area",
        area: area.slug,
        short: name,
        label: `${area.label}: ${name}`,
        get: (a) => a.areas[area.slug][key],
        set: (a, n) => {
          a.areas[area.slug][key] = n;
        },
      }),
    ),
  ),
];

/** Form text per field id (every figure as text). */
export function fieldsText(a: TsAggregates): Record<string, string> {
  return Object.fromEntries(TS_FIELDS.map((f) => [f.id, String(f.get(a))]));
}

/** The aggregates the form describes, and the ids of the figures that are not whole numbers ≥ 0. */
export function aggregatesFromText(text: Record<string, string>): { aggregates: TsAggregates; invalid: string[] } {
  const out = emptyAggregates();
  const invalid: string[] = [];
  for (const f of TS_FIELDS) {
    const n = parseCount(text[f.id] ?? "");
    if (n === null) invalid.push(f.id);
    else f.set(out, n);
  }
  return { aggregates: out, invalid };
}
