// The import history shown on the import page: the organization's own imports, plus the shared
// course catalog imports made by its users (never another organization's names).
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { imports, users } from "@/db/schema";

export type ImportHistoryRow = {
  id: number;
  kind: string;
  fileName: string;
  rowCount: number;
  dataThrough: string | null;
  importedBy: string;
  at: Date;
};

export async function listRecentImports(db: Db, orgId: string, limit = 20): Promise<ImportHistoryRow[]> {
  const byOrgUser = sql`exists (select 1 from ${users} where ${users.orgId} = ${orgId} and lower(${users.email}) = lower(${imports.importedBy}))`;
  return db
    .select({
      id: imports.id,
      kind: imports.kind,
      fileName: imports.fileName,
      rowCount: imports.rowCount,
      dataThrough: imports.dataThrough,
      importedBy: imports.importedBy,
      at: imports.at,
    })
    .from(imports)
    .where(or(eq(imports.orgId, orgId), and(isNull(imports.orgId), byOrgUser)))
    .orderBy(desc(imports.at), desc(imports.id))
    .limit(limit);
}
