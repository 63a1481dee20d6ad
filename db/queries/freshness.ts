import { and, eq, inArray, max } from "drizzle-orm";
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
  // One statement (issue #7: every page loads a program's freshness; each query costs a round trip).
  const [newest] = await db
    .select({ dataThrough: max(imports.dataThrough), latestId: max(imports.id), at: max(imports.at) })
    .from(imports)
    .where(and(eq(imports.orgId, orgId), inArray(imports.kind, kinds)));
  const refreshedOn = newest?.at ? newest.at.toISOString().slice(0, 10) : null;
  return {
    hasData: Boolean(newest?.dataThrough),
    dataThrough: newest?.dataThrough ?? defaultDataThrough(today),
    refreshedOn,
    nextRefreshDue: nextRefreshDue(today, refreshedOn),
    latestImportId: newest?.latestId == null ? null : Number(newest.latestId),
  };
}
