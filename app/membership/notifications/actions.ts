"use server";
import { db } from "@/db/client";
import { type FormState, formObject, runFormAction } from "@/lib/actions";
import { preferencesInput, savePreferences } from "@/lib/notifications/preferences";
import { CATEGORY_LABELS } from "@/lib/rules/notifications";

// SPEC §12: the signed-in user's own mail choices (user and organization from the session).
export async function savePreferencesAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(
    preferencesInput,
    formObject(form),
    async (ctx, input) => {
      const saved = await savePreferences(db(), ctx, input);
      const on = saved.filter((p) => p.enabled).map((p) => CATEGORY_LABELS[p.category].label);
      return on.length ? `Saved. You get: ${on.join(", ")}.` : "Saved. You get no notification emails.";
    },
    "/membership/notifications",
  );
}
