import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationDigests, organizations, users } from "@/db/schema";

// SPEC §12 in-app outbox: every digest that was delivered (by SMTP or kept in the app), failed, or
// is waiting for its next attempt. Recipients read their own; an operator reads all of them.
const SHOWN = ["sent", "outbox", "failed", "pending", "sending"];

const columns = {
  id: notificationDigests.id,
  digestDate: notificationDigests.digestDate,
  status: notificationDigests.status,
  attempts: notificationDigests.attempts,
  lastError: notificationDigests.lastError,
  nextAttemptAt: notificationDigests.nextAttemptAt,
  to: notificationDigests.toAddress,
  subject: notificationDigests.mailSubject,
  text: notificationDigests.mailText,
  deliveredAt: notificationDigests.deliveredAt,
};

export type OutboxMail = {
  id: number;
  digestDate: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  to: string | null;
  subject: string | null;
  text: string | null;
  deliveredAt: Date | null;
};

/** The signed-in user's own mails, newest first (organization and user always from the session). */
export async function listMailsForUser(db: Db, orgId: string, userId: string, limit = 60): Promise<OutboxMail[]> {
  return db
    .select(columns)
    .from(notificationDigests)
    .where(
      and(
        eq(notificationDigests.orgId, orgId),
        eq(notificationDigests.userId, userId),
        inArray(notificationDigests.status, SHOWN),
        sql`(${notificationDigests.attempts} > 0 or ${notificationDigests.status} <> 'pending')`,
      ),
    )
    .orderBy(desc(notificationDigests.digestDate), desc(notificationDigests.id))
    .limit(limit);
}

export type OutboxMailWithOrg = OutboxMail & { orgId: string; orgName: string; partnerId: string; userEmail: string };

/** Every organization's mails, newest first: for the operator workspace (SPEC §10, §12). */
export async function listAllOutboxMails(
  db: Db,
  opts: { limit?: number; offset?: number; status?: string } = {},
): Promise<OutboxMailWithOrg[]> {
  return db
    .select({
      ...columns,
      orgId: notificationDigests.orgId,
      orgName: organizations.name,
      partnerId: organizations.partnerId,
      userEmail: users.email,
    })
    .from(notificationDigests)
    .innerJoin(organizations, eq(organizations.id, notificationDigests.orgId))
    .innerJoin(users, eq(users.id, notificationDigests.userId))
    .where(inArray(notificationDigests.status, opts.status ? [opts.status] : SHOWN))
    .orderBy(desc(notificationDigests.digestDate), desc(notificationDigests.id))
    .limit(Math.min(opts.limit ?? 100, 500))
    .offset(opts.offset ?? 0);
}
