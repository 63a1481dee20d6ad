// SPEC §4.1–§4.5 — evaluate every solution area from the raw inputs (pure: no I/O, no clock).
import { AREA_SLUGS, type AreaSlug, areaLabel } from "../areas";
import type { Fraction } from "../fraction";
import * as F from "../fraction";
import { type InputValues, readInput, segmentMixKey } from "./inputs";
import { type MetricResult, scoreMetric } from "./score";
import { formatAmount, percentText, plural, trackLabel } from "./text";
import { type SpRuleset, TRACKS, type Track } from "./types";

export type TrackEvaluation = {
  track: Track;
  metrics: MetricResult[];
  total: number;
  totalExact: Fraction;
  totalText: string;
  /** SPEC §4.1: total ≥ pass mark (exactly) and every metric above 0 points. */
  qualified: boolean;
};

/** How an assigned-track area got its track (SPEC §4.2). */
export type TrackAssignment = { track: Track; source: "computed" | "operator"; reason: string };

/** SPEC §4.5 statuses this engine decides. */
export type ScoreStatus = "not_started" | "in_progress" | "qualified";
/** SPEC §4.5 / §7 all statuses; enrolled and renewal_due are layered on by the enrollment module. */
export type SolutionsPartnerStatus = ScoreStatus | "enrolled" | "renewal_due";

export type AreaEvaluation = {
  area: AreaSlug;
  label: string;
  trackMode: "best-of" | "assigned";
  /** Computed tracks: both for best-of areas, only the assigned one otherwise. */
  tracks: Partial<Record<Track, TrackEvaluation>>;
  /** The track that counts. */
  track: Track;
  /** Why this track counts, in words. */
  trackReason: string;
  assignment: TrackAssignment | null;
  total: number;
  totalExact: Fraction;
  qualified: boolean;
  status: ScoreStatus;
};

export type SolutionsPartnerEvaluation = {
  rulesetId: string;
  passMark: number;
  areas: Record<AreaSlug, AreaEvaluation>;
};

export type RecordedTracks = Partial<Record<AreaSlug, Track>>;

export function evaluateTrack(ruleset: SpRuleset, area: AreaSlug, track: Track, inputs: InputValues): TrackEvaluation {
  const metrics = ruleset.areas[area].tracks[track].map((rule) => scoreMetric(area, track, rule, inputs));
  const totalExact = F.sum(metrics.map((m) => m.pointsExact));
  const qualified = F.gte(totalExact, F.fromInt(ruleset.passMark)) && metrics.every((m) => F.gt(m.pointsExact, F.ZERO));
  return {
    track,
    metrics,
    total: F.toNumber(totalExact),
    totalExact,
    totalText: F.formatOneDecimal(totalExact),
    qualified,
  };
}

/** SPEC §4.2 best-of: a qualifying track beats one that does not; else the higher total; Enterprise on a tie. */
export function selectTrack(enterprise: TrackEvaluation, smb: TrackEvaluation): { track: Track; reason: string } {
  if (enterprise.qualified !== smb.qualified) {
    const t = enterprise.qualified ? "enterprise" : "smb";
    return {
      track: t,
      reason: `${trackLabel(t)} qualifies and ${trackLabel(t === "enterprise" ? "smb" : "enterprise")} does not.`,
    };
  }
  const c = F.compare(enterprise.totalExact, smb.totalExact);
  if (c === 0)
    return { track: "enterprise", reason: `Both tracks total ${enterprise.totalText}; Enterprise counts on a tie.` };
  const [hi, lo] = c > 0 ? [enterprise, smb] : [smb, enterprise];
  return {
    track: hi.track,
    reason: `${trackLabel(hi.track)} has the higher total (${hi.totalText} vs ${lo.totalText}).`,
  };
}

/**
 * SPEC §4.2 assigned tracks. A recorded (operator) track wins; else the area's rule decides from
 * the segment mix of its customers eligible at the end of last month. null for best-of areas.
 */
export function assignTrack(
  ruleset: SpRuleset,
  area: AreaSlug,
  inputs: InputValues,
  recorded?: Track,
): TrackAssignment | null {
  const rule = ruleset.areas[area].trackRule;
  if (rule.kind === "best-of") return null;
  if (recorded)
    return {
      track: recorded,
      source: "operator",
      reason: `${trackLabel(recorded)}: set by operator (Microsoft's recorded assignment).`,
    };
  const mix = readInput(inputs, segmentMixKey(area), "segment-mix");
  const name = areaLabel(area);
  if (rule.kind === "smb-share") {
    const { num, den } = rule.smbShareAtLeast;
    const smb = mix.smbCustomers * den >= num * mix.totalCustomers; // exact: 5 × smb ≥ 4 × total
    const share = percentText(num, den);
    if (mix.totalCustomers === 0)
      return {
        track: "smb",
        source: "computed",
        reason: `SMB: no ${name} customers were eligible at the end of last month, so the ${share} SMB rule is met.`,
      };
    const pct = percentText(mix.smbCustomers, mix.totalCustomers, (num * 100) / den);
    const head = `${formatAmount(mix.smbCustomers)} of ${plural(mix.totalCustomers, "customer")} (${pct}) eligible at the end of last month are SMB`;
    return smb
      ? { track: "smb", source: "computed", reason: `SMB: ${head}; ${share} or more makes the SMB track.` }
      : { track: "enterprise", source: "computed", reason: `Enterprise: ${head}; below ${share}, so Enterprise.` };
  }
  const ent = mix.enterpriseCustomers >= rule.atLeast;
  const head = `${formatAmount(mix.enterpriseCustomers)} of ${plural(mix.totalCustomers, "customer")} eligible at the end of last month are in the enterprise segment`;
  return ent
    ? {
        track: "enterprise",
        source: "computed",
        reason: `Enterprise: ${head}; ${rule.atLeast} or more makes the Enterprise track.`,
      }
    : { track: "smb", source: "computed", reason: `SMB: ${head}; fewer than ${rule.atLeast}, so SMB.` };
}

function statusOf(t: TrackEvaluation): ScoreStatus {
  if (t.qualified) return "qualified";
  return F.isZero(t.totalExact) ? "not_started" : "in_progress";
}

export function evaluateArea(
  ruleset: SpRuleset,
  area: AreaSlug,
  inputs: InputValues,
  recorded?: Track,
): AreaEvaluation {
  const assignment = assignTrack(ruleset, area, inputs, recorded);
  let tracks: Partial<Record<Track, TrackEvaluation>>;
  let track: Track;
  let trackReason: string;
  if (assignment) {
    tracks = { [assignment.track]: evaluateTrack(ruleset, area, assignment.track, inputs) };
    track = assignment.track;
    trackReason = assignment.reason;
  } else {
    const [enterprise, smb] = TRACKS.map((t) => evaluateTrack(ruleset, area, t, inputs));
    tracks = { enterprise, smb };
    ({ track, reason: trackReason } = selectTrack(enterprise, smb));
  }
  const chosen = tracks[track]!;
  return {
    area,
    label: areaLabel(area),
    trackMode: assignment ? "assigned" : "best-of",
    tracks,
    track,
    trackReason,
    assignment,
    total: chosen.total,
    totalExact: chosen.totalExact,
    qualified: chosen.qualified,
    status: statusOf(chosen),
  };
}

/**
 * Evaluate all six areas. `inputs` must hold every key of inputRequests(ruleset);
 * `recordedTracks` are operator-recorded tracks (`org set-track`), honored for assigned-track
 * areas and ignored for best-of areas.
 */
export function evaluateSolutionsPartner(args: {
  ruleset: SpRuleset;
  inputs: InputValues;
  recordedTracks?: RecordedTracks;
}): SolutionsPartnerEvaluation {
  const { ruleset, inputs, recordedTracks = {} } = args;
  const areas = Object.fromEntries(
    AREA_SLUGS.map((a) => [a, evaluateArea(ruleset, a, inputs, recordedTracks[a])]),
  ) as Record<AreaSlug, AreaEvaluation>;
  return { rulesetId: ruleset.id, passMark: ruleset.passMark, areas };
}

export { toSolutionsPartnerJson } from "./json";
