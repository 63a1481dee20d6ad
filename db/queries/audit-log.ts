import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AuditRow, auditLog } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

/** SPEC §5 Audit: the signed-in organization's rows only, newest first, keyset-paginated by id. */
export async function listAudit(
  db: Db,
  orgId: string,
  before?: number,
): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  const where = before ? and(eq(auditLog.orgId, orgId), lt(auditLog.id, before)) : eq(auditLog.orgId, orgId);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { rows: page, nextBefore: more ? page[page.length - 1]!.id : null };
}
