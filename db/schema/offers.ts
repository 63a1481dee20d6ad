// Membership offers (SPEC §5): orders, designations, enrollments, billing, proofs.
import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { day, organizations, ts } from "./core";

export const offerEnum = pgEnum("offer", ["solutions-partner", "training-services"]);
export const orderKindEnum = pgEnum("order_kind", ["purchase", "renewal"]);
export const paymentMethodEnum = pgEnum("payment_method", ["billing_profile", "wire_transfer"]);
export const orderStatusEnum = pgEnum("order_status", ["awaiting_payment", "active", "cancelled", "expired"]);
export const orderNumberSeq = pgSequence("order_number_seq", { startWith: 100001 });

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

// One row per order (the ledger). Term = the designation year it pays for: a purchase covers
// [placed_on, +1 year], a renewal [previous anniversary, +1 year]. Exactly once: the
// idempotency key is unique, and at most one open or active order per org, offer and term.
export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull().unique(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
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
  },
  (t) => [
    uniqueIndex("orders_open_or_active_term_key")
      .on(t.orgId, t.offer, t.termStart)
      .where(sql`${t.status} in ('awaiting_payment', 'active')`),
    uniqueIndex("orders_one_open_key").on(t.orgId, t.offer).where(sql`${t.status} = 'awaiting_payment'`),
    index("orders_org_placed_idx").on(t.orgId, t.placedAt),
    index("orders_awaiting_placed_idx").on(t.placedAt).where(sql`${t.status} = 'awaiting_payment'`), // operator Payments
  ],
);

// The designation an organization holds per offer: moved by activations and renewals,
// lapsed by maintenance once the anniversary has passed unrenewed.
export const designations = pgTable(
  "designations",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    offer: offerEnum("offer").notNull(),
    status: text("status").notNull(), // active | lapsed
    anniversary: day("anniversary").notNull(),
    heldSince: day("held_since").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.offer] }),
    index("designations_active_anniversary_idx").on(t.anniversary).where(sql`${t.status} = 'active'`), // renewal due (SPEC §10)
  ],
);

// SPEC §4.5: Solutions Partner areas enrolled per paid term (order).
export const spEnrollments = pgTable(
  "sp_enrollments",
  {
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    solutionArea: text("solution_area").notNull(),
    enrolledOn: day("enrolled_on").notNull(),
    atNoCharge: boolean("at_no_charge").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.solutionArea] }), index("sp_enrollments_org_idx").on(t.orgId)],
);

export const billingProfiles = pgTable("billing_profiles", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id),
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
export const paymentProofs = pgTable(
  "payment_proofs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    uploadedAt: ts("uploaded_at").notNull().defaultNow(),
  },
  (t) => [index("payment_proofs_order_idx").on(t.orderId)],
);

export type Order = typeof orders.$inferSelect;
export type Designation = typeof designations.$inferSelect;
export type BillingProfile = typeof billingProfiles.$inferSelect;
