"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";
import { cancelOrderAction, uploadProofAction } from "./actions";

export function UploadProofForm({ orderNumber }: { orderNumber: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(uploadProofAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="orderNumber" value={orderNumber} />
      <label htmlFor="proof-file" className="text-sm font-medium">Payment proof (PDF, PNG or JPEG, at most 5 MB)</label>
      <input id="proof-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" required className="text-sm"
        aria-invalid={state.errors?.file ? true : undefined} aria-describedby={state.errors?.file ? "proof-file-error" : undefined} />
      {state.errors?.file ? <p id="proof-file-error" className="text-xs text-red-700">{state.errors.file.join(" ")}</p> : null}
      <FormMessage message={state.message} ok={state.ok} />
      <div><Button type="submit" variant="secondary" disabled={pending}>{pending ? "Uploading…" : "Upload proof"}</Button></div>
    </form>
  );
}

export function CancelOrderForm({ orderNumber }: { orderNumber: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(cancelOrderAction, {});
  return (
    <form action={action} className="flex flex-col gap-2" onSubmit={(e) => { if (!window.confirm(`Cancel order ${orderNumber}?`)) e.preventDefault(); }}>
      <input type="hidden" name="orderNumber" value={orderNumber} />
      <FormMessage message={state.message} ok={state.ok} />
      <div><Button type="submit" variant="danger" disabled={pending}>Cancel order</Button></div>
    </form>
  );
}
