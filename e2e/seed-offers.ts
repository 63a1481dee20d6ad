import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  billingProfiles,
  designations,
  imports,
  orders,
  organizations,
  spEnrollments,
  spEvaluations,
  tsMonthly,
} from "../db/schema";
import { AREA_SLUGS } from "../lib/rules/areas";
import { E2E_ORGS } from "./fixtures";

// SPEC §5 end-to-end data (E2E_TODAY 2026-11-15). Solutions Partner qualification comes from
// sp_evaluations history; Training Services from rollups with data through 2026-10-31.
async function orgId(db: Db, partnerId: string): Promise<string> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.partnerId, partnerId));
  return org!.id;
}

async function qualifySp(db: Db, id: string, areas: readonly string[]) {
  await db.insert(spEvaluations).values(
    areas.map((area) => ({
      orgId: id,
      solutionArea: area,
      track: "enterprise" as const,
      metrics: {},
      total: "80",
      qualified: true,
      dataThrough: "2026-10-31",
      recordedAt: new Date("2026-11-01T08:00:00Z"),
    })),
  );
}

/** Training Services qualification as rollup rows (the org has no line items a catalog import could rebuild). */
export async function qualifyTs(db: Db, id: string) {
  await db.insert(tsMonthly).values([
    { orgId: id, month: "2026-09", kind: "completion", category: "three-days-or-more", items: 1000 },
    { orgId: id, month: "2026-09", kind: "voucher", category: "advanced", items: 200 },
    {
      orgId: id,
      month: "2026-09",
      kind: "survey",
      category: "three-days-or-more",
      solutionArea: "security",
      items: 200,
      answerSum: 4500,
      answerCount: 1000,
    },
  ]);
  await db.insert(imports).values({
    orgId: id,
    kind: "courseware-completions",
    fileName: "e2e.csv",
    rowCount: 1000,
    dataThrough: "2026-10-31",
    importedBy: "e2e",
  });
}

export async function billingProfile(db: Db, id: string, name = "E2E Billing") {
  await db.insert(billingProfiles).values({
    orgId: id,
    billingName: name,
    addressLine1: "1 Test Way",
    city: "Redmond",
    postalCode: "98052",
    country: "US",
    paymentInstrument: "Visa ending 4242",
    updatedBy: "e2e",
  });
}

/** An active order and the designation it holds (placed by billing profile on `placedOn`). */
async function held(
  db: Db,
  id: string,
  offer: "solutions-partner" | "training-services",
  placedOn: string,
  termEnd: string,
) {
  const [order] = await db
    .insert(orders)
    .values({
      number: sql`'PMC-' || nextval('order_number_seq')`,
      orgId: id,
      offer,
      kind: "purchase",
      termStart: placedOn,
      termEnd,
      amountMinor: offer === "training-services" ? 487500 : 473000,
      currency: "USD",
      method: "billing_profile",
      status: "active",
      idempotencyKey: `e2e-${crypto.randomUUID()}`,
      billTo: { name: "E2E Billing", partnerId: "e2e", country: "US" },
      placedBy: "e2e",
      placedOn,
      paidOn: placedOn,
    })
    .returning();
  await db
    .insert(designations)
    .values({ orgId: id, offer, status: "active", anniversary: termEnd, heldSince: placedOn });
  return order!;
}

export async function seedE2eOffers(db: Db): Promise<void> {
  const buy = await orgId(db, E2E_ORGS.offersBuy);
  await qualifySp(db, buy, ["security"]);
  await billingProfile(db, buy);

  const wire = await orgId(db, E2E_ORGS.offersWire); // no billing profile: wire transfer only
  await qualifySp(db, wire, ["modern-work"]);

  const renew = await orgId(db, E2E_ORGS.offersRenew); // anniversary 2026-12-01: window open since 2026-11-01
  await qualifyTs(db, renew);
  await billingProfile(db, renew);
  await held(db, renew, "training-services", "2025-12-01", "2026-12-01");

  const badges = await orgId(db, E2E_ORGS.offersBadges); // all six areas enrolled + Training Services (Security)
  await qualifySp(db, badges, AREA_SLUGS);
  await qualifyTs(db, badges);
  const sp = await held(db, badges, "solutions-partner", "2026-06-01", "2027-06-01");
  await db
    .insert(spEnrollments)
    .values(
      AREA_SLUGS.map((area) => ({ orderId: sp.id, orgId: badges, solutionArea: area, enrolledOn: "2026-06-01" })),
    );
  await held(db, badges, "training-services", "2026-03-01", "2027-03-01");

  const roles = await orgId(db, E2E_ORGS.offersRoles);
  await qualifySp(db, roles, ["security"]);
}
