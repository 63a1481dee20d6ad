import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perDb } from "@/db/prepared";
import { derived } from "@/lib/cache";
import { type Alert, type AlertInputs, buildAlerts } from "@/lib/rules/alerts";
import type { OfferId } from "@/lib/rules/offers-catalog";
import { dataScope } from "./data-version";
import { loadExpiryImpact, loadSolutionsPartner, SP_KINDS } from "./solutions-partner";
import { EXPIRY_HORIZON_DAYS } from "./solutions-partner-snapshot";
import { loadTrainingServicesForecast, TS_KINDS } from "./training-services";

// SPEC §8 alerts: the one loader behind the Alerts page and the header count, so it runs on every
// page (SPEC §9, fast at any size). The alerts are a function of the organization's data and the day: they are
// built once per (organization, data version, day) and kept (lib/cache.ts), so a page view whose data has not
// changed runs no statement for them. Building them runs one statement — the versions of both programs' data
// (their newest import; Training Services also depends on the shared course catalog; notifications compare
// them), whether a certification expires within 90 days, the designations and the orders awaiting payment —
// plus the roll-off forecast and the expiry impact, each also kept per data version.

type Facts = {
  ts_id: string | null;
  catalog_id: string | null;
  sp_dt: string | null;
  sp_id: string | null;
  tracks: string | null;
  expiring: boolean;
  designations: unknown;
  awaiting: unknown;
};

const list = (kinds: string[]) =>
  sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
const json = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T; // PGlite and postgres.js both parse json; be safe

async function loadFacts(db: Db, orgId: string): Promise<Facts> {
  const [row] = await factsQuery(db).execute({ orgId });
  return row as Facts;
}

// Every page's header runs it: built once per database (db/prepared.ts).
const factsQuery = perDb((db) => {
  const org = sql.placeholder("orgId");
  return db
    .select({
      ts_id: sql<
        string | null
      >`(select max(id)::text from imports where org_id = ${org} and kind in (${list(TS_KINDS)}))`,
      catalog_id: sql<string | null>`(select max(id)::text from imports where org_id is null)`,
      sp_dt: sql<string | null>`sp.dt::text`,
      sp_id: sql<string | null>`sp.id::text`,
      tracks: sql<string | null>`(select max(set_at)::text from org_tracks where org_id = ${org})`,
      expiring: sql<boolean>`exists (select 1 from certifications c where c.org_id = ${org} and c.expires_on >= sp.dt
      and c.expires_on <= sp.dt + ${sql.raw(String(EXPIRY_HORIZON_DAYS))} and c.earned_on <= sp.dt)`,
      designations: sql<unknown>`(select coalesce(json_agg(json_build_object('offer', d.offer, 'status', d.status, 'anniversary', d.anniversary::text)), '[]'::json)
      from designations d where d.org_id = ${org})`,
      awaiting: sql<unknown>`(select coalesce(json_agg(json_build_object('number', o.number, 'offer', o.offer, 'expiresOn', o.expires_on::text)), '[]'::json)
      from orders o where o.org_id = ${org} and o.status = 'awaiting_payment')`,
    })
    .from(
      sql`(select max(data_through) as dt, max(id) as id from imports where org_id = ${org} and kind in (${list(SP_KINDS)})) as sp`,
    )
    .prepare("alert_facts");
});

/** The inputs of the alerts and the data versions they were computed from (notifications use both). */
export type AlertData = {
  inputs: AlertInputs;
  versions: { trainingServices: string | null; solutionsPartner: string | null };
};

export async function loadAlertData(db: Db, orgId: string, today: string): Promise<AlertData> {
  const f = await loadFacts(db, orgId);
  const [trainingServices, solutionsPartner] = await Promise.all([
    f.ts_id === null ? null : loadTrainingServicesForecast(db, orgId, today).then((forecast) => ({ forecast })),
    f.sp_dt === null || !f.expiring
      ? null
      : loadSolutionsPartner(db, orgId, today).then((view) =>
          derived(view.scope, "sp-expiry-impact", async () => ({ impact: await loadExpiryImpact(db, orgId, view) })),
        ),
  ]);
  const offers: AlertInputs["offers"] = {
    designations: json<{ offer: OfferId; status: string; anniversary: string }[]>(f.designations),
    awaitingOrders: json<{ number: string; offer: OfferId; expiresOn: string | null }[]>(f.awaiting),
  };
  return {
    inputs: { today, trainingServices, solutionsPartner, offers },
    versions: {
      trainingServices: f.ts_id === null ? null : `${f.ts_id}|${f.catalog_id}`,
      solutionsPartner: f.sp_id === null ? null : `${f.sp_id}|${f.tracks}`,
    },
  };
}

/** Every alert of one organization, the most severe first. */
export async function loadAlerts(db: Db, orgId: string, today: string): Promise<Alert[]> {
  const scope = await dataScope(db, orgId, today);
  return derived(scope, "alerts", async () => buildAlerts((await loadAlertData(db, orgId, today)).inputs));
}
