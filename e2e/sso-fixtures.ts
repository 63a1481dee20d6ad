// The test OpenID provider of the end-to-end run (e2e/oidc-provider.ts) and its identities.
// The app's AUTH_OIDC_* point at it (e2e/server.ts); Playwright signs in through its login form.
import { E2E_ORGS, e2eEmail } from "./fixtures";

const appPort = Number(process.env.E2E_PORT ?? 3100);
/** The next port after the app's (each engineer's port range holds both). */
export const OIDC_PORT = appPort + 1;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT = { id: "pmc-e2e", secret: "e2e-oidc-client-secret-0123456789", name: "Test IdP" } as const;
export const OIDC_REDIRECT_URI = `http://127.0.0.1:${appPort}/api/auth/callback/oidc`;

/** Entra-style tenant ids, sent in the custom `tid` claim. */
export const TENANT_A = "aaaaaaaa-0000-4000-8000-00000000000a";
export const TENANT_B = "bbbbbbbb-0000-4000-8000-00000000000b";

export type IdpAccount = { sub: string; email: string; tid: string; name: string };

/**
 * Identities that differ from the default (a login is an email; its subject is `sub:<login>`, its
 * tenant A): another identity claiming a linked user's email, and a user whose identity lives in
 * another tenant.
 */
export const IDP_LOGINS = {
  impostor: "impostor@elsewhere.example",
  otherTenant: e2eEmail(E2E_ORGS.ssoTenant, "partner_admin"),
} as const;

const SPECIAL: Record<string, IdpAccount> = {
  [IDP_LOGINS.impostor]: {
    sub: "sub:impostor",
    email: e2eEmail(E2E_ORGS.ssoLinked, "partner_admin"),
    tid: TENANT_A,
    name: "Impostor",
  },
  [IDP_LOGINS.otherTenant]: {
    sub: `sub:${IDP_LOGINS.otherTenant}`,
    email: IDP_LOGINS.otherTenant,
    tid: TENANT_B,
    name: "B",
  },
};

export function idpAccount(login: string): IdpAccount {
  return SPECIAL[login] ?? { sub: `sub:${login}`, email: login, tid: TENANT_A, name: login.split("@")[0]! };
}
