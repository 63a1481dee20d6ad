import type { Db } from "@/db/client";
import type { SolutionsPartnerView } from "@/db/queries/solutions-partner";
import { loadSpEnrollment } from "@/lib/offers/enrollment";
import { AREA_SLUGS, type AreaSlug } from "@/lib/rules/areas";
import type { SolutionsPartnerStatus } from "@/lib/rules/solutions-partner";

/**
 * SPEC §4.5 statuses: the score status, overridden by Enrolled / Enrolled — renewal due while
 * the organization holds the area's designation (until the anniversary, whatever the score).
 */
export async function loadAreaStatuses(
  db: Db,
  orgId: string,
  today: string,
  view: SolutionsPartnerView,
): Promise<Record<AreaSlug, SolutionsPartnerStatus>> {
  const enrollment = await loadSpEnrollment(db, orgId, today);
  return Object.fromEntries(
    AREA_SLUGS.map((area) => {
      const e = enrollment[area];
      const status: SolutionsPartnerStatus = e?.enrolled
        ? e.renewalDue
          ? "renewal_due"
          : "enrolled"
        : view.evaluation.areas[area].status;
      return [area, status];
    }),
  ) as Record<AreaSlug, SolutionsPartnerStatus>;
}
