"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";
import { saveSignInSettingsAction, unlinkIdentityAction } from "./actions";

const TEXTAREA = "mt-1 block w-full rounded border border-neutral-300 px-2 py-1.5 font-mono text-sm";

export function SignInSettingsForm({
  tenantIds,
  ssoRequired,
  act = saveSignInSettingsAction,
  partnerId,
}: {
  tenantIds: string[];
  ssoRequired: boolean;
  /** The operator workspace reuses the form with its own action and the organization's partner ID. */
  act?: (prev: FormState, form: FormData) => Promise<FormState>;
  partnerId?: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(act, {});
  const tenantError = state.errors?.tenantIds?.join(" ");
  const ssoError = state.errors?.ssoRequired?.join(" ");
  return (
    <form action={action} className="space-y-4" noValidate>
      {partnerId ? <input type="hidden" name="partnerId" value={partnerId} /> : null}
      <FormMessage message={state.message} ok={state.ok} />
      <div>
        <label htmlFor="tenantIds" className="block text-sm font-medium text-neutral-800">
          Microsoft Entra tenant IDs
        </label>
        <textarea
          id="tenantIds"
          name="tenantIds"
          rows={3}
          className={TEXTAREA}
          defaultValue={tenantIds.join("\n")}
          aria-describedby={`tenantIds-hint${tenantError ? " tenantIds-error" : ""}`}
          aria-invalid={tenantError ? true : undefined}
        />
        <p id="tenantIds-hint" className="mt-1 text-xs text-neutral-600">
          One per line. When any are listed, only identities from these tenants (their <code>tid</code> claim) can link
          to and sign in as your users. Leave empty to accept any tenant.
        </p>
        {tenantError ? (
          <p id="tenantIds-error" className="mt-1 text-xs text-red-700">
            {tenantError}
          </p>
        ) : null}
      </div>
      <div>
        <div className="flex items-center gap-2">
          <input
            id="ssoRequired"
            name="ssoRequired"
            type="checkbox"
            defaultChecked={ssoRequired}
            aria-describedby={`ssoRequired-hint${ssoError ? " ssoRequired-error" : ""}`}
          />
          <label htmlFor="ssoRequired" className="text-sm font-medium text-neutral-800">
            Require single sign-on
          </label>
        </div>
        <p id="ssoRequired-hint" className="mt-1 text-xs text-neutral-600">
          Password sign-in is then refused for every user of your organization, with the reason shown.
        </p>
        {ssoError ? (
          <p id="ssoRequired-error" className="mt-1 text-xs text-red-700">
            {ssoError}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save sign-in settings"}
      </Button>
    </form>
  );
}

export function UnlinkForm({ identityId, userName }: { identityId: string; userName: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(unlinkIdentityAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="identityId" value={identityId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Unlink the identity of ${userName}`}>
        Unlink
      </Button>
      {state.message ? (
        <span role={state.ok ? "status" : "alert"} className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
