"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/actions";
import { cancelOrderAction, confirmPaymentAction } from "../actions";

function Message({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <span role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}>
      {state.message}
    </span>
  );
}

export function ConfirmPaymentForm({ orderNumber }: { orderNumber: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(confirmPaymentAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orderNumber" value={orderNumber} />
      <Button type="submit" disabled={pending} aria-label={`Confirm receipt of ${orderNumber}`}>
        {pending ? "Confirming…" : "Confirm receipt"}
      </Button>
      <Message state={state} />
    </form>
  );
}

export function CancelOrderForm({ orderNumber }: { orderNumber: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(cancelOrderAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orderNumber" value={orderNumber} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Cancel order ${orderNumber}`}>
        Cancel order
      </Button>
      <Message state={state} />
    </form>
  );
}
