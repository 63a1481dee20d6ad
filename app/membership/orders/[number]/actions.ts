"use server";
import { z } from "zod";
import { db } from "@/db/client";
import { type FormState, formObject, runFormAction } from "@/lib/actions";
import { today } from "@/lib/clock";
import { cancelOrder, orderNumberInput, uploadPaymentProof } from "@/lib/offers/payments";

export async function cancelOrderAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = formObject(form);
  return runFormAction(
    orderNumberInput,
    input,
    async (ctx, data) => {
      const order = await cancelOrder(db(), ctx, data, today());
      return `Order ${order.number} was cancelled.`;
    },
    `/membership/orders/${encodeURIComponent(input.orderNumber ?? "")}`,
  );
}

export async function uploadProofAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = formObject(form);
  const file = form instanceof FormData ? form.get("file") : null; // a hand-made call may send no form
  return runFormAction(
    z.object({ orderNumber: orderNumberInput.shape.orderNumber }),
    input,
    async (ctx, data) => {
      const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
      const proof = await uploadPaymentProof(
        db(),
        ctx,
        { orderNumber: data.orderNumber, fileName: file instanceof File ? file.name : "", bytes },
        today(),
      );
      return `Payment proof ${proof.fileName} uploaded. An operator confirms the payment once the transfer arrives.`;
    },
    `/membership/orders/${encodeURIComponent(input.orderNumber ?? "")}`,
  );
}
