import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, rowsOf } from "@/db/client";
import { type Order, orders } from "@/db/schema";
import { inTransaction, pgError } from "@/db/transaction";
import { bumpDataVersion } from "@/db/writes/data-version";
import { writeAudit } from "@/lib/audit";
import { type Caller, requireRole } from "@/lib/auth/caller";
import { AlreadyOrderedError, DomainError } from "@/lib/errors";
import type { AreaSlug } from "@/lib/rules/areas";
import { creditorReference, orderPayBy, paymentMethodsFor, priceFor, termFor } from "@/lib/rules/offers";
import { OFFER_IDS, OFFERS, PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from "@/lib/rules/offers-catalog";
import { activateOrder } from "./activate";
import { billToOf, loadBillingProfile } from "./billing-profile";
import { lockOrg } from "./lock-org";
import { maintainInTx, maintainOrg } from "./maintenance";
import { type OrderKind, verifyOrderKey } from "./order-key";
import { loadSituation } from "./situation";

// The form says only which offer, how to pay, the agreement tick and the server-issued key:
// price, term, organization and eligibility are decided here, inside the transaction.
export const orderInput = z.object({
  offer: z.enum(OFFER_IDS, { message: "Unknown offer" }),
  paymentMethod: z.enum(PAYMENT_METHODS, { message: "Choose how to pay" }),
  idempotencyKey: z.string().min(20, "This order form is not valid. Close it and open it again.").max(300),
  acceptAgreement: z.enum(["on", "true"], { message: "Tick the box to accept the agreement and the purchase terms" }),
});
export type OrderInput = z.infer<typeof orderInput>;
export type PlacedOrder = { order: Order; replay: boolean; enrolled: AreaSlug[] };

export function purchaseDesignation(db: Db, caller: Caller, input: unknown, today: string): Promise<PlacedOrder> {
  return placeOrder(db, caller, input, today, "purchase");
}

export function renewDesignation(db: Db, caller: Caller, input: unknown, today: string): Promise<PlacedOrder> {
  return placeOrder(db, caller, input, today, "renewal");
}

async function byKey(db: Db, key: string) {
  const [o] = await db.select().from(orders).where(eq(orders.idempotencyKey, key));
  return o ?? null;
}

async function placeOrder(
  db: Db,
  caller: Caller,
  input: unknown,
  today: string,
  kind: OrderKind,
): Promise<PlacedOrder> {
  const user = requireRole(caller, "offers:purchase");
  const parsed = orderInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError(issue.message, issue.path.map(String).join("."));
  }
  const data = parsed.data;
  verifyOrderKey(data.idempotencyKey, user.orgId, data.offer, kind);
  const title = OFFERS[data.offer].title;
  await maintainOrg(db, user.orgId, today); // expiries and lapses stay applied even when the order is refused
  try {
    return await inTransaction(db, async (tx) => {
      const org = await lockOrg(tx, user.orgId);
      const [first] = await tx.select().from(orders).where(eq(orders.idempotencyKey, data.idempotencyKey));
      if (first) {
        if (first.orgId !== org.id || first.offer !== data.offer)
          throw new DomainError("This order form is not valid. Close it and open it again.");
        return { order: first, replay: true, enrolled: [] };
      }
      await maintainInTx(tx, org.id, today);
      const s = await loadSituation(tx, org, data.offer, today, user.role);
      if (s.action === "pay")
        throw new AlreadyOrderedError(`Already ordered: order ${s.openOrder!.number} for the ${title} awaits payment.`);
      if (kind === "purchase" && s.action === "renew") {
        throw new AlreadyOrderedError(
          `Already ordered: your organization holds the ${title} until ${s.designation!.anniversary}. Renew it from ${s.renewal!.opens}.`,
        );
      }
      if (kind === "renewal" && s.action === "buy") {
        throw new DomainError(
          s.designation
            ? `The ${title} lapsed on ${s.designation.anniversary}: only a new purchase is possible.`
            : `There is no ${title} to renew yet.`,
        );
      }
      if (kind === "renewal" && s.renewal && today < s.renewal.opens) {
        const [renewed] = await tx
          .select({ number: orders.number })
          .from(orders)
          .where(
            and(
              eq(orders.orgId, org.id),
              eq(orders.offer, data.offer),
              eq(orders.kind, "renewal"),
              eq(orders.status, "active"),
              eq(orders.termEnd, s.designation!.anniversary),
            ),
          );
        if (renewed)
          throw new AlreadyOrderedError(
            `Already ordered: the ${title} is renewed until ${s.designation!.anniversary} (order ${renewed.number}). The next renewal window opens on ${s.renewal.opens}.`,
          );
      }
      const unmet = s.checks.find((c) => !c.met);
      if (unmet) throw new DomainError(unmet.detail);

      if (!paymentMethodsFor(org.country).includes(data.paymentMethod)) {
        throw new DomainError(
          `${PAYMENT_METHOD_LABELS[data.paymentMethod]} is not offered in your country/region.`,
          "paymentMethod",
        );
      }
      const profile = await loadBillingProfile(tx, org.id);
      if (data.paymentMethod === "billing_profile" && !profile) {
        throw new DomainError(
          "Your organization has no billing profile yet: a global admin sets it up on Billing profile.",
          "paymentMethod",
        );
      }
      const price = priceFor(data.offer, org.country);
      const term = termFor(kind, today, s.designation?.anniversary ?? null);
      const [seq] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('order_number_seq')::text as n`));
      const number = `PMC-${seq!.n}`;
      const wire = data.paymentMethod === "wire_transfer";
      const [order] = await tx
        .insert(orders)
        .values({
          number,
          orgId: org.id,
          offer: data.offer,
          kind,
          termStart: term.start,
          termEnd: term.end,
          amountMinor: price.amountMinor,
          currency: price.currency,
          method: data.paymentMethod,
          status: wire ? "awaiting_payment" : "active",
          idempotencyKey: data.idempotencyKey,
          bankReference: wire ? creditorReference(`PMC${seq!.n}`) : null,
          billTo: billToOf(profile, org),
          placedBy: user.email,
          placedOn: today,
          expiresOn: wire ? orderPayBy(today) : null,
          paidOn: wire ? null : today,
        })
        .returning();
      const { enrolled } = wire ? { enrolled: [] as AreaSlug[] } : await activateOrder(tx, order!, today);
      await writeAudit(tx, {
        orgId: org.id,
        actor: user,
        action: kind === "renewal" ? "order.renew" : "order.purchase",
        detail: {
          orderNumber: number,
          offer: data.offer,
          method: data.paymentMethod,
          status: order!.status,
          amountMinor: price.amountMinor,
          currency: price.currency,
          termStart: term.start,
          termEnd: term.end,
          ...(enrolled.length ? { enrolledAreas: enrolled } : {}),
        },
      });
      await bumpDataVersion(tx, org.id);
      return { order: order!, replay: false, enrolled };
    });
  } catch (error) {
    const { code } = pgError(error);
    if (code !== "23505") throw error;
    // A concurrent submission won the race: the same key returns its order, any other is "already ordered".
    const first = await byKey(db, data.idempotencyKey);
    if (first && first.orgId === user.orgId) return { order: first, replay: true, enrolled: [] };
    throw new AlreadyOrderedError(`Already ordered: the ${title} has an open or active order for this term.`);
  }
}
