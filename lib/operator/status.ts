// SPEC §10 Organizations list: each organization's program summary, kept in org_status by every
// import (inside its transaction, lib/imports/after-import.ts) and by a recorded track, from the
// programs' one evaluation function each (never a second copy of the rules).
import { and, eq, inArray, isNotNull, isNull, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loadSolutionsPartner, SP_KINDS } from "@/db/queries/solutions-partner";
import { loadTrainingServices, TS_KINDS } from "@/db/queries/training-services";
import { imports, orgStatus } from "@/db/schema";
import { AREA_SLUGS } from "@/lib/rules/areas";

export type TsSummary = { qualified: boolean; badges: string[]; dataThrough: string };

/** One organization's Training Services verdict and badges (null: no data imported yet). */
export async function tsSummary(db: Db, orgId: string, today: string): Promise<TsSummary | null> {
  const view = await loadTrainingServices(db, orgId, today);
  if (!view.freshness.dataThrough) return null;
  return {
    qualified: view.evaluation.qualified,
    badges: [...view.evaluation.badges],
    dataThrough: view.freshness.dataThrough,
  };
}

/** The organizations with any Training Services import: whose status a catalog change can move. */
export async function orgsWithTrainingData(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ orgId: imports.orgId })
    .from(imports)
    .where(and(isNotNull(imports.orgId), inArray(imports.kind, TS_KINDS)));
  return rows.map((r) => r.orgId!).sort();
}

export async function refreshOrgStatus(db: Db, orgId: string, today: string): Promise<void> {
  const ts = await tsSummary(db, orgId, today);
  const sp = await loadSolutionsPartner(db, orgId, today);
  const spQualified = sp.freshness.hasData ? AREA_SLUGS.filter((a) => sp.evaluation.areas[a].qualified).length : null;
  const spDataThrough = sp.freshness.hasData ? sp.freshness.dataThrough : null;
  const [last] = await db
    .select({ at: max(imports.at) })
    .from(imports)
    .where(eq(imports.orgId, orgId));
  const dates = [ts?.dataThrough, spDataThrough].filter((d): d is string => Boolean(d)).sort();
  const values = {
    tsQualified: ts?.qualified ?? null,
    tsBadges: ts?.badges ?? [],
    tsDataThrough: ts?.dataThrough ?? null,
    spAreasQualified: spQualified,
    spDataThrough,
    dataThrough: dates.at(-1) ?? null,
    lastImportAt: last?.at ?? null,
    updatedAt: sql`now()`,
  };
  await db
    .insert(orgStatus)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: orgStatus.orgId, set: values });
}

/** After a catalog import every organization with training data is re-evaluated. */
export async function refreshAllTrainingStatus(db: Db, today: string): Promise<void> {
  for (const orgId of await orgsWithTrainingData(db)) await refreshOrgStatus(db, orgId, today);
}

/**
 * Organizations that have imports but no summary yet (their data predates the summary table):
 * summarized once, so that the operator's list does not say "No data" until their next import.
 * Returns how many were summarized; cheap when there are none.
 */
export async function backfillOrgStatus(db: Db, today: string): Promise<number> {
  const missing = await db
    .selectDistinct({ orgId: imports.orgId })
    .from(imports)
    .leftJoin(orgStatus, eq(orgStatus.orgId, imports.orgId))
    .where(and(isNotNull(imports.orgId), isNull(orgStatus.orgId)));
  for (const { orgId } of missing) await refreshOrgStatus(db, orgId!, today);
  return missing.length;
}

export const STATUS_KINDS = [...TS_KINDS, ...SP_KINDS];
