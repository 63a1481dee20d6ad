import { and, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dataScope } from "@/db/queries/data-version";
import { orders, spEnrollments } from "@/db/schema";
import type { DbOrTx } from "@/db/transaction";
import { derived } from "@/lib/cache";
import { AREA_SLUGS, type AreaSlug, isAreaSlug } from "@/lib/rules/areas";
import { isHeld, isRenewalWindowOpen } from "@/lib/rules/offers";
import { currentSpTerm, maintainOrg } from "./maintenance";
import { loadDesignation } from "./situation";

export type AreaEnrollment = { enrolled: boolean; renewalDue: boolean; anniversary: string | null };
export type SpEnrollment = Record<AreaSlug, AreaEnrollment>;

/** Reads enrollment without maintenance (callers that already ran it). */
export async function readSpEnrollment(q: DbOrTx, orgId: string, today: string): Promise<SpEnrollment> {
  const none = Object.fromEntries(
    AREA_SLUGS.map((a) => [a, { enrolled: false, renewalDue: false, anniversary: null }]),
  ) as SpEnrollment;
  const designation = await loadDesignation(q, orgId, "solutions-partner");
  if (!isHeld(today, designation)) return none;
  const term = await currentSpTerm(q, orgId, today);
  if (!term) return none;
  // Enrollments of the current term and of a renewal already paid for the next one.
  const rows = await q
    .select({ orderId: spEnrollments.orderId, area: spEnrollments.solutionArea, termEnd: orders.termEnd })
    .from(spEnrollments)
    .innerJoin(orders, eq(orders.id, spEnrollments.orderId))
    .where(and(eq(spEnrollments.orgId, orgId), eq(orders.status, "active"), gte(orders.termEnd, term.termEnd)));
  const renewalDue = isRenewalWindowOpen(today, designation!.anniversary);
  const out = none;
  for (const r of rows) {
    if (r.orderId !== term.id || !isAreaSlug(r.area)) continue;
    const until = rows
      .filter((x) => x.area === r.area)
      .reduce((max, x) => (x.termEnd > max ? x.termEnd : max), r.termEnd);
    out[r.area] = { enrolled: true, renewalDue, anniversary: until };
  }
  return out;
}

/**
 * SPEC §4.5 for the Solutions Partner pages: per area, whether the organization holds it
 * (Enrolled), whether it is inside the renewal window (Enrolled — renewal due) and until when
 * it is held (the latest paid anniversary covering the area). Applies expiries, lapses and
 * enrollments at no charge first, so the answer is never stale.
 */
export async function loadSpEnrollment(db: Db, orgId: string, today: string): Promise<SpEnrollment> {
  await maintainOrg(db, orgId, today);
  // Designations, orders and enrollments are written only in transactions that bump the data version (activation,
  // payments, maintenance): read once per version and day (lib/cache.ts), as the offer cards are.
  return derived(await dataScope(db, orgId, today), "sp-enrollment", () => readSpEnrollment(db, orgId, today));
}

export function enrolledAreas(e: SpEnrollment): AreaSlug[] {
  return AREA_SLUGS.filter((a) => e[a].enrolled);
}
