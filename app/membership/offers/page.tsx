import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { today } from "@/lib/clock";
import { issueOrderKey } from "@/lib/offers/order-key";
import { loadOfferCards } from "@/lib/offers/state";
import { OfferCard } from "./_components/offer-card";

export const metadata: Metadata = { title: "Offers" };

export default async function OffersPage() {
  const ctx = await requirePage("membership:view");
  const day = today();
  const { cards } = await loadOfferCards(
    db(),
    { orgId: ctx.orgId, role: ctx.role, verified: ctx.verified, country: ctx.country },
    day,
  );
  return (
    <>
      <PageHeader
        title="Offers"
        description="Buy or renew your organization's designations. A designation is held for one year from its purchase; renew it within the 30 days before its anniversary."
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {cards.map((card) => (
          <OfferCard
            key={card.offer}
            card={card}
            today={day}
            canManageBilling={can(ctx.role, "billing:manage")}
            partnerId={ctx.partnerId}
            orderKey={
              card.canOrder
                ? issueOrderKey(ctx.orgId, card.offer, card.action === "renew" ? "renewal" : "purchase")
                : null
            }
          />
        ))}
      </div>
    </>
  );
}
