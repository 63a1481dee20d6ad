// SPEC §12 notifications: events written once (unique key), one digest per recipient and day,
// delivered by whichever worker claims it first (FOR UPDATE SKIP LOCKED), retried with backoff.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { day, organizations, ts, users } from "./core";

/** What the mail says about one event; rendered into the digest at delivery. */
export type EventPayload = { title: string; detail: string; href: string; deadline: string | null };

// One row per event: the unique key (kind, organization, subject, date) is what makes every
// instance, restart and re-run agree that it happened once.
export const notificationEvents = pgTable(
  "notification_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind").notNull(),
    category: text("category").notNull(),
    subject: text("subject").notNull(),
    eventDate: day("event_date").notNull(),
    payload: jsonb("payload").$type<EventPayload>().notNull(),
    detectedOn: day("detected_on").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("notification_events_key").on(t.kind, t.orgId, t.subject, t.eventDate)],
);

// What the last run saw of conditions whose *change* is the event: a roll-off risk newly
// appearing, qualification gained or lost after an import.
export const notificationState = pgTable(
  "notification_state",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    key: text("key").notNull(),
    value: text("value").notNull(),
    version: text("version").notNull().default(""),
    since: day("since").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);

// One mail per recipient per day. Status: pending → sending (claimed, lease) → sent (SMTP) or
// outbox (no SMTP configured: kept in the app), skipped (nothing left to say), failed (gave up).
export const notificationDigests = pgTable(
  "notification_digests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    digestDate: day("digest_date").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    leaseUntil: ts("lease_until"),
    lastError: text("last_error"),
    toAddress: text("to_address"),
    mailSubject: text("mail_subject"),
    mailText: text("mail_text"),
    mailHtml: text("mail_html"),
    messageId: text("message_id"),
    deliveredAt: ts("delivered_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notification_digests_user_day_key").on(t.userId, t.digestDate),
    index("notification_digests_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
  ],
);

// Each event once per recipient: the pair is unique across every digest.
export const notificationDigestItems = pgTable(
  "notification_digest_items",
  {
    digestId: bigint("digest_id", { mode: "number" })
      .notNull()
      .references(() => notificationDigests.id),
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => notificationEvents.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index("notification_digest_items_digest_idx").on(t.digestId)],
);

// A user's choice per category; no row means on.
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    category: text("category").notNull(),
    enabled: boolean("enabled").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);

export type NotificationDigest = typeof notificationDigests.$inferSelect;
