import { and, eq, inArray, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perDb } from "@/db/prepared";
import { imports } from "@/db/schema";
import { defaultDataThrough, nextRefreshDue } from "@/lib/rules/time";

export type Freshness = {
  hasData: boolean;
  /** SPEC §6: the newest data_through of the program's imports; null when there is none yet. */
  dataThrough: string | null;
  /**
   * The day the figures are evaluated for (ruleset, window): data_through, or with no import yet
   * the end of last month — the figures are then all empty. Never shown as "data through".
   */
  asOf: string;
  refreshedOn: string | null; // when the latest of those imports landed
  nextRefreshDue: string;
  latestImportId: number | null; // the newest of those imports: a version of the program's data
  /** With `catalog`: the newest course catalog import (shared by all organizations), else null. */
  catalogImportId: number | null;
};

/** SPEC §2 / §6: a program's data_through is the newest among the imports of its kinds. */
export async function loadFreshness(
  db: Db,
  orgId: string,
  kinds: string[],
  today: string,
  options: { catalog?: boolean } = {},
): Promise<Freshness> {
  // One statement (SPEC §9, fast at any size: every page loads a program's freshness; each query costs a round trip).
  const [newest] = await freshnessQuery(db, kinds, options.catalog ?? false).execute({ orgId });
  const refreshedOn = newest?.at ? newest.at.toISOString().slice(0, 10) : null;
  return {
    hasData: Boolean(newest?.dataThrough),
    dataThrough: newest?.dataThrough ?? null,
    asOf: newest?.dataThrough ?? defaultDataThrough(today),
    refreshedOn,
    nextRefreshDue: nextRefreshDue(today, refreshedOn),
    latestImportId: newest?.latestId == null ? null : Number(newest.latestId),
    catalogImportId: newest?.catalogId == null ? null : Number(newest.catalogId),
  };
}

/**
 * Built once per database and program (db/prepared.ts). Training Services also needs the
 * catalog's version: a catalog import rebuilds every organization's ts_monthly rows without an
 * import row of theirs.
 */
function buildFreshness(db: Db, kinds: string[], catalog: boolean, name: string) {
  const catalogId = catalog
    ? sql<number | null>`(select max(c.id) from ${imports} c where c.org_id is null and c.kind = 'courses')`
    : sql<number | null>`null::int`;
  return db
    .select({ dataThrough: max(imports.dataThrough), latestId: max(imports.id), at: max(imports.at), catalogId })
    .from(imports)
    .where(and(eq(imports.orgId, sql.placeholder("orgId")), inArray(imports.kind, kinds)))
    .prepare(name);
}
const freshnessQueries = perDb(() => new Map<string, ReturnType<typeof buildFreshness>>());

function freshnessQuery(db: Db, kinds: string[], catalog: boolean) {
  const byProgram = freshnessQueries(db);
  const key = `${kinds.join(",")}|${catalog}`;
  let query = byProgram.get(key);
  if (!query) byProgram.set(key, (query = buildFreshness(db, kinds, catalog, `freshness_${byProgram.size}`)));
  return query;
}
