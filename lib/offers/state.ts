import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dataScope } from "@/db/queries/data-version";
import { type BillingProfile, type Order, orders, paymentProofs } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import { derived } from "@/lib/cache";
import { NotFoundError } from "@/lib/errors";
import type { AreaSlug } from "@/lib/rules/areas";
import { formatMoney, paymentMethodsFor, priceFor } from "@/lib/rules/offers";
import {
  OFFER_IDS,
  OFFERS,
  type OfferId,
  type OfferInfo,
  PAYMENT_METHOD_LABELS,
  type PaymentMethod,
} from "@/lib/rules/offers-catalog";
import { loadBillingProfile } from "./billing-profile";
import { enrolledAreas, readSpEnrollment } from "./enrollment";
import { maintainOrg } from "./maintenance";
import { loadSituation, type Situation } from "./situation";

export type MethodChoice = {
  id: PaymentMethod;
  label: string;
  recommended: boolean;
  available: boolean;
  note?: string;
};
export type OfferCard = Situation & {
  info: OfferInfo;
  price: { amountMinor: number; currency: string; text: string };
  methods: MethodChoice[];
  enrolled: AreaSlug[];
};
export type OrgContext = { orgId: string; role: Role; verified: boolean; country: string };

export function methodChoices(country: string, profile: BillingProfile | null): MethodChoice[] {
  return paymentMethodsFor(country).map((id) => ({
    id,
    label: PAYMENT_METHOD_LABELS[id],
    recommended: id === "billing_profile",
    available: id !== "billing_profile" || profile !== null,
    note:
      id === "billing_profile"
        ? profile
          ? `Charged to ${profile.billingName} (${profile.paymentInstrument}). The order is active at once.`
          : "Your organization has no billing profile yet."
        : "Pay by bank transfer within 30 days, quoting the bank reference. The order is active once payment is confirmed.",
  }));
}

/** The offers page: state is maintained first (expiries, lapses, enrollments) so nothing is stale. */
export async function loadOfferCards(
  db: Db,
  ctx: OrgContext,
  today: string,
): Promise<{ cards: OfferCard[]; profile: BillingProfile | null }> {
  await maintainOrg(db, ctx.orgId, today);
  // The cards read designations, orders, the billing profile and both programs' qualification: each is written
  // only in a transaction that bumps the organization's data version, so they are computed once per version and
  // day (lib/cache.ts) instead of in a dozen statements per page view.
  const scope = await dataScope(db, ctx.orgId, today);
  return derived(scope, "offer-cards", () => computeOfferCards(db, ctx, today), [
    ctx.role,
    `${ctx.verified}`,
    ctx.country,
  ]);
}

async function computeOfferCards(
  db: Db,
  ctx: OrgContext,
  today: string,
): Promise<{ cards: OfferCard[]; profile: BillingProfile | null }> {
  const [profile, enrollment] = await Promise.all([
    loadBillingProfile(db, ctx.orgId),
    readSpEnrollment(db, ctx.orgId, today),
  ]);
  const org = { id: ctx.orgId, verified: ctx.verified };
  const cards = await Promise.all(
    OFFER_IDS.map(async (offer) => {
      const s = await loadSituation(db, org, offer, today, ctx.role);
      const price = priceFor(offer, ctx.country);
      return {
        ...s,
        info: OFFERS[offer],
        price: { ...price, text: formatMoney(price.amountMinor, price.currency) },
        methods: methodChoices(ctx.country, profile),
        enrolled: offer === "solutions-partner" ? enrolledAreas(enrollment) : [],
      };
    }),
  );
  return { cards, profile };
}

export async function listOrders(db: Db, orgId: string, today: string): Promise<Order[]> {
  await maintainOrg(db, orgId, today);
  return db.select().from(orders).where(eq(orders.orgId, orgId)).orderBy(desc(orders.placedAt));
}

export type ProofInfo = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: Date;
};

export async function loadOrder(
  db: Db,
  orgId: string,
  number: string,
  today: string,
): Promise<{ order: Order; proofs: ProofInfo[] }> {
  await maintainOrg(db, orgId, today);
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.orgId, orgId), eq(orders.number, number)));
  if (!order) throw new NotFoundError(`No order ${number} in your organization.`);
  const proofs = await db
    .select({
      id: paymentProofs.id,
      fileName: paymentProofs.fileName,
      contentType: paymentProofs.contentType,
      sizeBytes: paymentProofs.sizeBytes,
      uploadedBy: paymentProofs.uploadedBy,
      uploadedAt: paymentProofs.uploadedAt,
    })
    .from(paymentProofs)
    .where(eq(paymentProofs.orderId, order.id))
    .orderBy(paymentProofs.uploadedAt);
  return { order, proofs };
}

export function offerTitle(offer: OfferId): string {
  return OFFERS[offer].title;
}
