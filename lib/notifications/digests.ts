// SPEC §12: one digest per recipient per day, each event once per recipient. An event joins the
// recipient's digest of the day while that digest is still pending; once a worker has claimed it
// (status "sending" or later), the event waits for the next day's. Row locks make the two meet
// safely: fan-out holds the pending digest FOR UPDATE, and a claim skips locked rows.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { notificationDigestItems, notificationDigests, notificationPreferences, users } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/transaction";
import { CATEGORY_ROLES, type Category } from "@/lib/rules/notifications";
import { addDays, type IsoDate } from "@/lib/rules/time";

/** The users of an organization who receive a category today: role, not disabled, not turned off. */
export async function recipientsOf(q: DbOrTx, orgId: string, category: Category) {
  return q
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.category, category)),
    )
    .where(
      and(
        eq(users.orgId, orgId),
        inArray(users.role, [...CATEGORY_ROLES[category]]),
        isNull(users.disabledAt),
        sql`coalesce(${notificationPreferences.enabled}, true)`,
      ),
    );
}

/** The recipient's pending digest for the first day from `today` on whose digest is not yet claimed. */
async function openDigest(tx: Tx, userId: string, orgId: string, today: IsoDate): Promise<number> {
  for (let n = 0; ; n++) {
    const digestDate = addDays(today, n);
    await tx.insert(notificationDigests).values({ userId, orgId, digestDate }).onConflictDoNothing();
    const [row] = rowsOf<{ id: string | number; status: string }>(
      await tx.execute(
        sql`select id, status from notification_digests where user_id = ${userId} and digest_date = ${digestDate} for update`,
      ),
    );
    if (row?.status === "pending") return Number(row.id);
  }
}

/** Places a newly recorded event in each recipient's digest (in the event's transaction). */
export async function fanOut(tx: Tx, event: { id: number; orgId: string; category: Category }, today: IsoDate) {
  for (const r of await recipientsOf(tx, event.orgId, event.category)) {
    const digestId = await openDigest(tx, r.id, event.orgId, today);
    await tx
      .insert(notificationDigestItems)
      .values({ digestId, eventId: event.id, userId: r.id })
      .onConflictDoNothing();
  }
}

/** Lease of a claimed digest: a worker that dies mid-send leaves it to be claimed again after this. */
export const LEASE_MS = 5 * 60_000;

/**
 * Claims up to `limit` digests that are due (their day has come and they were never tried, their
 * next attempt is due, or a lease ran out): one statement, FOR UPDATE SKIP LOCKED, so two workers never take the same one.
 */
export async function claimDue(q: DbOrTx, today: IsoDate, now: Date, limit: number): Promise<number[]> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const rows = rowsOf<{ id: string | number }>(
    await q.execute(sql`
      update notification_digests set status = 'sending', lease_until = ${lease.toISOString()}::timestamptz,
        attempts = attempts + 1
      where id in (
        select id from notification_digests
        where digest_date <= ${today}
          and ((status = 'pending' and (attempts = 0 or next_attempt_at <= ${now.toISOString()}::timestamptz))
            or (status = 'sending' and lease_until < ${now.toISOString()}::timestamptz))
        order by id
        limit ${limit}
        for update skip locked)
      returning id`),
  );
  return rows.map((r) => Number(r.id));
}

export type DigestOutcome =
  | { status: "sent" | "outbox"; to: string; subject: string; text: string; html: string; messageId: string | null }
  | { status: "skipped" }
  | {
      status: "retry" | "failed";
      error: string;
      nextAttemptAt: Date;
      /** What would have been sent: kept so the recipient can read it in the app meanwhile. */
      mail?: { to: string; subject: string; text: string; html: string };
    };

/** Records the outcome of one attempt; only the worker holding the lease may (attempts match). */
export async function finishDigest(q: DbOrTx, id: number, attempts: number, outcome: DigestOutcome, now: Date) {
  const where = and(
    eq(notificationDigests.id, id),
    eq(notificationDigests.status, "sending"),
    eq(notificationDigests.attempts, attempts),
  );
  if (outcome.status === "retry" || outcome.status === "failed") {
    await q
      .update(notificationDigests)
      .set({
        status: outcome.status === "retry" ? "pending" : "failed",
        lastError: outcome.error.slice(0, 500),
        ...(outcome.mail
          ? {
              toAddress: outcome.mail.to,
              mailSubject: outcome.mail.subject,
              mailText: outcome.mail.text,
              mailHtml: outcome.mail.html,
            }
          : {}),
        nextAttemptAt: outcome.nextAttemptAt,
        leaseUntil: null,
      })
      .where(where);
    return;
  }
  if (outcome.status === "skipped") {
    await q.update(notificationDigests).set({ status: "skipped", leaseUntil: null, deliveredAt: now }).where(where);
    return;
  }
  if (outcome.status === "sent" || outcome.status === "outbox")
    await q
      .update(notificationDigests)
      .set({
        status: outcome.status,
        toAddress: outcome.to,
        mailSubject: outcome.subject,
        mailText: outcome.text,
        mailHtml: outcome.html,
        messageId: outcome.messageId,
        lastError: null,
        leaseUntil: null,
        deliveredAt: now,
      })
      .where(where);
}
