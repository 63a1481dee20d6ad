"use client";
import { createContext, type ReactNode, useActionState, useContext } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";
import { cancelOrderAction, confirmPaymentAction } from "../actions";

// A confirmed or cancelled order leaves the list at once (the page is revalidated), and its row's form
// with it: the outcome is kept here, above the list, for whichever row's form ran last.
const PaymentAction = createContext<((form: FormData) => void) | null>(null);

async function run(prev: FormState, form: FormData): Promise<FormState> {
  return form.get("intent") === "cancel" ? cancelOrderAction(prev, form) : confirmPaymentAction(prev, form);
}

export function PaymentFeedback({ children }: { children: ReactNode }) {
  const [state, action] = useActionState<FormState, FormData>(run, {});
  return (
    <PaymentAction value={action}>
      <div className="mb-4">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      {children}
    </PaymentAction>
  );
}

function usePaymentAction(): (form: FormData) => void {
  const action = useContext(PaymentAction);
  if (!action) throw new Error("payment forms render inside PaymentFeedback");
  return action;
}

function Submit({ label, busy, ...props }: { label: string; busy: string; "aria-label": string; danger?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      variant={props.danger ? "danger" : "primary"}
      disabled={pending}
      aria-label={props["aria-label"]}
    >
      {pending ? busy : label}
    </Button>
  );
}

export function ConfirmPaymentForm({ orderNumber }: { orderNumber: string }) {
  return (
    <form action={usePaymentAction()} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orderNumber" value={orderNumber} />
      <input type="hidden" name="intent" value="confirm" />
      <Submit label="Confirm receipt" busy="Confirming…" aria-label={`Confirm receipt of ${orderNumber}`} />
    </form>
  );
}

export function CancelOrderForm({ orderNumber }: { orderNumber: string }) {
  return (
    <form action={usePaymentAction()} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orderNumber" value={orderNumber} />
      <input type="hidden" name="intent" value="cancel" />
      <Submit label="Cancel order" busy="Cancelling…" aria-label={`Cancel order ${orderNumber}`} danger />
    </form>
  );
}
