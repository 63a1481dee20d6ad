// Organizations, users, sessions and the audit log (SPEC §1). Column helpers shared by every table.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// SPEC §1 roles. One role per user, stored once. `operator` runs the instance and belongs to no
// organization (SPEC §10); every other role belongs to exactly one (the check below).
export const roleEnum = pgEnum("role", ["member", "partner_admin", "account_admin", "global_admin", "operator"]);

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const day = (name: string) => date(name, { mode: "string" });

// Versions come from one sequence, never from `+ 1`: a rolled-back transaction (a dry-run import) burns its number, so
// a value computed inside it can never be mistaken for a later commit's (lib/cache.ts).
export const dataVersionSeq = pgSequence("data_version_seq");

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnerId: text("partner_id").notNull().unique(),
    name: text("name").notNull(),
    country: text("country").notNull(),
    verified: boolean("verified").notNull().default(false),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** SPEC §9: names the state of every input of the organization's derived figures (lib/cache.ts). */
    dataVersion: bigint("data_version", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    // SPEC §10 Organizations list: prefix search by name or partner id, sort by name, "unverified".
    index("organizations_name_search_idx").using("btree", sql`lower(${t.name}) text_pattern_ops`),
    index("organizations_partner_id_search_idx").using("btree", sql`${t.partnerId} text_pattern_ops`),
    index("organizations_name_idx").on(t.name, t.id),
    index("organizations_unverified_idx").on(t.name).where(sql`not ${t.verified}`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").references(() => organizations.id), // null only for operators
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    disabledAt: ts("disabled_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_org_idx").on(t.orgId),
    // ::text: a check on the new enum value must not use it as an enum constant in its own migration.
    check("users_operator_has_no_org", sql`(${t.role}::text = 'operator') = (${t.orgId} is null)`),
  ],
);

// A signed-in session: the JWT carries only this id; deleting the row signs the cookie out.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_at_idx").on(t.email, t.at)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").references(() => organizations.id),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actor: text("actor").notNull(), // email of the user, or "cli"
    action: text("action").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [index("audit_log_org_at_idx").on(t.orgId, t.at)],
);

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof roleEnum.enumValues)[number];
export type AuditRow = typeof auditLog.$inferSelect;
