"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";
import { API_SCOPES, SCOPE_LABELS } from "@/lib/auth/scopes";
import { createTokenAction, revokeTokenAction, type TokenFormState } from "./actions";

export function CreateTokenForm({ today }: { today: string }) {
  const [state, action, pending] = useActionState<TokenFormState, FormData>(createTokenAction, {});
  const scopeError = state.errors?.scopes ?? state.errors?.["scopes.0"];
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage message={state.message} ok={state.ok} />
        {state.secret ? <SecretOnce secret={state.secret} /> : null}
      </div>
      <Field
        id="token-name"
        name="name"
        label="Name"
        required
        hint="Who or what uses it, e.g. nightly-lms-export. Imports made with it are recorded under this name."
        error={state.errors?.name}
      />
      <Field
        id="token-expires"
        name="expiresOn"
        type="date"
        min={today}
        label="Expires after (optional)"
        hint="The token works through this day (UTC). Leave empty for no expiry."
        error={state.errors?.expiresOn}
      />
      <fieldset className="sm:col-span-2" aria-describedby={scopeError ? "token-scopes-error" : undefined}>
        <legend className="text-sm font-medium text-neutral-800">Scopes</legend>
        {API_SCOPES.map((scope) => (
          <label key={scope} className="mt-1 flex items-center gap-2 text-sm">
            <input type="checkbox" name={`scope-${scope}`} />
            {SCOPE_LABELS[scope]}
          </label>
        ))}
        {scopeError ? (
          <p id="token-scopes-error" className="mt-1 text-xs text-red-700">
            {scopeError.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </div>
    </form>
  );
}

function SecretOnce({ secret }: { secret: string }) {
  return (
    <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <label htmlFor="token-secret" className="block font-medium">
        Your new token (shown only once)
      </label>
      <input
        id="token-secret"
        readOnly
        value={secret}
        className="mt-1 block w-full rounded border border-neutral-300 bg-white px-2 py-1.5 font-mono text-sm"
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="mt-1 text-xs text-neutral-700">
        Send it as <code>Authorization: Bearer &lt;token&gt;</code>. Store it in your secret store now: only a hash is
        kept here.
      </p>
    </div>
  );
}

/** Stays mounted once the token is revoked, so that its confirmation outlives the re-render. */
export function RevokeTokenForm({
  tokenId,
  name,
  revoked,
  act = revokeTokenAction,
  partnerId,
}: {
  tokenId: string;
  name: string;
  revoked: boolean;
  /** The operator workspace reuses the form with its own action and the organization's partner ID. */
  act?: (prev: FormState, form: FormData) => Promise<FormState>;
  partnerId?: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(act, {});
  if (revoked && !state.message) return null;
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      {partnerId ? <input type="hidden" name="partnerId" value={partnerId} /> : null}
      {revoked ? null : (
        <Button type="submit" variant="danger" disabled={pending} aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      )}
      {state.message ? (
        <span
          role={state.ok ? "status" : "alert"}
          className={`text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
