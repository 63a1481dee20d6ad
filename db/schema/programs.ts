// Catalogs, line items, rollups, imports and evaluations of the two programs (SPEC §3, §4, §6).
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { day, organizations, ts } from "./core";

export const courseCategoryEnum = pgEnum("course_category", ["fundamentals", "two-days-or-less", "three-days-or-more"]);
export const voucherLevelEnum = pgEnum("voucher_level", ["fundamentals", "advanced"]);
export const segmentEnum = pgEnum("segment", ["enterprise", "smb"]);
export const associationEnum = pgEnum("association", ["cpor", "dpor", "csp", "pal"]);
export const trackEnum = pgEnum("track", ["enterprise", "smb"]);

// ---- Catalogs (shared by all organizations) ----
export const courses = pgTable("courses", {
  courseCode: text("course_code").primaryKey(),
  title: text("title").notNull(),
  solutionArea: text("solution_area"),
  category: courseCategoryEnum("category").notNull(),
  durationDays: integer("duration_days"),
});

// ---- Training Services line items (SPEC §3.1, §6) ----
export const coursewareCompletions = pgTable(
  "courseware_completions",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    achievementCode: text("achievement_code").notNull(),
    courseCode: text("course_code")
      .notNull()
      .references(() => courses.courseCode),
    redeemedOn: day("redeemed_on").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.achievementCode] }),
    index("completions_org_date_idx").on(t.orgId, t.redeemedOn),
  ],
);

export const examVouchers = pgTable(
  "exam_vouchers",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    voucherId: text("voucher_id").notNull(),
    examCode: text("exam_code").notNull(),
    level: voucherLevelEnum("level").notNull(),
    purchasedOn: day("purchased_on").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.voucherId] }), index("vouchers_org_date_idx").on(t.orgId, t.purchasedOn)],
);

export const mtmSurveys = pgTable(
  "mtm_surveys",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    surveyId: text("survey_id").notNull(),
    courseCode: text("course_code")
      .notNull()
      .references(() => courses.courseCode),
    completedOn: day("completed_on").notNull(),
    q1: smallint("q1"),
    q2: smallint("q2"),
    q3: smallint("q3"),
    q4: smallint("q4"),
    q5: smallint("q5"),
    otherAnswers: jsonb("other_answers").$type<Record<string, string>>(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.surveyId] }), index("surveys_org_date_idx").on(t.orgId, t.completedOn)],
);

// Monthly rollup of Training Services line items, rebuilt for an org inside every import
// transaction so dashboards never scan line items (SPEC §9 "fast at any size").
export const tsMonthly = pgTable(
  "ts_monthly",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    month: text("month").notNull(), // YYYY-MM
    kind: text("kind").notNull(), // completion | voucher | survey
    category: text("category").notNull(), // course category or voucher level
    solutionArea: text("solution_area").notNull().default(""), // "" = none
    items: integer("items").notNull(),
    answerSum: integer("answer_sum").notNull().default(0),
    answerCount: integer("answer_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month, t.kind, t.category, t.solutionArea] })],
);

// ---- Solutions Partner line items (SPEC §4.4, §6) ----
export const customers = pgTable(
  "customers",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    customerId: text("customer_id").notNull(),
    customerName: text("customer_name").notNull(),
    solutionArea: text("solution_area").notNull(),
    segment: segmentEnum("segment").notNull(),
    association: associationEnum("association").notNull(),
    eligibleFrom: day("eligible_from").notNull(),
    eligibleUntil: day("eligible_until"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.customerId, t.solutionArea, t.association] })],
);

export const certifications = pgTable(
  "certifications",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    personId: text("person_id").notNull(),
    personName: text("person_name").notNull(),
    certificationCode: text("certification_code").notNull(),
    earnedOn: day("earned_on").notNull(),
    expiresOn: day("expires_on"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personId, t.certificationCode] }),
    index("certifications_org_expires_idx").on(t.orgId, t.expiresOn), // expiring-within-90-days lists and alerts
  ],
);

export const usage = pgTable(
  "usage",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    solutionArea: text("solution_area").notNull(),
    association: associationEnum("association").notNull(),
    measure: text("measure").notNull(),
    month: text("month").notNull(), // YYYY-MM
    value: numeric("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.solutionArea, t.association, t.measure, t.month] })],
);

export const deployments = pgTable(
  "deployments",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    customerId: text("customer_id").notNull(),
    solutionArea: text("solution_area").notNull(),
    workload: text("workload").notNull(),
    association: associationEnum("association").notNull(),
    deployedOn: day("deployed_on").notNull(),
    removedOn: day("removed_on"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.customerId, t.solutionArea, t.workload, t.association] })],
);

// SPEC §4.2: a Business Applications track recorded by an operator wins over the computed one.
export const orgTracks = pgTable(
  "org_tracks",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    solutionArea: text("solution_area").notNull(),
    track: trackEnum("track").notNull(),
    setAt: ts("set_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.solutionArea] })],
);

// SPEC §6: every import records who, when, the file, counts and the data_through it brings.
export const imports = pgTable(
  "imports",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").references(() => organizations.id), // null for shared catalogs
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    rowCount: integer("row_count").notNull(),
    dataThrough: day("data_through"),
    importedBy: text("imported_by").notNull(),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [index("imports_org_kind_idx").on(t.orgId, t.kind, t.at)],
);

// SPEC §4.5: every evaluation is kept as history.
export const spEvaluations = pgTable(
  "sp_evaluations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    solutionArea: text("solution_area").notNull(),
    track: trackEnum("track").notNull(),
    metrics: jsonb("metrics").$type<Record<string, { value: number; points: number; max: number }>>().notNull(),
    total: numeric("total").notNull(),
    qualified: boolean("qualified").notNull(),
    dataThrough: day("data_through").notNull(),
    recordedAt: ts("recorded_at").notNull().defaultNow(),
  },
  (t) => [index("sp_evaluations_org_area_at_idx").on(t.orgId, t.solutionArea, t.recordedAt)],
);

// SPEC §9 (fast at any size): the Solutions Partner engine's raw inputs for an organization's latest data, written by
// every import of the program's kinds (inside its transaction) so pages never aggregate line items
// per request. Valid while `importId` is the org's newest such import and `ruleset` the one in force.
export const spSnapshots = pgTable("sp_snapshots", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id),
  importId: bigint("import_id", { mode: "number" }).notNull(),
  ruleset: text("ruleset").notNull(),
  dataThrough: day("data_through").notNull(),
  inputs: jsonb("inputs").$type<Record<string, unknown>>().notNull(),
  remaining: jsonb("remaining").$type<Record<string, { persons: number }>>().notNull(), // certification holders after the 90-day horizon
  computedAt: ts("computed_at").notNull().defaultNow(),
});

export type Course = typeof courses.$inferSelect;
export type ImportRow = typeof imports.$inferSelect;
