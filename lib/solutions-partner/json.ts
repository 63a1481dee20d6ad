import type { Db } from "@/db/client";
import { loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { toSolutionsPartnerJson } from "@/lib/rules/solutions-partner";
import { loadAreaStatuses } from "./status";

/** SPEC §7 solutions-partner JSON for one organization (the route and the CLI share it). */
export async function solutionsPartnerJson(db: Db, orgId: string, today: string) {
  const view = await loadSolutionsPartner(db, orgId, today);
  const statuses = await loadAreaStatuses(db, orgId, today, view);
  return {
    ...toSolutionsPartnerJson(view.evaluation, view.freshness.dataThrough, statuses),
    refreshedOn: view.freshness.refreshedOn,
    nextRefreshDue: view.freshness.nextRefreshDue,
  };
}
