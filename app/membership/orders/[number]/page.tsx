import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderStatusBadge } from "@/components/membership/offer-status";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { today } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import { loadOrder, offerTitle } from "@/lib/offers/state";
import { decodeSegment } from "@/lib/path-param";
import { formatMoney } from "@/lib/rules/offers";
import { PAYMENT_METHOD_LABELS, WIRE_INSTRUCTIONS } from "@/lib/rules/offers-catalog";
import { CancelOrderForm, UploadProofForm } from "./order-forms";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ placed?: string }>;
}) {
  const ctx = await requirePage("membership:view");
  const { number } = await params;
  const { placed } = await searchParams;
  const loaded = await loadOrder(db(), ctx.orgId, (decodeSegment(number) ?? notFound()).toUpperCase(), today()).catch(
    (e) => {
      if (e instanceof NotFoundError) notFound();
      throw e;
    },
  );
  const { order: o, proofs } = loaded;
  const amount = formatMoney(o.amountMinor, o.currency);
  const awaiting = o.status === "awaiting_payment";
  const mayAct = can(ctx.role, "offers:purchase");
  return (
    <>
      <PageHeader
        title={`Order ${o.number}`}
        description={`${offerTitle(o.offer)}${o.kind === "renewal" ? " — renewal" : ""}`}
      />
      {placed ? (
        <p role="status" className="mb-4 rounded border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {o.status === "active"
            ? `Your order is active. The designation is held until ${o.termEnd}.`
            : "Your order was placed and awaits payment by wire transfer."}
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <div className="flex items-center justify-between gap-2">
            <CardTitle>Order details</CardTitle>
            <span data-testid="order-status">
              <OrderStatusBadge status={o.status} />
            </span>
          </div>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-neutral-600">Amount</dt>
            <dd>{amount}</dd>
            <dt className="text-neutral-600">Payment method</dt>
            <dd>{PAYMENT_METHOD_LABELS[o.method]}</dd>
            <dt className="text-neutral-600">Term</dt>
            <dd>
              {o.termStart} – {o.termEnd}
            </dd>
            <dt className="text-neutral-600">Placed</dt>
            <dd>
              {o.placedOn} by {o.placedBy}
            </dd>
            {o.paidOn ? (
              <>
                <dt className="text-neutral-600">Paid</dt>
                <dd>{o.paidOn}</dd>
              </>
            ) : null}
            {awaiting ? (
              <>
                <dt className="text-neutral-600">Pay by</dt>
                <dd>{o.expiresOn}</dd>
              </>
            ) : null}
            {o.closedOn ? (
              <>
                <dt className="text-neutral-600">{o.status === "cancelled" ? "Cancelled" : "Expired"}</dt>
                <dd>{o.closedOn}</dd>
              </>
            ) : null}
          </dl>
          {o.status === "active" ? (
            <p className="mt-3 text-sm">
              <a className="text-brand-700 underline" href={`/membership/orders/${o.number}/invoice`}>
                View the invoice
              </a>
            </p>
          ) : null}
        </Card>
        {o.method === "wire_transfer" ? (
          <Card>
            <CardTitle>Wire transfer</CardTitle>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-neutral-600">Amount</dt>
              <dd>{amount}</dd>
              <dt className="text-neutral-600">Beneficiary</dt>
              <dd>{WIRE_INSTRUCTIONS.beneficiary}</dd>
              <dt className="text-neutral-600">Bank</dt>
              <dd>{WIRE_INSTRUCTIONS.bank}</dd>
              <dt className="text-neutral-600">IBAN</dt>
              <dd>{WIRE_INSTRUCTIONS.iban}</dd>
              <dt className="text-neutral-600">SWIFT/BIC</dt>
              <dd>{WIRE_INSTRUCTIONS.swift}</dd>
              <dt className="text-neutral-600">Partner ID</dt>
              <dd data-testid="partner-id">{ctx.partnerId}</dd>
              <dt className="text-neutral-600">Bank reference</dt>
              <dd>
                <strong data-testid="bank-reference">{o.bankReference}</strong>
              </dd>
            </dl>
            {awaiting ? (
              <p className="mt-2 text-sm text-neutral-700">
                Quote the order number {o.number}, your partner ID and the bank reference. Unpaid orders expire after{" "}
                {o.expiresOn}.
              </p>
            ) : null}
            <h3 className="mt-4 text-sm font-semibold">Payment proofs</h3>
            {proofs.length ? (
              <ul className="mt-1 text-sm" aria-label="Payment proofs">
                {proofs.map((p) => (
                  <li key={p.id}>
                    <a className="text-brand-700 underline" href={`/membership/orders/${o.number}/proofs/${p.id}`}>
                      {p.fileName}
                    </a>{" "}
                    ({Math.ceil(p.sizeBytes / 1024)} KB, {p.uploadedBy})
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-neutral-600">None uploaded yet.</p>
            )}
            {awaiting && mayAct ? (
              <div className="mt-3">
                <UploadProofForm orderNumber={o.number} />
              </div>
            ) : null}
          </Card>
        ) : null}
      </div>
      {awaiting && mayAct ? (
        <Card className="mt-4">
          <CardTitle>Cancel this order</CardTitle>
          <p className="mt-1 text-sm text-neutral-700">
            Cancel it if you will not pay it; you can then place a new order.
          </p>
          <div className="mt-2">
            <CancelOrderForm orderNumber={o.number} />
          </div>
        </Card>
      ) : null}
    </>
  );
}
