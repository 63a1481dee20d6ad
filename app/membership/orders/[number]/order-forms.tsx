"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";
import { MAX_PROOF_BYTES } from "@/lib/offers/proof";
import { cancelOrderAction, uploadProofAction } from "./actions";

export function UploadProofForm({ orderNumber }: { orderNumber: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(uploadProofAction, {});
  // Checked here too: a file over the server's body limit would never reach the action's message.
  const [tooLarge, setTooLarge] = useState(false);
  const fileErrors = tooLarge ? ["The file is larger than 5 MB."] : state.errors?.file;
  return (
    <form
      action={action}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        if (tooLarge) e.preventDefault();
      }}
    >
      <input type="hidden" name="orderNumber" value={orderNumber} />
      <label htmlFor="proof-file" className="text-sm font-medium">
        Payment proof (PDF, PNG or JPEG, at most 5 MB)
      </label>
      <input
        id="proof-file"
        name="file"
        type="file"
        accept="application/pdf,image/png,image/jpeg"
        required
        className="text-sm"
        onChange={(e) => setTooLarge((e.target.files?.[0]?.size ?? 0) > MAX_PROOF_BYTES)}
        aria-invalid={fileErrors ? true : undefined}
        aria-describedby={fileErrors ? "proof-file-error" : undefined}
      />
      {fileErrors ? (
        <p id="proof-file-error" className="text-xs text-red-700">
          {fileErrors.join(" ")}
        </p>
      ) : null}
      <FormMessage message={state.message} ok={state.ok} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Uploading…" : "Upload proof"}
        </Button>
      </div>
    </form>
  );
}

export function CancelOrderForm({ orderNumber }: { orderNumber: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(cancelOrderAction, {});
  return (
    <form
      action={action}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        if (!window.confirm(`Cancel order ${orderNumber}?`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="orderNumber" value={orderNumber} />
      <FormMessage message={state.message} ok={state.ok} />
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          Cancel order
        </Button>
      </div>
    </form>
  );
}
