// SPEC §10 Payments: wire orders awaiting payment across organizations, oldest first, a page at a time
// (an instance of thousands of organizations has hundreds awaiting; each row carries two forms).
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, organizations, paymentProofs } from "@/db/schema";

export const PAYMENTS_PAGE_SIZE = 50;

export type AwaitingOrder = Awaited<ReturnType<typeof listAwaitingPayments>>["rows"][number];

const awaitingWire = and(eq(orders.status, "awaiting_payment"), eq(orders.method, "wire_transfer"));

/**
 * One page (from 1) of the orders awaiting a wire transfer, with the total and the number of pages. A page past
 * the last (its orders were just confirmed, say) gives the last page, and `page` says which one it is.
 */
export async function listAwaitingPayments(db: Db, asked = 1, pageSize = PAYMENTS_PAGE_SIZE) {
  const [first, [counted]] = await Promise.all([
    pageOf(db, asked, pageSize),
    db.select({ total: count() }).from(orders).where(awaitingWire),
  ]);
  const total = counted?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(asked, pages);
  const rows = page === asked ? first : await pageOf(db, page, pageSize);
  return { rows: await withProofs(db, rows), total, page, pages };
}

function pageOf(db: Db, page: number, pageSize: number) {
  return db
    .select({
      number: orders.number,
      offer: orders.offer,
      kind: orders.kind,
      amountMinor: orders.amountMinor,
      currency: orders.currency,
      bankReference: orders.bankReference,
      placedOn: orders.placedOn,
      expiresOn: orders.expiresOn,
      placedBy: orders.placedBy,
      orderId: orders.id,
      partnerId: organizations.partnerId,
      orgName: organizations.name,
    })
    .from(orders)
    .innerJoin(organizations, eq(organizations.id, orders.orgId))
    .where(awaitingWire)
    .orderBy(asc(orders.placedAt), asc(orders.number))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

async function withProofs(db: Db, rows: Awaited<ReturnType<typeof pageOf>>) {
  const proofs = rows.length
    ? await db
        .select({
          id: paymentProofs.id,
          orderId: paymentProofs.orderId,
          fileName: paymentProofs.fileName,
          uploadedAt: paymentProofs.uploadedAt,
        })
        .from(paymentProofs)
        .where(
          inArray(
            paymentProofs.orderId,
            rows.map((r) => r.orderId),
          ),
        )
        .orderBy(asc(paymentProofs.uploadedAt))
    : [];
  return rows.map((r) => ({ ...r, proofs: proofs.filter((p) => p.orderId === r.orderId) }));
}

/** One proof for the operator, by order number and proof id (any organization). */
export async function loadProofForOperator(db: Db, orderNumber: string, proofId: string) {
  const [row] = await db
    .select({ data: paymentProofs.data, fileName: paymentProofs.fileName, contentType: paymentProofs.contentType })
    .from(paymentProofs)
    .innerJoin(orders, eq(orders.id, paymentProofs.orderId))
    .where(and(eq(paymentProofs.id, proofId), eq(orders.number, orderNumber)));
  return row ?? null;
}
