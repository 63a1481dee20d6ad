import type { Metadata } from "next";
import { OrderStatusBadge } from "@/components/membership/offer-status";
import { PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { listOrders, offerTitle } from "@/lib/offers/state";
import { formatMoney } from "@/lib/rules/offers";
import { PAYMENT_METHOD_LABELS } from "@/lib/rules/offers-catalog";

export const metadata: Metadata = { title: "Bills and payments" };

export default async function OrdersPage() {
  const ctx = await requirePage("membership:view");
  const rows = await listOrders(db(), ctx.orgId, today());
  return (
    <>
      <PageHeader
        title="Bills and payments"
        description="Every order of your organization, with a printable invoice for each paid order."
      />
      {rows.length === 0 ? (
        <p className="text-sm text-neutral-700">
          No orders yet.{" "}
          <a className="text-brand-700 underline" href="/membership/offers">
            See the offers
          </a>
          .
        </p>
      ) : (
        <Table head={["Order", "Offer", "Amount", "Currency", "Method", "Status", "Dates", "Invoice"]}>
          {rows.map((o) => (
            <tr key={o.id}>
              <Td className="whitespace-nowrap">
                <a className="font-semibold text-brand-700 underline" href={`/membership/orders/${o.number}`}>
                  {o.number}
                </a>
              </Td>
              <Td>
                {offerTitle(o.offer)}
                {o.kind === "renewal" ? " (renewal)" : ""}
              </Td>
              <Td className="whitespace-nowrap">
                {formatMoney(o.amountMinor, o.currency).replace(`${o.currency} `, "")}
              </Td>
              <Td>{o.currency}</Td>
              <Td>{PAYMENT_METHOD_LABELS[o.method]}</Td>
              <Td>
                <OrderStatusBadge status={o.status} />
              </Td>
              <Td className="whitespace-nowrap text-xs">
                Placed {o.placedOn}
                {o.paidOn ? (
                  <>
                    <br />
                    Paid {o.paidOn}
                  </>
                ) : null}
                {o.status === "awaiting_payment" ? (
                  <>
                    <br />
                    Pay by {o.expiresOn}
                  </>
                ) : null}
                {o.closedOn ? (
                  <>
                    <br />
                    {o.status === "cancelled" ? "Cancelled" : "Expired"} {o.closedOn}
                  </>
                ) : null}
                <br />
                Term {o.termStart} – {o.termEnd}
              </Td>
              <Td>
                {o.status === "active" ? (
                  <a className="text-brand-700 underline" href={`/membership/orders/${o.number}/invoice`}>
                    Invoice
                  </a>
                ) : (
                  "—"
                )}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
