"use server";
import { db } from "@/db/client";
import { type FormState, formObject, runFormAction } from "@/lib/actions";
import { API_SCOPES } from "@/lib/auth/scopes";
import { now } from "@/lib/clock";
import { createToken, newTokenInput, revokeToken, revokeTokenInput } from "@/lib/tokens/verbs";

export type TokenFormState = FormState & { secret?: string };

/** The form's fields as the verb's input: one checkbox per scope ("scope-import", "scope-read"). */
function tokenFields(form: FormData) {
  const fields = formObject(form);
  return {
    name: fields.name ?? "",
    scopes: API_SCOPES.filter((s) => fields[`scope-${s}`] === "on"),
    expiresOn: fields.expiresOn || undefined,
  };
}

export async function createTokenAction(_prev: TokenFormState, form: FormData): Promise<TokenFormState> {
  let secret: string | undefined;
  const state = await runFormAction(
    newTokenInput,
    tokenFields(form),
    async (ctx, input) => {
      const created = await createToken(db(), ctx, ctx.orgId, input, now());
      secret = created.secret; // answered to this request only: never stored, logged or shown again
      return `Token “${created.name}” created. Copy it now: it will not be shown again.`;
    },
    "/membership/api-tokens",
  );
  return secret ? { ...state, secret } : state;
}

export async function revokeTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction(
    revokeTokenInput,
    { tokenId: formObject(form).tokenId ?? "" },
    async (ctx, input) => {
      const revoked = await revokeToken(db(), ctx, ctx.orgId, input, now());
      return `Token “${revoked.name}” revoked. It no longer works.`;
    },
    "/membership/api-tokens",
  );
}
