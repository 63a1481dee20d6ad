"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/db/client";
import { type FormState, formObject, runFormAction } from "@/lib/actions";
import { today } from "@/lib/clock";
import { orderInput, purchaseDesignation, renewDesignation } from "@/lib/offers/place-order";

const placeInput = orderInput.extend({ kind: z.enum(["purchase", "renewal"]) });

/** Buy now / Renew: the form names the offer and payment method only; the verb decides the rest. */
export async function placeOrderAction(_prev: FormState, form: FormData): Promise<FormState> {
  let placed: string | undefined;
  const state = await runFormAction(
    placeInput,
    formObject(form),
    async (ctx, input) => {
      const verb = input.kind === "renewal" ? renewDesignation : purchaseDesignation;
      const { order } = await verb(db(), ctx, input, today());
      placed = order.number;
      return `Order ${order.number} placed.`;
    },
    "/membership/offers",
  );
  if (state.ok && placed) redirect(`/membership/orders/${placed}?placed=1`);
  return state;
}
