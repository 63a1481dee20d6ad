// SPEC §10 Audit: the audit log across organizations, newest first, keyset-paginated by id.
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, organizations } from "@/db/schema";
import { addDays, isValidIsoDate } from "@/lib/rules/time";

export const OPERATOR_AUDIT_PAGE = 50;
const isoDate = z
  .string()
  .trim()
  .refine((d) => d === "" || isValidIsoDate(d))
  .catch("");

export const auditQuery = z.object({
  org: z.string().trim().max(40).catch(""), // partner ID
  actor: z.string().trim().toLowerCase().max(320).catch(""),
  kind: z.string().trim().max(60).catch(""),
  from: isoDate,
  to: isoDate,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export async function listAuditAcrossOrgs(db: Db, q: AuditQuery) {
  const where: SQL[] = [];
  if (q.org) where.push(eq(organizations.partnerId, q.org));
  if (q.actor) where.push(sql`lower(${auditLog.actor}) = ${q.actor}`);
  if (q.kind) where.push(eq(auditLog.action, q.kind));
  if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) where.push(lt(auditLog.at, new Date(`${addDays(q.to, 1)}T00:00:00Z`)));
  if (q.before) where.push(lt(auditLog.id, q.before));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      detail: auditLog.detail,
      partnerId: organizations.partnerId,
      orgName: organizations.name,
    })
    .from(auditLog)
    .leftJoin(organizations, eq(organizations.id, auditLog.orgId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(OPERATOR_AUDIT_PAGE + 1);
  const more = rows.length > OPERATOR_AUDIT_PAGE;
  const page = rows.slice(0, OPERATOR_AUDIT_PAGE);
  return { rows: page, nextBefore: more ? page[page.length - 1]!.id : null };
}

export async function auditKinds(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
