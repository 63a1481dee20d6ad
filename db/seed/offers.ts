import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, billingProfiles, designations, orders } from "@/db/schema";
import { bumpDataVersion } from "@/db/writes/data-version";
import { priceFor } from "@/lib/rules/offers";
import { addDays, addYears } from "@/lib/rules/time";

// Demo offers (SPEC §5): Contoso has a billing profile and holds Training Services, bought
// 345 days ago by billing profile — so its renewal window is open ("Renewal due") and it can
// also buy the Solutions Partner designation.
export async function seedOffersDemo(db: Db, contosoId: string, today: string): Promise<void> {
  const placedOn = addDays(addYears(today, -1), 20);
  const billTo = {
    name: "Contoso Learning Ltd.",
    partnerId: "1000001",
    addressLine1: "1 Microsoft Way",
    city: "Redmond",
    postalCode: "98052",
    country: "US",
    taxId: "US-EIN 91-0000000",
    paymentInstrument: "Visa ending 4242",
  };
  await db.insert(billingProfiles).values({
    orgId: contosoId,
    billingName: billTo.name,
    addressLine1: billTo.addressLine1,
    city: billTo.city,
    postalCode: billTo.postalCode,
    country: "US",
    taxId: billTo.taxId,
    paymentInstrument: billTo.paymentInstrument,
    updatedBy: "global@contoso.example",
  });
  const price = priceFor("training-services", "US");
  const [order] = await db
    .insert(orders)
    .values({
      number: sql`'PMC-' || nextval('order_number_seq')`,
      orgId: contosoId,
      offer: "training-services",
      kind: "purchase",
      termStart: placedOn,
      termEnd: addYears(placedOn, 1),
      amountMinor: price.amountMinor,
      currency: price.currency,
      method: "billing_profile",
      status: "active",
      idempotencyKey: `demo-${crypto.randomUUID()}`,
      billTo,
      placedBy: "account@contoso.example",
      placedOn,
      paidOn: placedOn,
      placedAt: new Date(`${placedOn}T10:00:00Z`),
    })
    .returning();
  await db.insert(designations).values({
    orgId: contosoId,
    offer: "training-services",
    status: "active",
    anniversary: order!.termEnd,
    heldSince: placedOn,
  });
  await bumpDataVersion(db, contosoId);
  await db.insert(auditLog).values({
    orgId: contosoId,
    actor: "account@contoso.example",
    action: "order.purchase",
    at: new Date(`${placedOn}T10:00:00Z`),
    detail: {
      orderNumber: order!.number,
      offer: "training-services",
      method: "billing_profile",
      status: "active",
      amountMinor: price.amountMinor,
      currency: price.currency,
      termStart: placedOn,
      termEnd: order!.termEnd,
    },
  });
}
