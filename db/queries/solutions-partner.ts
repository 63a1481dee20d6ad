import { eq, sql } from "drizzle-orm";
import { cache } from "react";
import { type Db, rowsOf } from "@/db/client";
import { perDb } from "@/db/prepared";
import { orgTracks } from "@/db/schema";
import { derived, type Scope } from "@/lib/cache";
import type { AreaSlug } from "@/lib/rules/areas";
import { PROGRAMS } from "@/lib/rules/programs";
import {
  type ExpiringCertification,
  evaluateSolutionsPartner,
  examSets,
  expiringCertificationImpact,
  heldCredentials,
  type InputRequest,
  type InputValues,
  inputRequests,
  type RecordedTracks,
  rulesetFor,
  type SolutionsPartnerEvaluation,
  type SpRuleset,
  type Track,
} from "@/lib/rules/solutions-partner";
import { addDays } from "@/lib/rules/time";
import { dataScope } from "./data-version";
import { type Freshness, loadFreshness } from "./freshness";
import { type SpDates, spDates } from "./solutions-partner-inputs";
import {
  EXPIRY_HORIZON_DAYS,
  loadSpSnapshot,
  type RemainingHolders,
  refreshSpSnapshot,
} from "./solutions-partner-snapshot";
import { loadSolutionsPartnerTrend } from "./solutions-partner-trend";

export const SP_KINDS = [...PROGRAMS["solutions-partner"].kinds];

export type SolutionsPartnerView = {
  freshness: Freshness;
  dates: SpDates;
  ruleset: SpRuleset;
  requests: InputRequest[];
  inputs: InputValues;
  remaining: RemainingHolders;
  recordedTracks: RecordedTracks;
  evaluation: SolutionsPartnerEvaluation;
  /** What this view was computed from, for the values derived from it (lib/cache.ts); null: nothing is kept. */
  scope: Scope;
};

export async function loadRecordedTracks(db: Db, orgId: string): Promise<RecordedTracks> {
  const rows = await tracksQuery(db).execute({ orgId });
  return Object.fromEntries(rows.map((r) => [r.area, r.track])) as RecordedTracks;
}
const tracksQuery = perDb((db) =>
  db
    .select({ area: orgTracks.solutionArea, track: orgTracks.track })
    .from(orgTracks)
    .where(eq(orgTracks.orgId, sql.placeholder("orgId")))
    .prepare("org_tracks"),
);

/** One evaluation function for the program (SPEC §4): pages, JSON and the CLI read the inputs kept
 * per import; the history recorder (inside an import) recomputes them from the line items. */
export async function solutionsPartnerView(
  db: Db,
  orgId: string,
  today: string,
  refresh: boolean,
  scope: Scope = null,
): Promise<SolutionsPartnerView> {
  const freshness = await loadFreshness(db, orgId, SP_KINDS, today);
  const dates = spDates(freshness.asOf);
  const ruleset = rulesetFor(freshness.asOf);
  const requests = requestsOf(ruleset);
  const key = { orgId, importId: freshness.latestImportId, ruleset, requests, dates };
  const [snapshot, recordedTracks] = await Promise.all([
    (refresh ? refreshSpSnapshot : loadSpSnapshot)(db, key),
    loadRecordedTracks(db, orgId),
  ]);
  const { inputs, remaining } = snapshot;
  const evaluation = evaluateSolutionsPartner({ ruleset, inputs, recordedTracks });
  return { freshness, dates, ruleset, requests, inputs, remaining, recordedTracks, scope, evaluation };
}

/** The requests of a ruleset are a pure function of it (rulesets are constants): built once each. */
const requestsByRuleset = new WeakMap<SpRuleset, InputRequest[]>();
function requestsOf(ruleset: SpRuleset): InputRequest[] {
  let requests = requestsByRuleset.get(ruleset);
  if (!requests) requestsByRuleset.set(ruleset, (requests = inputRequests(ruleset)));
  return requests;
}

/** The organization's current Solutions Partner view: evaluated once per data version and day in the process
 * (lib/cache.ts), looked up once per server request (React `cache`). */
export const loadSolutionsPartner = cache(async (db: Db, orgId: string, today: string) => {
  const scope = await dataScope(db, orgId, today);
  return derived(scope, "solutions-partner", () => solutionsPartnerView(db, orgId, today, false, scope));
});

export type MonthHistory = { month: string; best: number | null; qualified: boolean };

/** The highest score of each of the last six months (by when it was recorded) for one area: the
 * tail of the area's trend, so a page showing both reads sp_evaluations once (React `cache`). */
export async function loadSpHistory(
  db: Db,
  orgId: string,
  area: AreaSlug,
  today: string,
  scope: Scope = null,
): Promise<MonthHistory[]> {
  return (await loadSolutionsPartnerTrend(db, orgId, area, today, scope)).slice(-6);
}

/**
 * Credentials whose last counting day falls within 90 days of data_through (SPEC §4.6 with §4.3's
 * corrections): an exam that a credential needs expires, or the catalog's counts-until day comes.
 * Only certifications earned on or before data_through count. Read: every valid exam row of the
 * people (first 500 by date) with an exam expiring in the horizon or holding an exam of a
 * credential that stops counting in it (certifications_org_expires_idx and the primary key).
 */
export async function loadExpiring(db: Db, orgId: string, view: SolutionsPartnerView) {
  const dt = view.dates.dataThrough;
  const horizon = addDays(dt, EXPIRY_HORIZON_DAYS);
  const catalog = view.ruleset.catalog;
  const ending = Object.entries(catalog.entries).flatMap(([code, e]) =>
    e.countsUntil && e.countsUntil >= dt && e.countsUntil <= horizon
      ? examSets(code, e).flatMap((list) => list.map((exam) => sql`(${exam}, ${e.countsUntil}::date)`))
      : [],
  );
  const validOnDt = sql`p.org_id = ${orgId} and p.earned_on <= ${dt}::date and (p.expires_on is null or p.expires_on >= ${dt}::date)`;
  const rows = rowsOf<{
    personId: string;
    personName: string;
    code: string;
    earnedOn: string;
    expiresOn: string | null;
  }>(
    await db.execute(sql`
    with soon(person_id, first_day) as (
      select p.person_id, min(p.expires_on) from certifications p
      where ${validOnDt} and p.expires_on <= ${horizon}::date group by p.person_id
      ${
        ending.length
          ? sql`union all
      select p.person_id, min(e.until) from certifications p
      join (values ${sql.join(ending, sql`, `)}) as e(code, until) on e.code = p.certification_code
      where ${validOnDt} group by p.person_id`
          : sql``
      }),
    people as (select person_id from soon group by person_id order by min(first_day), person_id limit 500)
    select p.person_id as "personId", p.person_name as "personName", p.certification_code as code,
      p.earned_on::text as "earnedOn", p.expires_on::text as "expiresOn"
    from certifications p join people on people.person_id = p.person_id
    where ${validOnDt}`),
  );
  const expiring: ExpiringCertification[] = heldCredentials(catalog, rows, dt)
    .filter((c) => c.lastDay !== null && c.lastDay <= horizon)
    .map((c) => ({
      personId: c.personId,
      personName: c.personName,
      code: c.code,
      expiresOn: c.lastDay!,
      ends: c.ends ?? "expires",
    }))
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.personId.localeCompare(b.personId));
  return { expiring, remaining: view.remaining, horizon };
}

/** SPEC §4.5 / §8: what the certifications expiring within 90 days would cost, per metric and track. */
export async function loadExpiryImpact(db: Db, orgId: string, view: SolutionsPartnerView) {
  const { expiring, remaining } = await loadExpiring(db, orgId, view);
  return expiringCertificationImpact({
    ruleset: view.ruleset,
    inputs: view.inputs,
    recordedTracks: view.recordedTracks,
    dataThrough: view.dates.dataThrough,
    expiring,
    remaining,
  });
}

export type { Track };
