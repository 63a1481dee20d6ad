import type { loadExpiring, SolutionsPartnerView } from "@/db/queries/solutions-partner";
import { versionedMemo } from "@/lib/memo";
import type { AreaSlug } from "@/lib/rules/areas";
import { expiringCertificationImpact, recommend, type Track } from "@/lib/rules/solutions-partner";
import { planSolutionsPartnerTrack } from "@/lib/rules/solutions-partner/planner";

// The area page's derived figures — recommendations (each verified by re-evaluation), the gap
// planner and the 90-day expiry impact — are pure functions of the organization's data version
// and cost up to tens of milliseconds of CPU. They are computed once per data version, area and
// track (issue #7), not on every page view.
type Expiring = Awaited<ReturnType<typeof loadExpiring>>;
export type AreaAnalysis = {
  recommendations: ReturnType<typeof recommend>;
  impact: ReturnType<typeof expiringCertificationImpact>;
  plan: ReturnType<typeof planSolutionsPartnerTrack>;
};

const analyses = versionedMemo<AreaAnalysis>(300);

export function analyzeArea(view: SolutionsPartnerView, area: AreaSlug, track: Track, expiring: Expiring): AreaAnalysis {
  const key = view.versionKey === null ? null : `${view.versionKey}|${area}|${track}`;
  return analyses(key, () => ({
    recommendations: recommend(view.ruleset, area, track, view.inputs),
    impact: expiringCertificationImpact({
      ruleset: view.ruleset, inputs: view.inputs, recordedTracks: view.recordedTracks, dataThrough: view.freshness.dataThrough,
      expiring: expiring.expiring, remaining: expiring.remaining,
    }),
    plan: planSolutionsPartnerTrack(view.ruleset, area, track, view.inputs),
  }));
}
