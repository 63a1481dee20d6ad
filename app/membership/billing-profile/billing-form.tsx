"use client";
import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";
import { saveBillingProfileAction } from "./actions";

export type BillingValues = Record<
  "billingName" | "addressLine1" | "addressLine2" | "city" | "postalCode" | "country" | "taxId" | "paymentInstrument",
  string
>;

export function BillingProfileForm({ values }: { values: BillingValues }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveBillingProfileAction, {});
  const e = state.errors ?? {};
  return (
    // Submitted through a transition (not the form's action prop) so a refused save keeps what was typed.
    <form
      className="grid gap-3 sm:grid-cols-2"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <div className="sm:col-span-2">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      <div className="sm:col-span-2">
        <Field
          id="bp-name"
          name="billingName"
          label="Billing name"
          defaultValue={values.billingName}
          required
          error={e.billingName}
        />
      </div>
      <Field
        id="bp-line1"
        name="addressLine1"
        label="Street address"
        defaultValue={values.addressLine1}
        required
        error={e.addressLine1}
      />
      <Field
        id="bp-line2"
        name="addressLine2"
        label="Address line 2 (optional)"
        defaultValue={values.addressLine2}
        error={e.addressLine2}
      />
      <Field id="bp-city" name="city" label="City" defaultValue={values.city} required error={e.city} />
      <Field
        id="bp-postal"
        name="postalCode"
        label="Postal code"
        defaultValue={values.postalCode}
        required
        error={e.postalCode}
      />
      <Field
        id="bp-country"
        name="country"
        label="Country/region (ISO code)"
        defaultValue={values.country}
        required
        maxLength={2}
        error={e.country}
      />
      <Field id="bp-tax" name="taxId" label="Tax ID (optional)" defaultValue={values.taxId} error={e.taxId} />
      <div className="sm:col-span-2">
        <Field
          id="bp-instrument"
          name="paymentInstrument"
          label="Payment instrument (masked description)"
          defaultValue={values.paymentInstrument}
          required
          autoComplete="off"
          hint="For example “Visa ending 4242” or “Invoice, net 30”. Never enter a full card or account number."
          error={e.paymentInstrument}
        />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save billing profile"}
        </Button>
      </div>
    </form>
  );
}
