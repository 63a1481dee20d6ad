"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { safeReturnPath } from "@/lib/auth/access";
import { signIn } from "@/lib/auth/config";
import { ssoProviders } from "@/lib/auth/providers";
import { env } from "@/lib/env";
import { logUnexpected } from "@/lib/log";

export type SsoSignInState = { message?: string };

const input = z.object({ provider: z.string().max(40), callbackUrl: z.string().max(2000).optional() });

/** Starts an OpenID Connect sign-in (SPEC §11): Auth.js sets the state, nonce and PKCE cookies and redirects. */
export async function ssoSignInAction(_prev: SsoSignInState, form: FormData): Promise<SsoSignInState> {
  const parsed = input.safeParse(form instanceof FormData ? Object.fromEntries(form) : {});
  const provider = parsed.success ? ssoProviders(env()).find((p) => p.id === parsed.data.provider) : undefined;
  if (!parsed.success || !provider) return { message: "That sign-in method is not configured on this server." };
  try {
    await signIn(provider.id, { redirectTo: safeReturnPath(parsed.data.callbackUrl) });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const ref = logUnexpected(error, { action: "sso-sign-in", provider: provider.id });
      return { message: `Sign-in with ${provider.label} could not start (reference ${ref}). Try again.` };
    }
    throw error; // NEXT_REDIRECT to the identity provider
  }
}
