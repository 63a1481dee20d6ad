import { and, desc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { imports } from "@/db/schema";
import { defaultDataThrough, nextRefreshDue } from "@/lib/rules/time";

export type Freshness = {
  hasData: boolean;
  dataThrough: string; // newest data_through of the program's imports, else the default
  refreshedOn: string | null; // when the latest of those imports landed
  nextRefreshDue: string;
  latestImportId: number | null; // the newest of those imports: a version of the program's data
};

/** SPEC §2 / §6: a program's data_through is the newest among the imports of its kinds. */
export async function loadFreshness(db: Db, orgId: string, kinds: string[], today: string): Promise<Freshness> {
  const where = and(eq(imports.orgId, orgId), inArray(imports.kind, kinds));
  const [[newest], [latest]] = await Promise.all([
    db.select({ dataThrough: max(imports.dataThrough), latestId: max(imports.id) }).from(imports).where(where),
    db.select({ at: imports.at }).from(imports).where(where).orderBy(desc(imports.at)).limit(1),
  ]);
  const refreshedOn = latest ? latest.at.toISOString().slice(0, 10) : null;
  return {
    hasData: Boolean(newest?.dataThrough),
    dataThrough: newest?.dataThrough ?? defaultDataThrough(today),
    refreshedOn,
    nextRefreshDue: nextRefreshDue(today, refreshedOn),
    latestImportId: newest?.latestId == null ? null : Number(newest.latestId),
  };
}
