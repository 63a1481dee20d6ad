import { and, asc, eq } from "drizzle-orm";
import { designations, type Order, orders } from "@/db/schema";
import type { DbOrTx } from "@/db/transaction";
import { can, type Role } from "@/lib/auth/roles";
import {
  isHeld,
  isRenewalWindowOpen,
  type OfferAction,
  type OfferStatus,
  offerAction,
  offerStatus,
  purchaseEligibilityWindow,
  renewalEligibilityWindow,
  renewalWindow,
} from "@/lib/rules/offers";
import { OFFERS, type OfferId } from "@/lib/rules/offers-catalog";
import { type Qualification, qualificationFor } from "./eligibility";

export type Check = {
  id: "verified" | "qualified" | "window" | "role";
  label: string;
  met: boolean;
  detail: string;
  href?: string;
};
export type DesignationRow = { status: string; anniversary: string; heldSince: string };

/** Everything that decides what an offer's card shows and whether the order verbs accept. */
export type Situation = {
  offer: OfferId;
  designation: DesignationRow | null;
  held: boolean;
  openOrder: Order | null;
  action: OfferAction;
  status: OfferStatus;
  renewal: { opens: string; closes: string } | null;
  qualification: Qualification;
  checks: Check[];
  canOrder: boolean;
};

export async function loadDesignation(q: DbOrTx, orgId: string, offer: OfferId): Promise<DesignationRow | null> {
  const [d] = await q
    .select({ status: designations.status, anniversary: designations.anniversary, heldSince: designations.heldSince })
    .from(designations)
    .where(and(eq(designations.orgId, orgId), eq(designations.offer, offer)));
  return d ?? null;
}

export async function loadOpenOrder(q: DbOrTx, orgId: string, offer: OfferId): Promise<Order | null> {
  const [o] = await q
    .select()
    .from(orders)
    .where(and(eq(orders.orgId, orgId), eq(orders.offer, offer), eq(orders.status, "awaiting_payment")))
    .orderBy(asc(orders.placedAt))
    .limit(1);
  return o ?? null;
}

export async function loadSituation(
  q: DbOrTx,
  org: { id: string; verified: boolean },
  offer: OfferId,
  today: string,
  role: Role,
): Promise<Situation> {
  const [designation, openOrder] = await Promise.all([
    loadDesignation(q, org.id, offer),
    loadOpenOrder(q, org.id, offer),
  ]);
  const held = isHeld(today, designation);
  const action = offerAction(today, designation, openOrder !== null);
  const renewal = held ? renewalWindow(designation!.anniversary) : null;
  const windowOpen = held && isRenewalWindowOpen(today, designation!.anniversary);
  const eligibility =
    action === "renew" && windowOpen
      ? renewalEligibilityWindow(designation!.anniversary, today)
      : purchaseEligibilityWindow(today);
  const qualification = await qualificationFor(q, org.id, offer, today, eligibility);
  const status = offerStatus(today, designation, openOrder !== null, qualification.qualified);
  const info = OFFERS[offer];

  const checks: Check[] = [
    {
      id: "verified",
      label: "Account verified",
      met: org.verified,
      detail: org.verified
        ? "Your organization's legal profile is verified."
        : "Your organization's legal profile is not verified yet. Ask your Partner Membership Center operator to verify it.",
    },
    {
      id: "qualified",
      label: "Qualified",
      met: qualification.qualified,
      href: info.dashboardHref,
      detail: qualification.qualified
        ? offer === "solutions-partner"
          ? `Eligible solution areas: ${qualification.areas.length}.`
          : "Your organization qualifies."
        : offer === "solutions-partner"
          ? `No solution area was qualified on any day from ${eligibility.start} to ${eligibility.end}.`
          : "Your organization does not qualify yet: see what is missing on the program dashboard.",
    },
    action === "pay"
      ? {
          id: "window",
          label: "No order awaiting payment",
          met: false,
          href: `/membership/orders/${openOrder!.number}`,
          detail: `Order ${openOrder!.number} awaits payment: pay it or cancel it first.`,
        }
      : action === "renew"
        ? {
            id: "window",
            label: "Renewal window open",
            met: windowOpen,
            detail: windowOpen
              ? `Open until ${renewal!.closes}.`
              : `The renewal window opens on ${renewal!.opens} and closes on ${renewal!.closes}.`,
          }
        : {
            id: "window",
            label: "Renewal window open",
            met: true,
            detail: designation
              ? "Your designation has lapsed: a new purchase starts a new anniversary."
              : "Not needed for a first purchase.",
          },
    {
      id: "role",
      label: "Your role may buy and renew",
      met: can(role, "offers:purchase"),
      detail: can(role, "offers:purchase")
        ? "Account admins and global admins may buy and renew."
        : "Only account admins and global admins may buy and renew. Ask a global admin to change your role.",
    },
  ];
  const canOrder = action !== "pay" && checks.every((c) => c.met);
  return { offer, designation, held, openOrder, action, status, renewal, qualification, checks, canOrder };
}
