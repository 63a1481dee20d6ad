// SPEC §10 Payments: wire orders awaiting payment across organizations, oldest first.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, organizations, paymentProofs } from "@/db/schema";

export type AwaitingOrder = Awaited<ReturnType<typeof listAwaitingPayments>>[number];

export async function listAwaitingPayments(db: Db) {
  const rows = await db
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
    .where(and(eq(orders.status, "awaiting_payment"), eq(orders.method, "wire_transfer")))
    .orderBy(asc(orders.placedAt), asc(orders.number))
    .limit(500);
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
