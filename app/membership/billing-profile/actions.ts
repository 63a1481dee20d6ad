"use server";
import { db } from "@/db/client";
import { type FormState, formObject, runFormAction } from "@/lib/actions";
import { billingProfileInput, saveBillingProfile } from "@/lib/offers/billing-profile";
import { callerOf } from "@/lib/offers/caller";

export async function saveBillingProfileAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(
    "billing:manage",
    billingProfileInput,
    formObject(form),
    async (ctx, input) => {
      await saveBillingProfile(db(), callerOf(ctx), input);
      return "Billing profile saved.";
    },
    "/membership/billing-profile",
  );
}
