// SPEC §4.1–§4.4 — the shape of a Solutions Partner (PCS) ruleset, kept as versioned data.
// A new ruleset is a new object literal of type SpRuleset added to SP_RULESETS (rulesets.ts).
import type { AreaSlug } from "../areas";
import type { CertificationCatalog, CertLevel, CertStep } from "./certification-catalog";

export type Track = "enterprise" | "smb";
export const TRACKS: readonly Track[] = ["enterprise", "smb"];

/** SPEC §7 metric ids. */
export type MetricId =
  | "net-customer-adds"
  | "intermediate-certifications"
  | "advanced-certifications"
  | "usage-growth"
  | "deployments";
export const METRIC_IDS: readonly MetricId[] = [
  "net-customer-adds",
  "intermediate-certifications",
  "advanced-certifications",
  "usage-growth",
  "deployments",
];

export type Category = "performance" | "skilling" | "customer-success";

/** SPEC §6 customers/usage/deployments `association` values. */
export type Association = "cpor" | "dpor" | "csp" | "pal";
/** Canonical order, used to build stable input keys. */
export const ASSOCIATIONS: readonly Association[] = ["cpor", "dpor", "csp", "pal"];

/** SPEC §6 usage `measure` values. */
export type UsageMeasure =
  | "azure-consumption-usd"
  | "active-users"
  | "protected-users"
  | "security-consumption-usd"
  | "consumption-value";

/** An exact amount in data: an integer, or num/den (e.g. 40/6 points per person). */
export type Ratio = number | { num: number; den: number };

/**
 * SPEC §4.4 "Association options vs pools".
 * pool: the listed associations' rows together, each customer/pair once, one threshold.
 * options: each association scored on its own rows with its own threshold; the best counts.
 */
export type AssociationRule =
  | { mode: "pool"; associations: readonly Association[]; threshold: number }
  | { mode: "options"; options: readonly { association: Association; threshold: number }[] };

/** SPEC §4.4 certification step models. */
export type StepRule =
  /** Worth 0 points; met with at least `minPersons` people. */
  | { step: CertStep; role: "gate"; minPersons: number; label: string }
  /** SMB: earns `points` when it has at least `minPersons` people (1 in 2026). */
  | { step: CertStep; role: "required"; minPersons: number; points: Ratio; label: string }
  /** Per-person points, counted only when every gate/required step of the track is met. */
  | { step: CertStep; role: "elective"; pointsPerPerson: Ratio; label: string };

export type CertModel =
  /** points = min(max, persons / threshold × max) over every code of (area, level). */
  { kind: "proportional"; threshold: number } | { kind: "steps"; steps: readonly StepRule[] };

/** SPEC §4.4 usage entry conditions (percentage mode). */
export type EntryCondition =
  /** v(M−12) must be ≥ amount (Business Applications baseline). */
  | { kind: "baseline-at-least"; amount: number }
  /** Sum of v over the 12 window months must be ≥ amount (Azure: 1,000 USD). */
  | { kind: "window-total-at-least"; amount: number };

/** One scored usage measure. Security has two parts whose points are added, then capped. */
export type UsagePart = {
  measure: UsageMeasure;
  label: string;
  /** Threshold = growth earning the metric's max (percent in percentage mode). */
  associations: AssociationRule;
  entry?: EntryCondition;
};

/**
 * SPEC §4.3 corrections: deployments of some workloads count only through some associations
 * (Business Applications: Power Platform and Customer Insights through PAL only, every other
 * workload through CPOR, CSP or DPOR). `workloads: "other"` is every workload not listed elsewhere.
 */
export type WorkloadFamily = {
  label: string;
  workloads: readonly string[] | "other";
  associations: readonly Association[];
};

/** SPEC §4.3 corrections: what one deployment counts as. */
export type DeploymentUnit =
  /** Distinct (customer, workload) pairs (Business Applications). */
  | "customer-workload"
  /** Distinct customers (tenants) with a qualifying deployment (Modern Work, Security). */
  | "customer";

type MetricBase = {
  id: MetricId;
  category: Category;
  /** Weight: the most points the metric can earn. */
  max: number;
  /** Human "criteria in words" for the metric card (SPEC §4.6). */
  criteria: string;
};

export type MetricRule =
  | (MetricBase & { source: "customers"; associations: AssociationRule })
  | (MetricBase & { source: "certifications"; level: CertLevel; model: CertModel })
  | (MetricBase & { source: "usage"; mode: "absolute" | "percentage"; parts: readonly UsagePart[] })
  | (MetricBase & {
      source: "deployments";
      associations: AssociationRule;
      unit: DeploymentUnit;
      /** When present, a pair counts only through its workload family's associations. */
      families?: readonly WorkloadFamily[];
    })
  | (MetricBase & { source: "azure-services"; associations: AssociationRule; excludedWorkloads: readonly string[] });

/** SPEC §4.2 how an area's track is chosen. */
export type TrackRule =
  /** Both tracks computed, the better counts (Modern Work, Security). */
  | { kind: "best-of" }
  /** Azure: SMB when smb × den ≥ num × total (num/den = 4/5, i.e. ≥ 80%), else Enterprise. */
  | { kind: "smb-share"; smbShareAtLeast: { num: number; den: number } }
  /** Business Applications: Enterprise when ≥ N enterprise-segment customers, else SMB. */
  | { kind: "enterprise-customers"; atLeast: number };

export type AreaRules = {
  trackRule: TrackRule;
  /** Descriptive only (e.g. Modern Work customer bands). */
  trackBands?: Partial<Record<Track, string>>;
  /** Metrics per track, in display order. */
  tracks: Record<Track, readonly MetricRule[]>;
};

export type SpRuleset = {
  id: string;
  /** First data_through (inclusive, YYYY-MM-DD) this ruleset applies to. */
  effectiveFrom: string;
  /** SPEC §4.1: an area qualifies with total ≥ passMark and every metric above 0. */
  passMark: number;
  /** The certification catalog version these rules read (SPEC §4.3: versioned too). */
  catalog: CertificationCatalog;
  areas: Record<AreaSlug, AreaRules>;
};
