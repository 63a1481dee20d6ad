"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { SsoProvider } from "@/lib/auth/providers";
import { type SsoSignInState, ssoSignInAction } from "./sso-actions";

/** One button per configured single sign-on provider, above the password form (SPEC §11). */
export function SsoButtons({ providers, callbackUrl }: { providers: SsoProvider[]; callbackUrl: string }) {
  const [state, action, pending] = useActionState<SsoSignInState, FormData>(ssoSignInAction, {});
  if (providers.length === 0) return null;
  return (
    <div className="mb-4 space-y-2">
      <FormMessage message={state.message} />
      {providers.map((p) => (
        <form key={p.id} action={action}>
          <input type="hidden" name="provider" value={p.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" variant="secondary" className="w-full" disabled={pending}>
            Sign in with {p.label}
          </Button>
        </form>
      ))}
      <p className="flex items-center gap-2 pt-2 text-xs text-neutral-600" aria-hidden="true">
        <span className="h-px flex-1 bg-neutral-200" />
        or with your password
        <span className="h-px flex-1 bg-neutral-200" />
      </p>
    </div>
  );
}
