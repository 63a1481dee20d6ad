// SPEC §8 what-if simulator — the raw input figures one area and track read (inputs.ts), as
// labelled form fields, and exact edits of them. Pure: the browser uses it with the engine.
import type { AreaSlug } from "../areas";
import * as F from "../fraction";
import { type InputRequest, type InputValues, inputRequests } from "./inputs";
import { associationsText, trackLabel } from "./text";
import type { SpRuleset, Track, UsageMeasure } from "./types";

export type InputField = { key: string; field: string; label: string; decimal: boolean; value: string };
export type InputGroup = { key: string; title: string; hint?: string; fields: InputField[] };

const MEASURES: Record<UsageMeasure, string> = {
  "azure-consumption-usd": "Azure consumption (USD)",
  "active-users": "Active users",
  "protected-users": "Protected users",
  "security-consumption-usd": "Azure security consumption (USD)",
  "consumption-value": "Monthly consumption value",
};

const STEP: Record<string, string> = { step1: "step 1", step2: "step 2", step3: "step 3", elective: "elective" };

/** The requests read by one area and track (plus the segment mix that assigns the track). */
export function trackRequests(ruleset: SpRuleset, area: AreaSlug, track: Track): InputRequest[] {
  const rules = ruleset.areas[area];
  const only = {
    ...rules,
    tracks: {
      enterprise: track === "enterprise" ? rules.tracks.enterprise : [],
      smb: track === "smb" ? rules.tracks.smb : [],
    },
  };
  return inputRequests({ ...ruleset, areas: { [area]: only } as SpRuleset["areas"] });
}

function describe(r: InputRequest): { title: string; hint?: string; fields: [string, string][] } {
  switch (r.kind) {
    case "customers":
      return {
        title: `Customers, ${trackLabel(r.segment)} segment (${associationsText(r.associations)})`,
        fields: [
          ["atEnd", "eligible at the end of last month"],
          ["atStart", "eligible a year earlier"],
        ],
      };
    case "certifications":
      return {
        title: `People with ${r.level} certifications${r.step ? `, ${STEP[r.step] ?? r.step}` : ""}`,
        hint: r.credentials
          .map(
            (c) =>
              c.earnedBy.map((list) => list.join(" and ")).join(" or ") +
              (c.countsUntil ? ` (counts until ${c.countsUntil})` : ""),
          )
          .join(", "),
        fields: [["persons", "people holding a valid certification"]],
      };
    case "usage":
      return {
        title: `${MEASURES[r.measure]} (${associationsText(r.associations)})`,
        fields: [
          ["current", "last month"],
          ["yearEarlier", "a year earlier"],
          ["windowTotal", "12-month total"],
        ],
      };
    case "deployments":
      return {
        title: `${r.unit === "customer" ? "Customers with a deployment" : "Deployments"} (${associationsText(r.associations)})`,
        hint: r.workloadAssociations.length
          ? `${r.workloadAssociations.map((w) => `${w.workload} ${associationsText(w.associations)}`).join(", ")}; other workloads ${associationsText(r.associations)}`
          : undefined,
        fields: [
          ["atEnd", "active at the end of last month"],
          ["atStart", "active a year earlier"],
        ],
      };
    case "azure-services":
      return {
        title: `Azure services (${associationsText(r.associations)})`,
        hint: `excluding ${r.excludedWorkloads.join(", ")}`,
        fields: [["services", "distinct services with usage in the window"]],
      };
    case "segment-mix":
      return {
        title: "Customer segments (decide the assigned track)",
        fields: [
          ["smbCustomers", "SMB customers"],
          ["enterpriseCustomers", "Enterprise customers"],
          ["totalCustomers", "all customers"],
        ],
      };
  }
}

/** Labelled fields for every input one area and track read, with their current values as text. */
export function inputGroups(ruleset: SpRuleset, area: AreaSlug, track: Track, inputs: InputValues): InputGroup[] {
  return trackRequests(ruleset, area, track).map((r) => {
    const d = describe(r);
    const v = (inputs[r.key] ?? {}) as Record<string, number | string>;
    return {
      key: r.key,
      title: d.title,
      hint: d.hint,
      fields: d.fields.map(([field, label]) => ({
        key: r.key,
        field,
        label: `${d.title}: ${label}`,
        decimal: r.kind === "usage",
        value: String(v[field] ?? 0),
      })),
    };
  });
}

/** Form text → a value the engine reads: whole numbers ≥ 0 for counts, exact decimals for usage; else null. */
export function parseField(text: string, decimal: boolean): number | string | null {
  const t = text.trim();
  if (t === "") return 0;
  if (decimal) {
    if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
    try {
      F.fromDecimal(t);
    } catch {
      return null;
    }
    return t;
  }
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/** A copy of `inputs` with one field replaced. */
export function withField(inputs: InputValues, key: string, field: string, value: number | string): InputValues {
  return { ...inputs, [key]: { ...(inputs[key] as Record<string, unknown>), [field]: value } as InputValues[string] };
}
