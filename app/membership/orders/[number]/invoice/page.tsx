import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import { loadOrder, offerTitle } from "@/lib/offers/state";
import { decodeSegment } from "@/lib/path-param";
import { formatMoney } from "@/lib/rules/offers";
import { PAYMENT_METHOD_LABELS, WIRE_INSTRUCTIONS } from "@/lib/rules/offers-catalog";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Invoice" };

// A printable invoice per paid order (the nav and buttons are hidden when printing).
export default async function InvoicePage({ params }: { params: Promise<{ number: string }> }) {
  const ctx = await requirePage("membership:view");
  const { number } = await params;
  const { order: o } = await loadOrder(
    db(),
    ctx.orgId,
    (decodeSegment(number) ?? notFound()).toUpperCase(),
    today(),
  ).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  if (o.status !== "active" || !o.paidOn) notFound();
  const b = o.billTo;
  const amount = formatMoney(o.amountMinor, o.currency);
  return (
    <article
      className="mx-auto max-w-3xl rounded-md border border-neutral-200 bg-white p-8 print:border-0 print:p-0"
      aria-labelledby="invoice-title"
    >
      <div className="no-print mb-6 flex justify-between">
        <a className="text-sm text-brand-700 underline" href={`/membership/orders/${o.number}`}>
          Back to the order
        </a>
        <PrintButton />
      </div>
      <header className="flex flex-wrap justify-between gap-4 border-b border-neutral-200 pb-4">
        <div>
          <h1 id="invoice-title" className="text-2xl font-semibold">
            Invoice INV-{o.number}
          </h1>
          <p className="text-sm text-neutral-700">
            Order {o.number} · issued {o.paidOn}
          </p>
        </div>
        <div className="text-right text-sm">
          <p className="font-semibold">{WIRE_INSTRUCTIONS.beneficiary}</p>
          <p>Membership offers</p>
        </div>
      </header>
      <section className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <h2 className="font-semibold">Bill to</h2>
          <p>{b.name}</p>
          {b.addressLine1 ? <p>{b.addressLine1}</p> : null}
          {b.addressLine2 ? <p>{b.addressLine2}</p> : null}
          {b.city ? (
            <p>
              {b.postalCode} {b.city}
            </p>
          ) : null}
          <p>{b.country}</p>
          <p>Partner ID {b.partnerId}</p>
          {b.taxId ? <p>Tax ID {b.taxId}</p> : null}
        </div>
        <div>
          <h2 className="font-semibold">Payment</h2>
          <p>
            {PAYMENT_METHOD_LABELS[o.method]}
            {o.method === "billing_profile" && b.paymentInstrument ? ` — ${b.paymentInstrument}` : ""}
          </p>
          {o.bankReference ? <p>Bank reference {o.bankReference}</p> : null}
          <p>Paid on {o.paidOn}</p>
        </div>
      </section>
      <table className="mt-6 w-full text-sm">
        <thead className="border-b border-neutral-300 text-left">
          <tr>
            <th scope="col" className="py-2">
              Description
            </th>
            <th scope="col" className="py-2">
              Term
            </th>
            <th scope="col" className="py-2 text-right">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-neutral-200">
            <td className="py-2">
              {offerTitle(o.offer)}
              {o.kind === "renewal" ? " — renewal" : ""}, one year
            </td>
            <td className="py-2">
              {o.termStart} – {o.termEnd}
            </td>
            <td className="py-2 text-right">{amount}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2} className="py-2 text-right">
              Total paid
            </th>
            <td className="py-2 text-right font-semibold">{amount}</td>
          </tr>
        </tfoot>
      </table>
      <p className="mt-6 text-xs text-neutral-600">
        Local prices may vary; taxes are shown where the law requires them.
      </p>
    </article>
  );
}
