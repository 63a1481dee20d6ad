import type { Provider } from "next-auth/providers";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import type { Env } from "@/lib/env";

// SPEC §11: single sign-on providers, each on only when its variables are set (lib/env.ts
// refuses a half-configured one). Both ask for `openid email profile` only and verify state,
// nonce and PKCE on the callback.
export type SsoProviderId = "microsoft-entra-id" | "oidc";
export type SsoProvider = { id: SsoProviderId; label: string };

const SCOPE = "openid email profile";
const CHECKS: ("pkce" | "state" | "nonce")[] = ["pkce", "state", "nonce"];
/** Entra's multi-tenant endpoint: Auth.js re-reads the issuer of the `tid` the id token names. */
export const ENTRA_DEFAULT_ISSUER = "https://login.microsoftonline.com/common/v2.0";

/** The buttons of the sign-in page, in order. */
export function ssoProviders(e: Env): SsoProvider[] {
  const list: SsoProvider[] = [];
  if (e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET) {
    list.push({ id: "microsoft-entra-id", label: "Microsoft" });
  }
  if (e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET) {
    list.push({ id: "oidc", label: e.AUTH_OIDC_NAME ?? "OpenID Connect" });
  }
  return list;
}

/**
 * Where a sign-in form may lead besides this site: without JavaScript the single sign-on button
 * posts a form whose answer redirects to the provider, and CSP's form-action covers redirects.
 */
export function ssoFormOrigins(e: Env): string[] {
  const origins: string[] = [];
  if (e.AUTH_MICROSOFT_ENTRA_ID_ID)
    origins.push(new URL(e.AUTH_MICROSOFT_ENTRA_ID_ISSUER ?? ENTRA_DEFAULT_ISSUER).origin);
  if (e.AUTH_OIDC_ISSUER) origins.push(new URL(e.AUTH_OIDC_ISSUER).origin);
  return origins;
}

export function isSsoProviderId(value: string): value is SsoProviderId {
  return value === "microsoft-entra-id" || value === "oidc";
}

// The user object Auth.js builds is never stored: lib/auth/sso.ts reads the id token's claims.
const minimalProfile = (p: { sub?: unknown; name?: unknown; email?: unknown }) => ({
  id: String(p.sub ?? ""),
  name: typeof p.name === "string" ? p.name : null,
  email: typeof p.email === "string" ? p.email : null,
});

/** The Auth.js provider configurations for the configured single sign-on providers. */
export function authJsSsoProviders(e: Env): Provider[] {
  const out: Provider[] = [];
  for (const p of ssoProviders(e)) {
    if (p.id === "microsoft-entra-id") {
      out.push(
        MicrosoftEntraID({
          clientId: e.AUTH_MICROSOFT_ENTRA_ID_ID,
          clientSecret: e.AUTH_MICROSOFT_ENTRA_ID_SECRET,
          issuer: e.AUTH_MICROSOFT_ENTRA_ID_ISSUER ?? ENTRA_DEFAULT_ISSUER,
          authorization: { params: { scope: SCOPE } }, // no Graph scope: the profile photo is not needed
          checks: CHECKS,
          profile: minimalProfile,
        }),
      );
    } else {
      out.push({
        id: "oidc",
        name: p.label,
        type: "oidc",
        issuer: e.AUTH_OIDC_ISSUER,
        clientId: e.AUTH_OIDC_ID,
        clientSecret: e.AUTH_OIDC_SECRET,
        authorization: { params: { scope: SCOPE } },
        checks: CHECKS,
        profile: minimalProfile,
      });
    }
  }
  return out;
}
