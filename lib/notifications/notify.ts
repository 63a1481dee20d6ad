// SPEC §12: one notify run — record today's events of every organization, then deliver every
// digest that is due. Safe to run from several processes at once and as often as wanted: events,
// digest items and digests have unique keys, and digests are claimed with FOR UPDATE SKIP LOCKED.
// `today` and `now` are parameters; only lib/notifications/run.ts reads the clock and the env.
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  notificationDigestItems,
  notificationDigests,
  notificationEvents,
  notificationPreferences,
  organizations,
  users,
} from "@/db/schema";
import { CATEGORY_ROLES, type Category, isCategory, MAX_ATTEMPTS, retryDelayMs } from "@/lib/rules/notifications";
import type { IsoDate } from "@/lib/rules/time";
import { recordOrgEvents } from "./detect";
import { claimDue, type DigestOutcome, finishDigest } from "./digests";
import type { Mailer } from "./mailer";
import { type DigestItem, renderDigest } from "./render";
import { signUnsubscribe } from "./token";

export type NotifyOptions = {
  today: IsoDate;
  now: Date;
  /** null: no SMTP configured, mails go to the in-app outbox. */
  mailer: Mailer | null;
  from: string;
  appUrl: string;
  /** AUTH_SECRET, to sign unsubscribe links; without it mails carry none. */
  secret: string | null;
  log?: (level: "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;
};

export type NotifyResult = {
  organizations: number;
  events: number;
  sent: number;
  outbox: number;
  skipped: number;
  retrying: number;
  failed: number;
  errors: number;
};

const RECEIVING_ROLES = [...new Set(Object.values(CATEGORY_ROLES).flat())];

export async function runNotify(db: Db, o: NotifyOptions): Promise<NotifyResult> {
  const result: NotifyResult = {
    organizations: 0,
    events: 0,
    sent: 0,
    outbox: 0,
    skipped: 0,
    retrying: 0,
    failed: 0,
    errors: 0,
  };
  const orgs = await db
    .selectDistinct({ id: users.orgId })
    .from(users)
    .where(and(inArray(users.role, RECEIVING_ROLES), isNull(users.disabledAt), isNotNull(users.orgId)));
  for (const org of orgs) {
    result.organizations++;
    try {
      result.events += await recordOrgEvents(db, org.id!, o.today);
    } catch (error) {
      // One organization's bad data must not stop everyone else's mail; the next run retries it.
      result.errors++;
      o.log?.("error", "notify: events of an organization failed", { orgId: org.id, error: (error as Error).message });
    }
  }
  for (;;) {
    const ids = await claimDue(db, o.today, o.now, 20);
    if (ids.length === 0) break;
    for (const id of ids) {
      const outcome = await deliverOne(db, id, o);
      result[outcome.status === "retry" ? "retrying" : outcome.status]++;
    }
  }
  return result;
}

async function deliverOne(db: Db, id: number, o: NotifyOptions): Promise<DigestOutcome> {
  const [digest] = await db
    .select({
      id: notificationDigests.id,
      attempts: notificationDigests.attempts,
      digestDate: notificationDigests.digestDate,
      userId: notificationDigests.userId,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      orgName: organizations.name,
    })
    .from(notificationDigests)
    .innerJoin(users, eq(users.id, notificationDigests.userId))
    .innerJoin(organizations, eq(organizations.id, notificationDigests.orgId))
    .where(eq(notificationDigests.id, id));
  if (!digest) return { status: "skipped" };
  let outcome: DigestOutcome;
  let prepared: Prepared | null = null;
  try {
    prepared = await prepare(db, digest, o);
    outcome = prepared ? await send(prepared, o) : { status: "skipped" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = digest.attempts >= MAX_ATTEMPTS;
    outcome = {
      status: failed ? "failed" : "retry",
      error: message,
      nextAttemptAt: new Date(o.now.getTime() + retryDelayMs(digest.attempts)),
      mail: prepared?.base,
    };
    o.log?.("warn", "notify: delivery failed", { digest: id, attempts: digest.attempts, failed, error: message });
  }
  await finishDigest(db, id, digest.attempts, outcome, o.now);
  return outcome;
}

type ClaimedDigest = {
  id: number;
  digestDate: string;
  userId: string;
  email: string;
  name: string;
  disabledAt: Date | null;
  orgName: string;
};

type Prepared = {
  base: { to: string; subject: string; text: string; html: string; messageId: string };
  headers: Record<string, string>;
};

/** Renders what the recipient still wants (preferences are re-read now); null when nothing is left. */
async function prepare(db: Db, d: ClaimedDigest, o: NotifyOptions): Promise<Prepared | null> {
  if (d.disabledAt) return null;
  const [rows, offs] = await Promise.all([
    db
      .select({ category: notificationEvents.category, payload: notificationEvents.payload })
      .from(notificationDigestItems)
      .innerJoin(notificationEvents, eq(notificationEvents.id, notificationDigestItems.eventId))
      .where(eq(notificationDigestItems.digestId, d.id))
      .orderBy(notificationEvents.id),
    db
      .select({ category: notificationPreferences.category })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.userId, d.userId), sql`not ${notificationPreferences.enabled}`)),
  ]);
  const off = new Set(offs.map((r) => r.category));
  const items: DigestItem[] = rows
    .filter((r) => isCategory(r.category) && !off.has(r.category))
    .map((r) => ({ category: r.category as Category, payload: r.payload }));
  if (items.length === 0) return null;

  const categories = [...new Set(items.map((i) => i.category))];
  const link = (c: Category[]) =>
    `${o.appUrl}/api/notifications/unsubscribe?token=${signUnsubscribe(o.secret!, { userId: d.userId, categories: c })}`;
  const unsubscribe = o.secret
    ? { all: link(categories), byCategory: Object.fromEntries(categories.map((c) => [c, link([c])])) }
    : null;
  const mail = renderDigest({
    orgName: d.orgName,
    recipientName: d.name,
    date: d.digestDate,
    items,
    appUrl: o.appUrl,
    unsubscribe,
  });
  // A stable Message-ID per digest: should a crash after the server accepted it cause a resend,
  // receiving systems can recognise the duplicate.
  const messageId = `<digest-${d.id}-${d.digestDate}@${new URL(o.appUrl).hostname}>`;
  const headers: Record<string, string> = unsubscribe
    ? { "List-Unsubscribe": `<${unsubscribe.all}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
    : {};
  return { base: { to: d.email, subject: mail.subject, text: mail.text, html: mail.html, messageId }, headers };
}

async function send(p: Prepared, o: NotifyOptions): Promise<DigestOutcome> {
  if (!o.mailer) return { status: "outbox", ...p.base };
  await o.mailer.send({ from: o.from, headers: p.headers, ...p.base });
  return { status: "sent", ...p.base };
}
