import http from "node:http";
import Provider from "oidc-provider";
import { idpAccount, OIDC_CLIENT, OIDC_ISSUER, OIDC_PORT, OIDC_REDIRECT_URI } from "./sso-fixtures";

// A real OpenID provider for the end-to-end run (the certified `oidc-provider`): authorization
// code with PKCE (required), id tokens signed with its own keys, the Entra-style `tid` claim.
// Its development login form accepts any login (an email, e2e/sso-fixtures.ts); the consent step
// is skipped, as a first-party identity provider does.
export async function startOidcProvider(): Promise<() => Promise<void>> {
  const provider = new Provider(OIDC_ISSUER, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [OIDC_REDIRECT_URI],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub", "tid"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false, // the id token carries the granted scopes' claims (as Entra's does)
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["e2e-oidc-cookie-key-0123456789"] },
    async findAccount(_ctx, id) {
      const account = idpAccount(id);
      return {
        accountId: id,
        async claims() {
          return { sub: account.sub, email: account.email, email_verified: true, name: account.name, tid: account.tid };
        },
      };
    },
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // the provider's refusals, in the web server's log (a failing sign-in test says why)
  for (const event of ["grant.error", "authorization.error", "server_error"]) {
    (provider.on as (e: string, f: (ctx: unknown, err: Record<string, unknown>) => void) => void)(event, (_ctx, err) =>
      process.stderr.write(`[oidc-provider] ${event}: ${err.message} ${err.error_detail ?? ""}\n`),
    );
  }
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(OIDC_PORT, "127.0.0.1", resolve));
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}
