import { createHash } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type Order, orders, paymentProofs } from "@/db/schema";
import { inTransaction, type Tx } from "@/db/transaction";
import { bumpDataVersion } from "@/db/writes/data-version";
import { writeAudit } from "@/lib/audit";
import { type Caller, requireOperatorOrCli, requireRole } from "@/lib/auth/caller";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { AreaSlug } from "@/lib/rules/areas";
import { activateOrder } from "./activate";
import { lockOrg } from "./lock-org";
import { maintainInTx } from "./maintenance";
import { detectProofType, MAX_PROOF_BYTES, safeProofName } from "./proof";

export const orderNumberInput = z.object({
  orderNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^PMC-\d{1,12}$/, "Unknown order number"),
});
const MAX_PROOFS_PER_ORDER = 10;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new DomainError(parsed.error.issues[0]!.message, parsed.error.issues[0]!.path.map(String).join("."));
  return parsed.data;
}

async function orderForUpdate(tx: Tx, number: string, orgId?: string): Promise<Order> {
  const where = orgId ? and(eq(orders.number, number), eq(orders.orgId, orgId)) : eq(orders.number, number);
  const [o] = await tx.select().from(orders).where(where).for("update");
  if (!o) throw new NotFoundError(`No order ${number}${orgId ? " in your organization" : ""}.`);
  return o;
}

function notAwaiting(o: Order): DomainError {
  const when = o.status === "active" ? `paid on ${o.paidOn}` : `${o.status} on ${o.closedOn}`;
  return new DomainError(`Order ${o.number} is no longer awaiting payment (${when}).`);
}

/** Operator (CLI): a wire transfer was received — the order becomes Active. */
export async function confirmPayment(
  db: Db,
  caller: Caller,
  input: unknown,
  today: string,
): Promise<{ order: Order; enrolled: AreaSlug[]; already: boolean }> {
  requireOperatorOrCli(caller);
  const { orderNumber } = parse(orderNumberInput, input);
  const [found] = await db.select({ orgId: orders.orgId }).from(orders).where(eq(orders.number, orderNumber));
  if (!found) throw new NotFoundError(`No order ${orderNumber}.`);
  return inTransaction(db, async (tx) => {
    await lockOrg(tx, found.orgId);
    await maintainInTx(tx, found.orgId, today);
    const o = await orderForUpdate(tx, orderNumber);
    if (o.status === "active") return { order: o, enrolled: [], already: true };
    if (o.status !== "awaiting_payment") throw notAwaiting(o);
    const [paid] = await tx
      .update(orders)
      .set({ status: "active", paidOn: today })
      .where(eq(orders.id, o.id))
      .returning();
    const { enrolled } = await activateOrder(tx, paid!, today);
    await writeAudit(tx, {
      orgId: o.orgId,
      actor: caller,
      action: "order.payment_confirm",
      detail: {
        orderNumber,
        offer: o.offer,
        amountMinor: o.amountMinor,
        currency: o.currency,
        termEnd: o.termEnd,
        ...(enrolled.length ? { enrolledAreas: enrolled } : {}),
      },
    });
    await bumpDataVersion(tx, o.orgId);
    return { order: paid!, enrolled, already: false };
  });
}

/** An order awaiting payment can be cancelled by those who may buy, and by an operator (SPEC §10 Payments). */
export async function cancelOrder(db: Db, caller: Caller, input: unknown, today: string): Promise<Order> {
  const user = caller.kind === "operator" ? null : requireRole(caller, "offers:purchase");
  const { orderNumber } = parse(orderNumberInput, input);
  let orgId = user?.orgId;
  if (!orgId) {
    const [found] = await db.select({ orgId: orders.orgId }).from(orders).where(eq(orders.number, orderNumber));
    if (!found) throw new NotFoundError(`No order ${orderNumber}.`);
    orgId = found.orgId;
  }
  const scope = orgId;
  return inTransaction(db, async (tx) => {
    await lockOrg(tx, scope);
    await maintainInTx(tx, scope, today);
    const o = await orderForUpdate(tx, orderNumber, user ? scope : undefined);
    if (o.status !== "awaiting_payment") throw notAwaiting(o);
    const [cancelled] = await tx
      .update(orders)
      .set({ status: "cancelled", closedOn: today })
      .where(eq(orders.id, o.id))
      .returning();
    await writeAudit(tx, {
      orgId: o.orgId,
      actor: caller,
      action: "order.cancel",
      detail: { orderNumber, offer: o.offer },
    });
    await bumpDataVersion(tx, o.orgId);
    return cancelled!;
  });
}

export const proofInput = z.object({
  orderNumber: orderNumberInput.shape.orderNumber,
  fileName: z.string().max(300).default(""),
  bytes: z.instanceof(Uint8Array, { message: "Choose a file" }),
});

/** The partner uploads proof of a wire transfer (PDF, PNG or JPEG by magic bytes, ≤ 5 MB). */
export async function uploadPaymentProof(
  db: Db,
  caller: Caller,
  input: unknown,
  today: string,
): Promise<{ id: string; fileName: string }> {
  const user = requireRole(caller, "offers:purchase");
  const { orderNumber, fileName, bytes } = parse(proofInput, input);
  if (bytes.length === 0) throw new DomainError("Choose a file to upload.", "file");
  if (bytes.length > MAX_PROOF_BYTES) throw new DomainError("The file is larger than 5 MB.", "file");
  const type = detectProofType(bytes);
  if (!type) throw new DomainError("Upload a PDF, PNG or JPEG file.", "file");
  const name = safeProofName(fileName, type.ext);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return inTransaction(db, async (tx) => {
    await lockOrg(tx, user.orgId);
    await maintainInTx(tx, user.orgId, today);
    const o = await orderForUpdate(tx, orderNumber, user.orgId);
    if (o.status !== "awaiting_payment") throw notAwaiting(o);
    const [{ n }] = await tx.select({ n: count() }).from(paymentProofs).where(eq(paymentProofs.orderId, o.id));
    if (n >= MAX_PROOFS_PER_ORDER)
      throw new DomainError(`An order keeps at most ${MAX_PROOFS_PER_ORDER} proofs.`, "file");
    const [row] = await tx
      .insert(paymentProofs)
      .values({
        orderId: o.id,
        orgId: o.orgId,
        fileName: name,
        contentType: type.type,
        sizeBytes: bytes.length,
        sha256,
        data: bytes,
        uploadedBy: user.email,
      })
      .returning({ id: paymentProofs.id, fileName: paymentProofs.fileName });
    await writeAudit(tx, {
      orgId: o.orgId,
      actor: user,
      action: "order.proof_upload",
      detail: { orderNumber, fileName: name, sizeBytes: bytes.length, sha256 },
    });
    return row!;
  });
}
