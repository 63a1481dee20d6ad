import type { Db } from "@/db/client";
import { loadExpiryImpact, type SolutionsPartnerView } from "@/db/queries/solutions-partner";
import { derived } from "@/lib/cache";
import type { AreaSlug } from "@/lib/rules/areas";
import { recommend, type Track } from "@/lib/rules/solutions-partner";
import { planSolutionsPartnerTrack } from "@/lib/rules/solutions-partner/planner";

// The area page's derived figures — recommendations (each verified by re-evaluation), the gap
// planner and the 90-day expiry impact (with the certifications that expire) — are pure functions
// of the organization's data version and cost up to tens of milliseconds of CPU plus up to 500
// certification rows. They are computed once per data version, area and track (SPEC §9, fast at any size), not on
// every page view.
export type AreaAnalysis = {
  recommendations: ReturnType<typeof recommend>;
  impact: Awaited<ReturnType<typeof loadExpiryImpact>>;
  plan: ReturnType<typeof planSolutionsPartnerTrack>;
};

export function analyzeArea(
  db: Db,
  orgId: string,
  view: SolutionsPartnerView,
  area: AreaSlug,
  track: Track,
): Promise<AreaAnalysis> {
  return derived(
    view.scope,
    "sp-area-analysis",
    async () => ({
      recommendations: recommend(view.ruleset, area, track, view.inputs),
      impact: await loadExpiryImpact(db, orgId, view),
      plan: planSolutionsPartnerTrack(view.ruleset, area, track, view.inputs),
    }),
    [area, track],
  );
}
