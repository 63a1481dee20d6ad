import { sql } from "drizzle-orm";
import {
  bigint, bigserial, boolean, customType, date, index, integer, jsonb, numeric, pgEnum, pgSequence, pgTable, primaryKey,
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
}, (t) => [
  primaryKey({ columns: [t.orgId, t.personId, t.certificationCode] }),
  index("certifications_org_expires_idx").on(t.orgId, t.expiresOn), // expiring-within-90-days lists and alerts
]);

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

// Issue #7: the Solutions Partner engine's raw inputs for an organization's latest data, written by
// every import of the program's kinds (inside its transaction) so pages never aggregate line items
// per request. Valid while `importId` is the org's newest such import and `ruleset` the one in force.
export const spSnapshots = pgTable("sp_snapshots", {
  orgId: uuid("org_id").primaryKey().references(() => organizations.id),
  importId: bigint("import_id", { mode: "number" }).notNull(),
  ruleset: text("ruleset").notNull(),
  dataThrough: day("data_through").notNull(),
  inputs: jsonb("inputs").$type<Record<string, unknown>>().notNull(),
  remaining: jsonb("remaining").$type<Record<string, { persons: number }>>().notNull(), // certification holders after the 90-day horizon
  computedAt: ts("computed_at").notNull().defaultNow(),
});

// ---- Membership offers (SPEC §5, issue #5) ----
export const offerEnum = pgEnum("offer", ["solutions-partner", "training-services"]);
export const orderKindEnum = pgEnum("order_kind", ["purchase", "renewal"]);
export const paymentMethodEnum = pgEnum("payment_method", ["billing_profile", "wire_transfer"]);
export const orderStatusEnum = pgEnum("order_status", ["awaiting_payment", "active", "cancelled", "expired"]);
export const orderNumberSeq = pgSequence("order_number_seq", { startWith: 100001 });

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

// One row per order (the ledger). Term = the designation year it pays for: a purchase covers
// [placed_on, +1 year], a renewal [previous anniversary, +1 year]. Exactly once: the
// idempotency key is unique, and at most one open or active order per org, offer and term.
export const orders = pgTable("orders", {
  id: uuid("id").primaryKey().defaultRandom(),
  number: text("number").notNull().unique(),
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  offer: offerEnum("offer").notNull(),
  kind: orderKindEnum("kind").notNull(),
  termStart: day("term_start").notNull(),
  termEnd: day("term_end").notNull(),
  amountMinor: integer("amount_minor").notNull(), // integer minor units (cents)
  currency: text("currency").notNull(),
  method: paymentMethodEnum("method").notNull(),
  status: orderStatusEnum("status").notNull(),
  idempotencyKey: text("idempotency_key").notNull().unique(),
  bankReference: text("bank_reference"), // wire transfer: the reference to quote
  billTo: jsonb("bill_to").$type<Record<string, string>>().notNull(),
  placedBy: text("placed_by").notNull(), // email of the user
  placedOn: day("placed_on").notNull(),
  expiresOn: day("expires_on"), // wire transfer: last day payment is accepted
  paidOn: day("paid_on"),
  closedOn: day("closed_on"), // cancelled or expired on
  placedAt: ts("placed_at").notNull().defaultNow(),
}, (t) => [
  uniqueIndex("orders_open_or_active_term_key").on(t.orgId, t.offer, t.termStart).where(sql`${t.status} in ('awaiting_payment', 'active')`),
  uniqueIndex("orders_one_open_key").on(t.orgId, t.offer).where(sql`${t.status} = 'awaiting_payment'`),
  index("orders_org_placed_idx").on(t.orgId, t.placedAt),
]);

// The designation an organization holds per offer: moved by activations and renewals,
// lapsed by maintenance once the anniversary has passed unrenewed.
export const designations = pgTable("designations", {
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  offer: offerEnum("offer").notNull(),
  status: text("status").notNull(), // active | lapsed
  anniversary: day("anniversary").notNull(),
  heldSince: day("held_since").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.offer] })]);

// SPEC §4.5: Solutions Partner areas enrolled per paid term (order).
export const spEnrollments = pgTable("sp_enrollments", {
  orderId: uuid("order_id").notNull().references(() => orders.id),
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  solutionArea: text("solution_area").notNull(),
  enrolledOn: day("enrolled_on").notNull(),
  atNoCharge: boolean("at_no_charge").notNull().default(false),
}, (t) => [primaryKey({ columns: [t.orderId, t.solutionArea] }), index("sp_enrollments_org_idx").on(t.orgId)]);

export const billingProfiles = pgTable("billing_profiles", {
  orgId: uuid("org_id").primaryKey().references(() => organizations.id),
  billingName: text("billing_name").notNull(),
  addressLine1: text("address_line1").notNull(),
  addressLine2: text("address_line2").notNull().default(""),
  city: text("city").notNull(),
  postalCode: text("postal_code").notNull(),
  country: text("country").notNull(),
  taxId: text("tax_id").notNull().default(""),
  paymentInstrument: text("payment_instrument").notNull(), // masked description only
  updatedBy: text("updated_by").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

// Wire-transfer payment proofs, kept in the database (bytea) so stateless app servers share them.
export const paymentProofs = pgTable("payment_proofs", {
  id: uuid("id").primaryKey().defaultRandom(),
  orderId: uuid("order_id").notNull().references(() => orders.id),
  orgId: uuid("org_id").notNull().references(() => organizations.id),
  fileName: text("file_name").notNull(),
  contentType: text("content_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  sha256: text("sha256").notNull(),
  data: bytea("data").notNull(),
  uploadedBy: text("uploaded_by").notNull(),
  uploadedAt: ts("uploaded_at").notNull().defaultNow(),
}, (t) => [index("payment_proofs_order_idx").on(t.orderId)]);

export type Order = typeof orders.$inferSelect;
export type Designation = typeof designations.$inferSelect;
export type BillingProfile = typeof billingProfiles.$inferSelect;

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof roleEnum.enumValues)[number];
export type AuditRow = typeof auditLog.$inferSelect;
export type Course = typeof courses.$inferSelect;
export type ImportRow = typeof imports.$inferSelect;
