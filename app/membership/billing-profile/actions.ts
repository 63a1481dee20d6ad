"use server";
import { db } from "@/db/client";
import { type FormState, formObject, runFormAction } from "@/lib/actions";
import { billingProfileInput, saveBillingProfile } from "@/lib/offers/billing-profile";

export async function saveBillingProfileAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(
    billingProfileInput,
    formObject(form),
    async (ctx, input) => {
      await saveBillingProfile(db(), ctx, input);
      return "Billing profile saved.";
    },
    "/membership/billing-profile",
  );
}
