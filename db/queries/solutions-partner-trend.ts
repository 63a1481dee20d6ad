import { sql } from "drizzle-orm";
import { cache } from "react";
import { type Db, rowsOf } from "@/db/client";
import { derived, type Scope } from "@/lib/cache";
import type { AreaSlug } from "@/lib/rules/areas";
import { type IsoDate, type IsoMonth, monthOf, shiftMonth } from "@/lib/rules/time";

export type SpTrendPoint = { month: IsoMonth; best: number | null; qualified: boolean };

/**
 * SPEC §8 trend charts for Solutions Partner: an area's highest recorded score in each of the
 * `count` months ending with today's (by when the evaluation was recorded, as the six-month
 * history of SPEC §4.5). One query over sp_evaluations, once per data version when the caller
 * passes the view's scope (lib/cache.ts): sp_evaluations rows are written only inside the organization's Solutions
 * Partner imports (recordSpEvaluation, db/writes/sp-evaluations.ts), which bump the version.
 */
export const loadSolutionsPartnerTrend = cache(
  (db: Db, orgId: string, area: AreaSlug, today: IsoDate, scope: Scope = null, count = 13): Promise<SpTrendPoint[]> =>
    derived(scope, "solutions-partner-trend", () => readTrend(db, orgId, area, today, count), [area, today, count]),
);

async function readTrend(
  db: Db,
  orgId: string,
  area: AreaSlug,
  today: IsoDate,
  count: number,
): Promise<SpTrendPoint[]> {
  const months = Array.from({ length: count }, (_, i) => shiftMonth(monthOf(today), i - (count - 1)));
  const rows = rowsOf<{ month: string; best: string; qualified: boolean }>(
    await db.execute(sql`
    select to_char(recorded_at at time zone 'UTC', 'YYYY-MM') as month, max(total)::text as best, bool_or(qualified) as qualified
    from sp_evaluations where org_id = ${orgId} and solution_area = ${area} and recorded_at >= ${`${months[0]}-01`}::date
    group by 1`),
  );
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months.map((m) => {
    const r = byMonth.get(m);
    return { month: m, best: r ? Number(r.best) : null, qualified: r?.qualified ?? false };
  });
}
