import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tsMonthly } from "@/db/schema";
import { derived } from "@/lib/cache";
import type { IsoMonth } from "@/lib/rules/time";
import { type TsTrendMonth, trendMonthsNeeded, trendTrainingServices } from "@/lib/rules/training-services/trend";
import { dataScope } from "./data-version";
import { monthlyFromRollup } from "./training-services";

/**
 * SPEC §8 trend charts: the evaluation of each of the `count` windows ending with the months up
 * to `lastMonth`. One query reads the monthly rollup for the count + 11 months those windows span, once per data
 * version (the rollup changes only with the organization's imports and the catalog's: lib/cache.ts).
 */
export async function loadTrainingServicesTrend(
  db: Db,
  orgId: string,
  lastMonth: IsoMonth,
  count = 13,
): Promise<TsTrendMonth[]> {
  const scope = await dataScope(db, orgId);
  return derived(scope, "training-services-trend", () => readTrend(db, orgId, lastMonth, count), [lastMonth, count]);
}

async function readTrend(db: Db, orgId: string, lastMonth: IsoMonth, count: number): Promise<TsTrendMonth[]> {
  const { first, last } = trendMonthsNeeded(lastMonth, count);
  const rows = await db
    .select({
      month: tsMonthly.month,
      kind: tsMonthly.kind,
      category: tsMonthly.category,
      solutionArea: tsMonthly.solutionArea,
      items: sql<number>`${tsMonthly.items}::int`,
      answerSum: sql<number>`${tsMonthly.answerSum}::int`,
      answerCount: sql<number>`${tsMonthly.answerCount}::int`,
    })
    .from(tsMonthly)
    .where(and(eq(tsMonthly.orgId, orgId), gte(tsMonthly.month, first), lte(tsMonthly.month, last)));
  return trendTrainingServices(monthlyFromRollup(rows), lastMonth, { count });
}
