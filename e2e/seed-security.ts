import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  auditLog,
  certifications,
  customers,
  designations,
  imports,
  orders,
  organizations,
  paymentProofs,
  spEnrollments,
  spEvaluations,
  users,
} from "../db/schema";
import { hashPassword } from "../lib/auth/password";
import { E2E_ORGS, E2E_PASSWORD } from "./fixtures";
import { billingProfile, qualifyTs } from "./seed-offers";

// SPEC §9 end-to-end data (E2E_TODAY 2026-11-15). Organization A carries sentinel strings in
// every kind of data it owns, so that a response to organization B can be searched for them;
// its ids are fixed so that the tests can aim B's requests at them.
export const SENTINEL = {
  orgName: "Sentinel Org Alpha-7Q",
  customer: "Sentinel Customer Quokka",
  person: "Sentinel Person Wombat",
  billing: "Sentinel Billing Numbat",
  importFile: "sentinel-import-kiwi.csv",
  user: "Sentinel User Dingo",
  proofFile: "sentinel-proof-emu.png",
} as const;

export const MATRIX = {
  /** A's active, paid Solutions Partner order (invoice) and its awaiting wire-transfer order (proof). */
  activeOrder: "PMC-900001",
  awaitingOrder: "PMC-900002",
  proofId: "00000000-0000-4000-8000-00000000a0f1",
  /** A partner admin of A that B's user-management actions aim at. */
  targetUserA: "00000000-0000-4000-8000-00000000a001",
  /** A partner admin of B: the positive control of the direct server-action calls. */
  targetUserB: "00000000-0000-4000-8000-00000000b001",
  /** kbdRenew: a Training Services designation inside its renewal window. */
  renewAnniversary: "2026-12-01",
} as const;

export const PNG_BYTES = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

async function orgId(db: Db, partnerId: string): Promise<string> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.partnerId, partnerId));
  return org!.id;
}

type OrderSeed = {
  number: string;
  orgId: string;
  offer: "solutions-partner" | "training-services";
  placedOn: string;
  termEnd: string;
  method: "billing_profile" | "wire_transfer";
  status: "active" | "awaiting_payment";
  billTo?: string;
};

/** An order as the purchase verb leaves it, with its audit row (the invariants hold on e2e data too). */
async function order(db: Db, o: OrderSeed) {
  const wire = o.method === "wire_transfer";
  const [row] = await db
    .insert(orders)
    .values({
      number: o.number,
      orgId: o.orgId,
      offer: o.offer,
      kind: "purchase",
      termStart: o.placedOn,
      termEnd: o.termEnd,
      amountMinor: o.offer === "training-services" ? 487500 : 473000,
      currency: "USD",
      method: o.method,
      status: o.status,
      idempotencyKey: `e2e-${crypto.randomUUID()}`,
      bankReference: wire ? `RF00${o.number.replace("-", "")}` : null,
      billTo: { name: o.billTo ?? "E2E Billing", partnerId: "e2e", country: "US" },
      placedBy: "e2e",
      placedOn: o.placedOn,
      expiresOn: wire ? "2026-12-10" : null,
      paidOn: o.status === "active" ? o.placedOn : null,
    })
    .returning();
  await db.insert(auditLog).values({
    orgId: o.orgId,
    actor: "e2e",
    action: "order.purchase",
    detail: { orderNumber: o.number, offer: o.offer, status: o.status },
  });
  return row!;
}

export async function seedE2eSecurity(db: Db): Promise<void> {
  const passwordHash = await hashPassword(E2E_PASSWORD);

  // Organization A: sentinel strings in its name, customers, certifications, billing profile,
  // import history, users, orders and payment proofs.
  const a = await orgId(db, E2E_ORGS.matrixA);
  await db.update(organizations).set({ name: SENTINEL.orgName }).where(eq(organizations.id, a));
  await db.insert(users).values({
    id: MATRIX.targetUserA,
    orgId: a,
    email: "target@e2e-matrix-a.example",
    name: SENTINEL.user,
    role: "partner_admin",
    passwordHash,
  });
  await db.insert(customers).values({
    orgId: a,
    customerId: "C-A1",
    customerName: SENTINEL.customer,
    solutionArea: "security",
    segment: "enterprise",
    association: "csp",
    eligibleFrom: "2025-01-01",
  });
  await db.insert(certifications).values({
    orgId: a,
    personId: "P-A1",
    personName: SENTINEL.person,
    certificationCode: "AZ-500",
    earnedOn: "2026-01-01",
  });
  await db.insert(imports).values({
    orgId: a,
    kind: "customers",
    fileName: SENTINEL.importFile,
    rowCount: 1,
    dataThrough: "2026-10-31",
    importedBy: "e2e",
  });
  await billingProfile(db, a, SENTINEL.billing);
  await db.insert(spEvaluations).values({
    orgId: a,
    solutionArea: "security",
    track: "enterprise",
    metrics: {},
    total: "80",
    qualified: true,
    dataThrough: "2026-10-31",
    recordedAt: new Date("2026-11-01T08:00:00Z"),
  });
  const sp = await order(db, {
    number: MATRIX.activeOrder,
    orgId: a,
    offer: "solutions-partner",
    placedOn: "2026-06-01",
    termEnd: "2027-06-01",
    method: "billing_profile",
    status: "active",
    billTo: SENTINEL.billing,
  });
  await db.insert(designations).values({
    orgId: a,
    offer: "solutions-partner",
    status: "active",
    anniversary: "2027-06-01",
    heldSince: "2026-06-01",
  });
  await db
    .insert(spEnrollments)
    .values({ orderId: sp.id, orgId: a, solutionArea: "security", enrolledOn: "2026-06-01" });
  const wire = await order(db, {
    number: MATRIX.awaitingOrder,
    orgId: a,
    offer: "training-services",
    placedOn: "2026-11-10",
    termEnd: "2027-11-10",
    method: "wire_transfer",
    status: "awaiting_payment",
  });
  await db.insert(paymentProofs).values({
    id: MATRIX.proofId,
    orderId: wire.id,
    orgId: a,
    fileName: SENTINEL.proofFile,
    contentType: "image/png",
    sizeBytes: PNG_BYTES.length,
    sha256: "e2e",
    data: PNG_BYTES,
    uploadedBy: "e2e",
  });

  // Organization B: the same roles, no data, and one user for the positive control.
  const b = await orgId(db, E2E_ORGS.matrixB);
  await db.insert(users).values({
    id: MATRIX.targetUserB,
    orgId: b,
    email: "target@e2e-matrix-b.example",
    name: "B Target",
    role: "partner_admin",
    passwordHash,
  });

  // Keyboard-only renewal: a Training Services designation whose renewal window is open.
  const renew = await orgId(db, E2E_ORGS.kbdRenew);
  await qualifyTs(db, renew);
  await billingProfile(db, renew);
  await order(db, {
    number: "PMC-900101",
    orgId: renew,
    offer: "training-services",
    placedOn: "2025-12-01",
    termEnd: MATRIX.renewAnniversary,
    method: "billing_profile",
    status: "active",
  });
  await db.insert(designations).values({
    orgId: renew,
    offer: "training-services",
    status: "active",
    anniversary: MATRIX.renewAnniversary,
    heldSince: "2025-12-01",
  });
}
