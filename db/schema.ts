import { sql } from "drizzle-orm";
import {
  bigserial, boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey,
  smallint, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";

// SPEC §1 roles. One role per user, stored once.
export const roleEnum = pgEnum("role", ["member", "partner_admin", "account_admin", "global_admin"]);
export const courseCategoryEnum = pgEnum("course_category", ["fundamentals", "two-days-or-less", "three-days-or-more"]);
export const voucherLevelEnum = pgEnum("voucher_level", ["fundamentals", "advanced"]);
export const segmentEnum = pgEnum("segment", ["enterprise", "smb"]);
export const associationEnum = pgEnum("association", ["cpor", "dpor", "csp", "pal"]);
export const trackEnum = pgEnum("track", ["enterprise", "smb"]);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const day = (name: string) => date(name, { mode: "string" });

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnerId: text("partner_id").notNull().unique(),
  name: text("name").notNull(),
  country: text("country").notNull(),
  verified: boolean("verified").notNull().default(false),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  email: text("email").notNull(),
  name: text("name").notNull(),
  role: roleEnum("role").notNull(),
  passwordHash: text("password_hash").notNull(),
  disabledAt: ts("disabled_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
}, (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), index("users_org_idx").on(t.orgId)]);

// A signed-in session: the JWT carries only this id; deleting the row signs the cookie out.
export const sessions = pgTable("sessions", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  createdAt: ts("created_at").notNull().defaultNow(),
  expiresAt: ts("expires_at").notNull(),
}, (t) => [index("sessions_user_idx").on(t.userId)]);

export const signInAttempts = pgTable("sign_in_attempts", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  email: text("email").notNull(),
  succeeded: boolean("succeeded").notNull(),
  at: ts("at").notNull().defaultNow(),
}, (t) => [index("sign_in_attempts_email_at_idx").on(t.email, t.at)]);

export const auditLog = pgTable("audit_log", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  orgId: uuid("org_id").references(() => organizations.id),
  actorUserId: uuid("actor_user_id").references(() => users.id),
  actor: text("actor").notNull(), // email of the user, or "cli"
  action: text("action").notNull(),
  detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  at: ts("at").notNull().defaultNow(),
}, (t) => [index("audit_log_org_at_idx").on(t.orgId, t.at)]);

// ---- Catalogs (shared by all organizations) ----
export const courses = pgTable("courses", {
  courseCode: text("course_code").primaryKey(),
  title: text("title").notNull(),
  solutionArea: text("solution_area"),
  category: courseCategoryEnum("category").notNull(),
  durationDays: integer("duration_days"),
});

// ---- Training Services line items (SPEC §3.1, §6) ----
export const coursewareCompletions = pgTable("courseware_completions", {
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  achievementCode: text("achievement_code").notNull(),
  courseCode: text("course_code").notNull().references(() => courses.courseCode),
  redeemedOn: day("redeemed_on").notNull(),
}, (t) => [primaryKey({ columns: [t.orgId, t.achievementCode] }), index("completions_org_date_idx").on(t.orgId, t.redeemedOn)]);

export const examVouchers = pgTable("exam_vouchers", {
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  voucherId: text("voucher_id").notNull(),
  examCode: text("exam_code").notNull(),
  level: voucherLevelEnum("level").notNull(),
  purchasedOn: day("purchased_on").notNull(),
}, (t) => [primaryKey({ columns: [t.orgId, t.voucherId] }), index("vouchers_org_date_idx").on(t.orgId, t.purchasedOn)]);

export const mtmSurveys = pgTable("mtm_surveys", {
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  surveyId: text("survey_id").notNull(),
  courseCode: text("course_code").notNull().references(() => courses.courseCode),
  completedOn: day("completed_on").notNull(),
  q1: smallint("q1"), q2: smallint("q2"), q3: smallint("q3"), q4: smallint("q4"), q5: smallint("q5"),
  otherAnswers: jsonb("other_answers").$type<Record<string, string>>(),
}, (t) => [primaryKey({ columns: [t.orgId, t.surveyId] }), index("surveys_org_date_idx").on(t.orgId, t.completedOn)]);

// Monthly rollup of Training Services line items, rebuilt for an org inside every import
// transaction so dashboards never scan line items (SPEC §9 "fast at any size").
export const tsMonthly = pgTable("ts_monthly", {
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  month: text("month").notNull(), // YYYY-MM
  kind: text("kind").notNull(), // completion | voucher | survey
  category: text("category").notNull(), // course category or voucher level
  solutionArea: text("solution_area").notNull().default(""), // "" = none
  items: integer("items").notNull(),
  answerSum: integer("answer_sum").notNull().default(0),
  answerCount: integer("answer_count").notNull().default(0),
}, (t) => [primaryKey({ columns: [t.orgId, t.month, t.kind, t.category, t.solutionArea] })]);

// ---- Solutions Partner line items (SPEC §4.4, §6) ----
export const customers = pgTable("customers", {
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  customerId: text("customer_id").notNull(),
  customerName: text("customer_name").notNull(),
  solutionArea: text("solution_area").notNull(),
  segment: segmentEnum("segment").notNull(),
  association: associationEnum("association").notNull(),
  eligibleFrom: day("eligible_from").notNull(),
  eligibleUntil: day("eligible_until"),
}, (t) => [primaryKey({ columns: [t.orgId, t.customerId, t.solutionArea, t.association] })]);

export const certifications = pgTable("certifications", {
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  personId: text("person_id").notNull(),
  personName: text("person_name").notNull(),
  certificationCode: text("certification_code").notNull(),
  earnedOn: day("earned_on").notNull(),
  expiresOn: day("expires_on"),
}, (t) => [primaryKey({ columns: [t.orgId, t.personId, t.certificationCode] })]);

export const usage = pgTable("usage", {
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  solutionArea: text("solution_area").notNull(),
  association: associationEnum("association").notNull(),
  measure: text("measure").notNull(),
  month: text("month").notNull(), // YYYY-MM
  value: numeric("value").notNull(),
}, (t) => [primaryKey({ columns: [t.orgId, t.solutionArea, t.association, t.measure, t.month] })]);

export const deployments = pgTable("deployments", {
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  customerId: text("customer_id").notNull(),
  solutionArea: text("solution_area").notNull(),
  workload: text("workload").notNull(),
  association: associationEnum("association").notNull(),
  deployedOn: day("deployed_on").notNull(),
  removedOn: day("removed_on"),
}, (t) => [primaryKey({ columns: [t.orgId, t.customerId, t.solutionArea, t.workload, t.association] })]);

// SPEC §4.2: a Business Applications track recorded by an operator wins over the computed one.
export const orgTracks = pgTable("org_tracks", {
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  solutionArea: text("solution_area").notNull(),
  track: trackEnum("track").notNull(),
  setAt: ts("set_at").notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.solutionArea] })]);

// SPEC §6: every import records who, when, the file, counts and the data_through it brings.
export const imports = pgTable("imports", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  orgId: uuid("org_id").references(() => organizations.id), // null for shared catalogs
  kind: text("kind").notNull(),
  fileName: text("file_name").notNull(),
  rowCount: integer("row_count").notNull(),
  dataThrough: day("data_through"),
  importedBy: text("imported_by").notNull(),
  at: ts("at").notNull().defaultNow(),
}, (t) => [index("imports_org_kind_idx").on(t.orgId, t.kind, t.at)]);

// SPEC §4.5: every evaluation is kept as history.
export const spEvaluations = pgTable("sp_evaluations", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  solutionArea: text("solution_area").notNull(),
  track: trackEnum("track").notNull(),
  metrics: jsonb("metrics").$type<Record<string, { value: number; points: number; max: number }>>().notNull(),
  total: numeric("total").notNull(),
  qualified: boolean("qualified").notNull(),
  dataThrough: day("data_through").notNull(),
  recordedAt: ts("recorded_at").notNull().defaultNow(),
}, (t) => [index("sp_evaluations_org_area_at_idx").on(t.orgId, t.solutionArea, t.recordedAt)]);

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof roleEnum.enumValues)[number];
export type AuditRow = typeof auditLog.$inferSelect;
export type Course = typeof courses.$inferSelect;
export type ImportRow = typeof imports.$inferSelect;
