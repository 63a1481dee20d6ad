// SPEC §4.6 — certifications that expire within 90 days and would lower the score.
//
// Input (kept simple, computed by the SQL layer):
//  - expiring: credentials (one row per person and credential code, credentials.ts) whose last
//    counting day is between dataThrough and dataThrough + 90 days, both included (rows outside
//    are ignored here);
//  - remaining: per certifications request key (inputs.ts), the distinct persons who would still
//    count once those have ended = the same query as the request but valid and counting on
//    dataThrough + 91 days, among certifications earned on or before dataThrough.
//    A key left out is taken as unchanged.
// Output: per area and computed track, each metric whose points would drop, with the points at risk.
import { AREA_SLUGS, type AreaSlug } from "../areas";
import type { Fraction } from "../fraction";
import * as F from "../fraction";
import { codesFor, normalizeCertificationCode } from "./certification-catalog";
import { evaluateArea, evaluateTrack, type RecordedTracks } from "./evaluate";
import { type InputValues, readInput } from "./inputs";
import type { MetricId, SpRuleset, Track } from "./types";

/**
 * A credential a person holds whose last counting day (`expiresOn`) falls within the horizon:
 * an exam it needs expires, or the catalog's counts-until day (SPEC §4.3 corrections) comes.
 */
export type ExpiringCertification = {
  personId: string;
  personName: string;
  /** The credential's catalog code. */
  code: string;
  expiresOn: string;
  ends?: "expires" | "stops-counting";
};

export type ExpiryImpactInput = {
  ruleset: SpRuleset;
  inputs: InputValues;
  recordedTracks?: RecordedTracks;
  dataThrough: string;
  expiring: readonly ExpiringCertification[];
  remaining: Record<string, { persons: number }>;
};

export type MetricAtRisk = {
  area: AreaSlug;
  track: Track;
  metric: MetricId;
  pointsNow: number;
  pointsAfter: number;
  pointsAtRisk: number;
  pointsAtRiskExact: Fraction;
  pointsAtRiskText: string;
  /** The expiring certifications whose code counts for this metric, soonest first. */
  certifications: ExpiringCertification[];
};

export type TrackAtRisk = {
  area: AreaSlug;
  track: Track;
  selected: boolean;
  totalNow: number;
  totalAfter: number;
  qualifiedNow: boolean;
  qualifiedAfter: boolean;
};

export type ExpiryImpact = { horizon: string; metrics: MetricAtRisk[]; tracks: TrackAtRisk[] };

/** YYYY-MM-DD plus n days (UTC calendar). */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function expiringCertificationImpact(input: ExpiryImpactInput): ExpiryImpact {
  const { ruleset, inputs, dataThrough, recordedTracks = {} } = input;
  const horizon = addDays(dataThrough, 90);
  const expiring = input.expiring
    .filter((c) => c.expiresOn >= dataThrough && c.expiresOn <= horizon)
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.personName.localeCompare(b.personName));

  const after: InputValues = { ...inputs };
  for (const [key, v] of Object.entries(input.remaining)) {
    if (!(key in inputs)) continue;
    const now = readInput(inputs, key, "certifications").persons;
    after[key] = { persons: Math.max(0, Math.min(now, v.persons)) };
  }

  const metrics: MetricAtRisk[] = [];
  const tracks: TrackAtRisk[] = [];
  for (const area of AREA_SLUGS) {
    const evaluation = evaluateArea(ruleset, area, inputs, recordedTracks[area]);
    for (const track of Object.keys(evaluation.tracks) as Track[]) {
      const now = evaluation.tracks[track]!;
      const later = evaluateTrack(ruleset, area, track, after);
      tracks.push({
        area,
        track,
        selected: track === evaluation.track,
        totalNow: now.total,
        totalAfter: later.total,
        qualifiedNow: now.qualified,
        qualifiedAfter: later.qualified,
      });
      for (const m of now.metrics) {
        if (m.source !== "certifications") continue;
        const atRisk = F.sub(m.pointsExact, later.metrics.find((x) => x.id === m.id)!.pointsExact);
        if (!F.gt(atRisk, F.ZERO)) continue;
        const rule = ruleset.areas[area].tracks[track].find((r) => r.id === m.id)!;
        const level = rule.source === "certifications" ? rule.level : "intermediate";
        const codes = new Set(codesFor(ruleset.catalog, area, level, null));
        metrics.push({
          area,
          track,
          metric: m.id,
          pointsNow: m.points,
          pointsAfter: F.toNumber(F.sub(m.pointsExact, atRisk)),
          pointsAtRisk: F.toNumber(atRisk),
          pointsAtRiskExact: atRisk,
          pointsAtRiskText: F.formatOneDecimal(atRisk),
          certifications: expiring.filter((c) => codes.has(normalizeCertificationCode(c.code))),
        });
      }
    }
  }
  return { horizon, metrics, tracks };
}
