import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { loadTrainingServices } from "@/db/queries/training-services";
import type { DbOrTx } from "@/db/transaction";
import { derived, type Scope } from "@/lib/cache";
import { AREA_SLUGS, type AreaSlug, isAreaSlug } from "@/lib/rules/areas";
import type { OfferId } from "@/lib/rules/offers-catalog";

/**
 * SPEC §4.5: the areas qualified on at least one day D of [start, end], where an area counts as
 * qualified on D when the latest sp_evaluations row recorded on or before D (UTC) says so.
 * The states over the window are the state at its first day plus the last evaluation of each
 * later day, so one pass over the rows recorded up to `end` answers it, in SQL.
 */
export async function spEligibleAreas(
  q: DbOrTx,
  orgId: string,
  window: { start: string; end: string },
): Promise<AreaSlug[]> {
  const rows = rowsOf<{ solution_area: string }>(
    await q.execute(sql`
      with day_last as (
        select distinct on (solution_area, d) solution_area, d, qualified
        from (
          select solution_area, (recorded_at at time zone 'UTC')::date as d, qualified, recorded_at, id
          from sp_evaluations
          where org_id = ${orgId} and recorded_at < ((${window.end}::date + 1)::timestamp at time zone 'UTC')
        ) e
        order by solution_area, d, recorded_at desc, id desc
      ), at_start as (
        select distinct on (solution_area) solution_area, qualified
        from day_last where d <= ${window.start}::date
        order by solution_area, d desc
      )
      select solution_area from (
        select solution_area, qualified from at_start
        union all
        select solution_area, qualified from day_last where d > ${window.start}::date
      ) states
      where qualified
      group by solution_area`),
  );
  const found = new Set(rows.map((r) => r.solution_area).filter(isAreaSlug));
  return AREA_SLUGS.filter((a) => found.has(a));
}

/**
 * The same for a page, once per data version (the SP view's scope, lib/cache.ts) and window: the states
 * are sp_evaluations rows, written only inside the organization's Solutions Partner imports.
 * Transactions (purchases, maintenance) call spEligibleAreas itself.
 */
export function spEligibleAreasOfVersion(
  q: DbOrTx,
  orgId: string,
  window: { start: string; end: string },
  scope: Scope,
): Promise<AreaSlug[]> {
  return derived(scope, "sp-eligible-areas", () => spEligibleAreas(q, orgId, window), [window.start, window.end]);
}

/** Training Services (SPEC §3.4): the organization qualifies on its current evaluation. */
export async function tsQualified(
  q: DbOrTx,
  orgId: string,
  today: string,
): Promise<{ qualified: boolean; badges: string[] }> {
  const view = await loadTrainingServices(q as Db, orgId, today);
  return { qualified: view.evaluation.qualified, badges: view.evaluation.badges };
}

export type Qualification = { qualified: boolean; areas: AreaSlug[]; window: { start: string; end: string } | null };

/** Whether an offer may be ordered: TS on its evaluation, SP with at least one eligible area in `window`. */
export async function qualificationFor(
  q: DbOrTx,
  orgId: string,
  offer: OfferId,
  today: string,
  window: { start: string; end: string },
): Promise<Qualification> {
  if (offer === "training-services") {
    const ts = await tsQualified(q, orgId, today);
    return { qualified: ts.qualified, areas: [], window: null };
  }
  const areas = await spEligibleAreas(q, orgId, window);
  return { qualified: areas.length > 0, areas, window };
}
