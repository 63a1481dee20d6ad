import { OfferStatusBadge } from "@/components/membership/offer-status";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import type { OfferCard as Card_ } from "@/lib/offers/state";
import { areaLabel } from "@/lib/rules/areas";
import { termFor } from "@/lib/rules/offers";
import { PURCHASE_TERMS } from "@/lib/rules/offers-catalog";
import { OrderPane } from "./order-pane";
import { WhyNot } from "./why-not";

export function OfferCard({
  card,
  today,
  orderKey,
  canManageBilling,
  partnerId,
}: {
  card: Card_;
  today: string;
  orderKey: string | null;
  canManageBilling: boolean;
  partnerId: string;
}) {
  const headingId = `offer-${card.offer}`;
  const kind = card.action === "renew" ? "renewal" : "purchase";
  const term = card.action === "pay" ? null : termFor(kind, today, card.designation?.anniversary ?? null);
  const verb = card.action === "renew" ? "Renew" : "Buy now";
  return (
    <Card as="article" aria-labelledby={headingId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <CardTitle id={headingId}>{card.info.title}</CardTitle>
        <span data-testid="offer-status">
          <OfferStatusBadge status={card.status} anniversary={card.held ? card.designation!.anniversary : null} />
        </span>
      </div>
      <p className="text-sm">
        <span className="text-xl font-semibold" data-testid="price">
          {card.price.text}
        </span>{" "}
        <span className="text-neutral-700">a year</span>
        <span className="block text-xs text-neutral-600">Local prices may vary.</span>
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-neutral-600">Anniversary date</dt>
        <dd data-testid="anniversary">{card.designation ? card.designation.anniversary : "—"}</dd>
        {card.renewal && card.action === "renew" ? (
          <>
            <dt className="text-neutral-600">Renewal window</dt>
            <dd>
              {today < card.renewal.opens ? `Opens on ${card.renewal.opens}` : `Open until ${card.renewal.closes}`}
            </dd>
          </>
        ) : null}
        {card.status === "lapsed" ? (
          <>
            <dt className="text-neutral-600">Lapsed</dt>
            <dd>Not renewed by {card.designation!.anniversary}: a new purchase starts a new anniversary.</dd>
          </>
        ) : null}
        {card.offer === "solutions-partner" && card.held ? (
          <>
            <dt className="text-neutral-600">Enrolled areas</dt>
            <dd>{card.enrolled.length ? card.enrolled.map(areaLabel).join(", ") : "none"}</dd>
          </>
        ) : null}
      </dl>
      {card.openOrder ? (
        <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm">
          Order <strong>{card.openOrder.number}</strong> awaits payment by wire transfer: quote partner ID{" "}
          <strong>{partnerId}</strong> and bank reference <strong>{card.openOrder.bankReference}</strong>, and pay by{" "}
          {card.openOrder.expiresOn}.{" "}
          <a className="font-semibold text-brand-700 underline" href={`/membership/orders/${card.openOrder.number}`}>
            Pay, upload proof or cancel
          </a>
        </p>
      ) : null}
      <div className="mt-auto">
        {card.action !== "pay" && card.canOrder && orderKey && term ? (
          <OrderPane
            offer={card.offer}
            kind={kind}
            title={card.info.title}
            priceText={card.price.text}
            termText={
              kind === "renewal"
                ? `Renewal: held from ${term.start} until ${term.end}.`
                : `Held for one year, until ${term.end} (by wire transfer: from the day the payment is confirmed).`
            }
            instructions={card.info.instructions}
            terms={PURCHASE_TERMS}
            idempotencyKey={orderKey}
            methods={card.methods}
            canManageBilling={canManageBilling}
          />
        ) : card.action !== "pay" ? (
          <>
            <Button disabled aria-describedby={`${headingId}-why`}>
              {verb}
            </Button>
            <WhyNot
              id={`${headingId}-why`}
              checks={card.checks}
              question={card.action === "renew" ? "Why can't I renew?" : "Why can't I buy?"}
            />
          </>
        ) : null}
      </div>
    </Card>
  );
}
