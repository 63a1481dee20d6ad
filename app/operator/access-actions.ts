"use server";
import { z } from "zod";
import { db } from "@/db/client";
import { type FormState, formObject, runOperatorAction } from "@/lib/actions";
import { ssoProviders } from "@/lib/auth/providers";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { signInSettingsInput, updateSignInSettings } from "@/lib/orgs/sign-in-settings";
import { revokeToken } from "@/lib/tokens/verbs";
import { orgIdByPartnerId } from "@/lib/users/verbs";

// SPEC §10: an operator revokes any organization's API token with the organization's own verb
// (audited in that organization's log); the organization is named by the form's partner ID.
const input = z.object({
  partnerId: z.string().trim().min(1, "Unknown organization").max(40),
  tokenId: z.uuid("Unknown token"),
});

export async function operatorRevokeTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    input,
    formObject(form),
    async (op, { partnerId, tokenId }) => {
      const revoked = await revokeToken(db(), op, await orgIdByPartnerId(db(), partnerId), { tokenId }, now());
      return `The token ${revoked.name} was revoked: it is refused from now on.`;
    },
    "/operator",
  );
}

// SPEC §11: an operator records an organization's Entra tenant IDs and whether it requires single
// sign-on, with the organization's own verb (audited there).
export async function operatorSaveSignInSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    signInSettingsInput.extend({ partnerId: input.shape.partnerId }),
    formObject(form),
    async (op, { partnerId, ...settings }) => {
      const orgId = await orgIdByPartnerId(db(), partnerId);
      const saved = await updateSignInSettings(db(), op, orgId, settings, {
        ssoConfigured: ssoProviders(env()).length > 0,
        now: now(),
      });
      const tenants = saved.tenantIds.length ? `${saved.tenantIds.length} tenant(s)` : "any tenant";
      return `Saved: single sign-on accepts ${tenants}; passwords are ${saved.ssoRequired ? "refused" : "accepted"}.`;
    },
    "/operator",
  );
}
