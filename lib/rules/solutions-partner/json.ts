// SPEC §7 — the solutions-partner JSON contract:
// { dataThrough, areas: { <slug>: { status, track, total, qualified,
//   tracks: { <track>: { total, qualified, metrics: { <metric-id>: { value, points, max } } } } } } }
// Fields beyond the contract are additions (allowed: "add fields freely, never rename these").
import type { AreaSlug } from "../areas";
import type { AreaEvaluation, SolutionsPartnerEvaluation, SolutionsPartnerStatus, TrackEvaluation } from "./evaluate";
import type { MetricId, Track } from "./types";

export type MetricJson = {
  value: number;
  points: number;
  max: number;
  /** Additions. */
  pointsText: string;
  threshold: number;
  unit: string;
  category: string;
  criteria: string;
  producedBy: string;
};
export type TrackJson = {
  total: number;
  qualified: boolean;
  totalText: string;
  metrics: Partial<Record<MetricId, MetricJson>>;
};
export type AreaJson = {
  status: SolutionsPartnerStatus;
  track: Track;
  total: number;
  qualified: boolean;
  tracks: Partial<Record<Track, TrackJson>>;
  /** Additions. */
  label: string;
  totalText: string;
  trackMode: "best-of" | "assigned";
  trackReason: string;
  trackSource: "best-of" | "computed" | "operator";
};
/** `dataThrough` is null while the organization has no import of the program's kinds (SPEC §6). */
export type SolutionsPartnerJson = {
  dataThrough: string | null;
  rulesetId: string;
  areas: Record<AreaSlug, AreaJson>;
};

function trackJson(t: TrackEvaluation): TrackJson {
  const metrics: Partial<Record<MetricId, MetricJson>> = {};
  for (const m of t.metrics) {
    metrics[m.id] = {
      value: m.value,
      points: m.points,
      max: m.max,
      pointsText: m.pointsText,
      threshold: m.threshold,
      unit: m.unit,
      category: m.category,
      criteria: m.criteria,
      producedBy: m.producedBy,
    };
  }
  return { total: t.total, qualified: t.qualified, totalText: t.totalText, metrics };
}

function areaJson(a: AreaEvaluation, status: SolutionsPartnerStatus): AreaJson {
  const tracks: Partial<Record<Track, TrackJson>> = {};
  for (const [track, t] of Object.entries(a.tracks) as [Track, TrackEvaluation | undefined][])
    if (t) tracks[track] = trackJson(t);
  return {
    status,
    track: a.track,
    total: a.total,
    qualified: a.qualified,
    tracks,
    label: a.label,
    totalText: a.tracks[a.track]!.totalText,
    trackMode: a.trackMode,
    trackReason: a.trackReason,
    trackSource: a.assignment?.source ?? "best-of",
  };
}

/**
 * Serialize an evaluation to the §7 shape. `statuses` overrides per-area statuses (the
 * enrollment module passes enrolled / renewal_due there); otherwise the score status is used.
 */
export function toSolutionsPartnerJson(
  evaluation: SolutionsPartnerEvaluation,
  dataThrough: string | null,
  statuses: Partial<Record<AreaSlug, SolutionsPartnerStatus>> = {},
): SolutionsPartnerJson {
  const areas = {} as Record<AreaSlug, AreaJson>;
  for (const [slug, a] of Object.entries(evaluation.areas) as [AreaSlug, AreaEvaluation][]) {
    areas[slug] = areaJson(a, statuses[slug] ?? a.status);
  }
  return { dataThrough, rulesetId: evaluation.rulesetId, areas };
}
