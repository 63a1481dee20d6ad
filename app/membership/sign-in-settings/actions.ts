"use server";
import { db } from "@/db/client";
import { type FormState, formObject, runFormAction } from "@/lib/actions";
import { ssoProviders } from "@/lib/auth/providers";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import {
  signInSettingsInput,
  unlinkIdentity,
  unlinkIdentityInput,
  updateSignInSettings,
} from "@/lib/orgs/sign-in-settings";

const PATH = "/membership/sign-in-settings";

export async function saveSignInSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(
    signInSettingsInput,
    formObject(form),
    async (ctx, input) => {
      const saved = await updateSignInSettings(db(), ctx, ctx.orgId, input, {
        ssoConfigured: ssoProviders(env()).length > 0,
        now: now(),
      });
      const tenants = saved.tenantIds.length
        ? `only ${saved.tenantIds.length === 1 ? "this tenant" : `these ${saved.tenantIds.length} tenants`}`
        : "any tenant";
      return `Saved: single sign-on accepts ${tenants}; passwords are ${saved.ssoRequired ? "refused" : "accepted"}.`;
    },
    PATH,
  );
}

export async function unlinkIdentityAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(
    unlinkIdentityInput,
    formObject(form),
    async (ctx, input) => {
      const { userEmail } = await unlinkIdentity(db(), ctx, ctx.orgId, input);
      return `Unlinked the identity of ${userEmail}; their sessions ended. Their next single sign-on links again.`;
    },
    PATH,
  );
}
