import type { Db } from "@/db/client";
import { loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { toSolutionsPartnerJson } from "@/lib/rules/solutions-partner";
import { loadAreaStatuses } from "@/lib/solutions-partner/status";

/** SPEC §7 solutions-partner JSON for one organization (the route and the CLI share it). */
export async function solutionsPartnerJson(db: Db, orgId: string, today: string) {
  const view = await loadSolutionsPartner(db, orgId, today);
  const statuses = await loadAreaStatuses(db, orgId, today, view);
  return {
    ...toSolutionsPartnerJson(view.evaluation, view.freshness.dataThrough, statuses),
    // An addition beside §7's fields, as in the Training Services JSON; null with no data (SPEC §6).
    window: view.freshness.dataThrough === null ? null : { start: view.dates.windowStart, end: view.dates.end },
    refreshedOn: view.freshness.refreshedOn,
    nextRefreshDue: view.freshness.nextRefreshDue,
  };
}
