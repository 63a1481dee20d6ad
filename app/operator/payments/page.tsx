import type { Metadata } from "next";
import { z } from "zod";
import { PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, Td } from "@/components/ui/table";
import { db } from "@/db/client";
import { listAwaitingPayments } from "@/db/queries/operator-payments";
import { requireOperatorPage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { offerTitle } from "@/lib/offers/state";
import { formatMoney } from "@/lib/rules/offers";
import { addDays } from "@/lib/rules/time";
import { CancelOrderForm, ConfirmPaymentForm, PaymentFeedback } from "../_components/payment-forms";

export const metadata: Metadata = { title: "Payments · Operator" };

type Search = Record<string, string | string[] | undefined>;

const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireOperatorPage();
  const day = today();
  const soon = addDays(day, 7);
  const { rows, total, page, pages } = await listAwaitingPayments(db(), pageQuery.parse(await searchParams).page);
  return (
    <>
      <PageHeader
        title="Payments"
        description={
          "Wire transfers awaiting payment, oldest first. " +
          "Confirm receipt once the money has arrived: the order becomes Active at once."
        }
      />
      <PaymentFeedback>
        {rows.length === 0 ? (
          <p className="text-sm text-neutral-700">No order is awaiting payment.</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-neutral-700">
              {total} order{total === 1 ? "" : "s"} awaiting payment{pages > 1 ? ` · page ${page} of ${pages}` : ""}
            </p>
            <Table
              head={[
                "Order",
                "Organization",
                "Offer",
                "Amount",
                "Bank reference",
                "Placed",
                "Expires",
                "Proofs",
                "Actions",
              ]}
            >
              {rows.map((o) => {
                const expiring = o.expiresOn !== null && o.expiresOn <= soon;
                return (
                  <tr key={o.number} className={expiring ? "bg-amber-50" : undefined}>
                    <Td className="whitespace-nowrap font-semibold">{o.number}</Td>
                    <Td>
                      {o.orgName}
                      <span className="block text-xs text-neutral-600">Partner ID {o.partnerId}</span>
                    </Td>
                    <Td>
                      {offerTitle(o.offer)}
                      {o.kind === "renewal" ? " (renewal)" : ""}
                    </Td>
                    <Td className="whitespace-nowrap">{formatMoney(o.amountMinor, o.currency)}</Td>
                    <Td className="font-mono text-xs">{o.bankReference}</Td>
                    <Td className="whitespace-nowrap">{o.placedOn}</Td>
                    <Td className="whitespace-nowrap">
                      {o.expiresOn}
                      {expiring ? (
                        <span className="mt-1 block">
                          <StatusBadge label="Expires within 7 days" tone="warning" />
                        </span>
                      ) : null}
                    </Td>
                    <Td>
                      {o.proofs.length === 0
                        ? "None"
                        : o.proofs.map((p) => (
                            <a
                              key={p.id}
                              className="block text-brand-700 underline"
                              href={`/operator/payments/${o.number}/proofs/${p.id}`}
                            >
                              {p.fileName}
                            </a>
                          ))}
                    </Td>
                    <Td>
                      <div className="flex flex-col gap-2">
                        <ConfirmPaymentForm orderNumber={o.number} />
                        <CancelOrderForm orderNumber={o.number} />
                      </div>
                    </Td>
                  </tr>
                );
              })}
            </Table>
            <Pager
              page={page}
              pages={pages}
              href={(p) => (p > 1 ? `/operator/payments?page=${p}` : "/operator/payments")}
            />
          </>
        )}
      </PaymentFeedback>
    </>
  );
}
