// SPEC §4.4 — the contract between the PCS engine and the SQL layer.
//
// inputRequests(ruleset) lists every raw aggregate the database must supply, each with a stable
// string `key`. The SQL layer returns Record<key, InputValue>. Definitions (M = the window's last
// month, end(M) its last day, M−12 the same month a year earlier, window = the 12 months ending M,
// all for one organization, rows of `area` only, `associations` = rows whose association is listed):
//  customers       {atEnd, atStart}: COUNT(DISTINCT customer_id) with segment = `segment`, eligible
//                  at end(M) / at end(M−12) (eligible_from ≤ D and (eligible_until IS NULL or > D)).
//  certifications  {persons}: COUNT(DISTINCT person_id) holding ≥ 1 of the `credentials`: every
//                  exam of one of its `earnedBy` lists valid on data_through (earned_on ≤ data_through
//                  and (expires_on IS NULL or expires_on ≥ data_through)), and the credential's
//                  `countsUntil` empty or ≥ data_through. No area/level/step filter in SQL: the
//                  credentials already encode it. (SPEC §4.3 corrections: credentials, not exams.)
//  usage           {current, yearEarlier, windowTotal}: SUM(value) for `measure` in month M, month
//                  M−12 and over the 12 window months (0 when there are no rows; decimal strings ok).
//  deployments     {atEnd, atStart}: COUNT(DISTINCT (customer_id, workload)) — or, with unit
//                  "customer", COUNT(DISTINCT customer_id) — active at end(M) / end(M−12)
//                  (deployed_on ≤ D and (removed_on IS NULL or removed_on > D)). A workload listed in
//                  `workloadAssociations` counts only through those associations instead.
//  azure-services  {services}: COUNT(DISTINCT workload) with a row active on any day of the window
//                  (deployed_on ≤ window end and (removed_on IS NULL or removed_on >
//                  GREATEST(deployed_on, window start))), workload NOT IN `excludedWorkloads`.
//  segment-mix     {smbCustomers, enterpriseCustomers, totalCustomers}: COUNT(DISTINCT customer_id)
//                  eligible at end(M), any association, with segment smb / enterprise / either.
// Every key must be present (use zeroInputs for a blank slate); counts are non-negative integers.
import type { AreaSlug } from "../areas";
import type { CertificationCatalog, CertLevel, CertStep } from "./certification-catalog";
import { type CredentialSpec, credentialSpecs } from "./credentials";
import {
  ASSOCIATIONS,
  type Association,
  type AssociationRule,
  type DeploymentUnit,
  type MetricRule,
  type SpRuleset,
  TRACKS,
  type Track,
  type UsageMeasure,
} from "./types";

export type InputRequest =
  | { key: string; kind: "customers"; area: AreaSlug; segment: Track; associations: Association[] }
  | {
      key: string;
      kind: "certifications";
      area: AreaSlug;
      level: CertLevel;
      step: CertStep | null;
      credentials: CredentialSpec[];
    }
  | { key: string; kind: "usage"; area: AreaSlug; measure: UsageMeasure; associations: Association[] }
  | {
      key: string;
      kind: "deployments";
      area: AreaSlug;
      /** Associations of workloads not listed in workloadAssociations. */
      associations: Association[];
      unit: DeploymentUnit;
      workloadAssociations: { workload: string; associations: Association[] }[];
    }
  | { key: string; kind: "azure-services"; area: AreaSlug; associations: Association[]; excludedWorkloads: string[] }
  | { key: string; kind: "segment-mix"; area: AreaSlug };

export type CustomersValue = { atEnd: number; atStart: number };
export type CertificationsValue = { persons: number };
/** Sums of usage.value; a decimal string (PostgreSQL numeric) is read exactly. */
export type UsageValue = { current: number | string; yearEarlier: number | string; windowTotal: number | string };
export type DeploymentsValue = { atEnd: number; atStart: number };
export type AzureServicesValue = { services: number };
export type SegmentMixValue = { smbCustomers: number; enterpriseCustomers: number; totalCustomers: number };
export type InputValue =
  | CustomersValue
  | CertificationsValue
  | UsageValue
  | DeploymentsValue
  | AzureServicesValue
  | SegmentMixValue;
export type InputValues = Record<string, InputValue>;

export type InputValueOf = {
  customers: CustomersValue;
  certifications: CertificationsValue;
  usage: UsageValue;
  deployments: DeploymentsValue;
  "azure-services": AzureServicesValue;
  "segment-mix": SegmentMixValue;
};

/** Associations in canonical order (cpor, dpor, csp, pal), without duplicates. */
export function canonicalAssociations(list: readonly Association[]): Association[] {
  return ASSOCIATIONS.filter((a) => list.includes(a));
}
const assocKey = (list: readonly Association[]) => canonicalAssociations(list).join("+");

export const customersKey = (area: AreaSlug, segment: Track, a: readonly Association[]) =>
  `customers:${area}:${segment}:${assocKey(a)}`;
export const certificationsKey = (area: AreaSlug, level: CertLevel, step: CertStep | null) =>
  `certifications:${area}:${level}:${step ?? "all"}`;
export const usageKey = (area: AreaSlug, measure: UsageMeasure, a: readonly Association[]) =>
  `usage:${area}:${measure}:${assocKey(a)}`;
export const deploymentsKey = (area: AreaSlug, a: readonly Association[]) => `deployments:${area}:${assocKey(a)}`;
export const azureServicesKey = (area: AreaSlug, a: readonly Association[]) => `azure-services:${area}:${assocKey(a)}`;
export const segmentMixKey = (area: AreaSlug) => `segment-mix:${area}`;

/** One scored association choice: a pool (one entry) or each option of an options rule. */
export type AssociationChoice = { label: string; associations: Association[]; threshold: number };

export function associationChoices(rule: AssociationRule): AssociationChoice[] {
  if (rule.mode === "pool") {
    const associations = canonicalAssociations(rule.associations);
    return [{ label: associations.map((a) => a.toUpperCase()).join(", "), associations, threshold: rule.threshold }];
  }
  return rule.options.map((o) => ({
    label: o.association.toUpperCase(),
    associations: [o.association],
    threshold: o.threshold,
  }));
}

/** Every distinct request the ruleset needs, in a stable order (areas, tracks, metrics). */
export function inputRequests(ruleset: SpRuleset, catalog: CertificationCatalog = ruleset.catalog): InputRequest[] {
  const out = new Map<string, InputRequest>();
  const put = (r: InputRequest) => {
    if (!out.has(r.key)) out.set(r.key, r);
  };
  for (const [area, rules] of Object.entries(ruleset.areas) as [AreaSlug, SpRuleset["areas"][AreaSlug]][]) {
    if (rules.trackRule.kind !== "best-of") put({ key: segmentMixKey(area), kind: "segment-mix", area });
    for (const track of TRACKS) {
      for (const m of rules.tracks[track]) {
        switch (m.source) {
          case "customers":
            for (const c of associationChoices(m.associations))
              put({
                key: customersKey(area, track, c.associations),
                kind: "customers",
                area,
                segment: track,
                associations: c.associations,
              });
            break;
          case "certifications": {
            const steps = m.model.kind === "steps" ? m.model.steps.map((s) => s.step) : [null];
            for (const step of steps)
              put({
                key: certificationsKey(area, m.level, step),
                kind: "certifications",
                area,
                level: m.level,
                step,
                credentials: credentialSpecs(catalog, area, m.level, step),
              });
            break;
          }
          case "usage":
            for (const part of m.parts)
              for (const c of associationChoices(part.associations))
                put({
                  key: usageKey(area, part.measure, c.associations),
                  kind: "usage",
                  area,
                  measure: part.measure,
                  associations: c.associations,
                });
            break;
          case "deployments":
            for (const c of associationChoices(m.associations))
              put({ key: deploymentsKey(area, c.associations), kind: "deployments", area, ...deploymentScope(m, c) });
            break;
          case "azure-services":
            for (const c of associationChoices(m.associations))
              put({
                key: azureServicesKey(area, c.associations),
                kind: "azure-services",
                area,
                associations: c.associations,
                excludedWorkloads: [...m.excludedWorkloads],
              });
            break;
        }
      }
    }
  }
  return [...out.values()];
}

/**
 * SPEC §4.3 corrections: which associations count for each workload under one association choice
 * (the family's associations that the choice lists), and what a deployment counts as.
 */
export function deploymentScope(
  rule: Extract<MetricRule, { source: "deployments" }>,
  choice: AssociationChoice,
): Pick<Extract<InputRequest, { kind: "deployments" }>, "associations" | "unit" | "workloadAssociations"> {
  const within = (list: readonly Association[]) =>
    canonicalAssociations(list.filter((a) => choice.associations.includes(a)));
  const families = rule.families ?? [];
  if (families.length && rule.unit === "customer")
    throw new RangeError("workload families are counted per (customer, workload) pair only");
  const other = families.find((f) => f.workloads === "other");
  return {
    associations: other ? within(other.associations) : choice.associations,
    unit: rule.unit,
    workloadAssociations: families.flatMap((f) =>
      f.workloads === "other"
        ? []
        : f.workloads.map((workload) => ({ workload, associations: within(f.associations) })),
    ),
  };
}

const ZERO_VALUES: { [K in InputRequest["kind"]]: InputValueOf[K] } = {
  customers: { atEnd: 0, atStart: 0 },
  certifications: { persons: 0 },
  usage: { current: 0, yearEarlier: 0, windowTotal: 0 },
  deployments: { atEnd: 0, atStart: 0 },
  "azure-services": { services: 0 },
  "segment-mix": { smbCustomers: 0, enterpriseCustomers: 0, totalCustomers: 0 },
};

/** Every requested key set to zeros (an organization with no data). */
export function zeroInputs(ruleset: SpRuleset): InputValues {
  return Object.fromEntries(inputRequests(ruleset).map((r) => [r.key, { ...ZERO_VALUES[r.kind] }]));
}

export class MissingInputError extends Error {
  constructor(
    readonly key: string,
    detail = "is missing",
  ) {
    super(`Solutions Partner input "${key}" ${detail}`);
    this.name = "MissingInputError";
  }
}

/** The value for `key`, checked to have the fields of `kind` (counts: non-negative integers). */
export function readInput<K extends InputRequest["kind"]>(inputs: InputValues, key: string, kind: K): InputValueOf[K] {
  const v = inputs[key] as Record<string, unknown> | undefined;
  if (v === undefined) throw new MissingInputError(key);
  // Present but not an object (a damaged stored snapshot) is not "missing": that would send the reader of the log
  // looking for a request that was never computed.
  if (v === null || typeof v !== "object")
    throw new MissingInputError(key, `is not a ${kind} value (found ${v === null ? "null" : `a ${typeof v}`})`);
  for (const field of Object.keys(ZERO_VALUES[kind])) {
    const x = v[field];
    const ok =
      kind === "usage"
        ? (typeof x === "number" && Number.isFinite(x)) || (typeof x === "string" && x.trim() !== "")
        : typeof x === "number" && Number.isSafeInteger(x) && x >= 0;
    if (!ok) throw new MissingInputError(key, `has an invalid ${field}: ${String(x)}`);
  }
  return v as InputValueOf[K];
}
