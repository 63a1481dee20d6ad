import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { designations, orders } from "@/db/schema";
import { buildAlerts, type Alert, type AlertInputs } from "@/lib/alerts";
import type { OfferId } from "@/lib/rules/offers-catalog";
import { expiringCertificationImpact } from "@/lib/rules/solutions-partner";
import { forecastTrainingServices } from "@/lib/rules/training-services";
import { loadExpiring, loadSolutionsPartner, SP_KINDS } from "./solutions-partner";
import { loadTrainingServices } from "./training-services";

// SPEC §8 alerts: the one loader behind the Alerts page and the header count. Kept cheap: the
// Training Services forecast costs the dashboard's three queries; Solutions Partner costs one
// query unless a certification expires within 90 days, and then its result is kept per data
// version (latest import, recorded tracks), so it is computed once per import, not per page;
// offers are two reads.
const SP_CACHE_LIMIT = 500;
const spCache = new Map<string, AlertInputs["solutionsPartner"]>();

async function trainingServices(db: Db, orgId: string, today: string): Promise<AlertInputs["trainingServices"]> {
  const view = await loadTrainingServices(db, orgId, today);
  if (!view.freshness.hasData) return null;
  return { forecast: forecastTrainingServices(view.monthly, view.freshness.dataThrough) };
}

async function solutionsPartner(db: Db, orgId: string, today: string): Promise<AlertInputs["solutionsPartner"]> {
  const kinds = sql.join(SP_KINDS.map((k) => sql`${k}`), sql`, `);
  const [v] = rowsOf<{ dt: string | null; at: string | null; n: number; tracks: string | null }>(await db.execute(sql`
    with f as (select max(data_through) as dt, max(at) as at from imports where org_id = ${orgId} and kind in (${kinds}))
    select f.dt::text as dt, f.at::text as at,
      (select count(*)::int from certifications c where c.org_id = ${orgId} and c.earned_on <= f.dt and c.expires_on >= f.dt and c.expires_on <= f.dt + 90) as n,
      (select max(set_at)::text from org_tracks where org_id = ${orgId}) as tracks
    from f`));
  if (!v?.dt || Number(v.n) === 0) return null;
  const key = [orgId, today, v.dt, v.at, v.tracks, v.n].join("|");
  if (spCache.has(key)) return spCache.get(key)!;
  const view = await loadSolutionsPartner(db, orgId, today);
  const { expiring, remaining } = await loadExpiring(db, orgId, view);
  const result = { impact: expiringCertificationImpact({ ruleset: view.ruleset, inputs: view.inputs, recordedTracks: view.recordedTracks, dataThrough: view.freshness.dataThrough, expiring, remaining }) };
  if (spCache.size >= SP_CACHE_LIMIT) spCache.delete(spCache.keys().next().value!);
  spCache.set(key, result);
  return result;
}

async function offers(db: Db, orgId: string): Promise<AlertInputs["offers"]> {
  const [held, awaiting] = await Promise.all([
    db.select({ offer: designations.offer, status: designations.status, anniversary: designations.anniversary }).from(designations).where(eq(designations.orgId, orgId)),
    db.select({ number: orders.number, offer: orders.offer, expiresOn: orders.expiresOn }).from(orders).where(and(eq(orders.orgId, orgId), eq(orders.status, "awaiting_payment"))),
  ]);
  return {
    designations: held.map((d) => ({ ...d, offer: d.offer as OfferId })),
    awaitingOrders: awaiting.map((o) => ({ ...o, offer: o.offer as OfferId })),
  };
}

/** Every alert of one organization, the most severe first. */
export async function loadAlerts(db: Db, orgId: string, today: string): Promise<Alert[]> {
  const [ts, sp, of] = await Promise.all([trainingServices(db, orgId, today), solutionsPartner(db, orgId, today), offers(db, orgId)]);
  return buildAlerts({ today, trainingServices: ts, solutionsPartner: sp, offers: of });
}
