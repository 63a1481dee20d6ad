import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/db/client";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { describeError, log, logUnexpected } from "@/lib/log";
import { safeReturnPath } from "./access";
import { clientAddress } from "./client-address";
import { verifyCredentials } from "./credentials";
import { authJsSsoProviders, isSsoProviderId } from "./providers";
import { revokeSession, SESSION_TTL_MS } from "./sessions";
import { auditRefusal, identityClaims, identityOf, signInWithIdentity } from "./sso";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
/** The organization requires single sign-on (SPEC §11): the password form says so. */
export class SsoRequired extends CredentialsSignin {
  code = "sso_required";
}
export class AccountLocked extends CredentialsSignin {
  constructor(
    public retryAfterMs: number,
    reason: "locked" | "throttled" = "locked",
  ) {
    super();
    this.code = `${reason}:${retryAfterMs}`;
  }
}

const credentialsInput = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

/** The session opened in the signIn callback, for the jwt callback of the same sign-in. */
const ssoSessions = new WeakMap<object, string>();
const CALLBACK_REFUSALS = new Set(["InvalidCheck", "CallbackRouteError", "OAuthCallbackError"]);

// The JWT carries one id: the server-side session row. Everything else is re-read per request.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_TTL_MS / 1000 },
  pages: { signIn: "/sign-in", error: "/sign-in/refused" },
  logger: {
    error(error: Error & { type?: string }) {
      // A callback that fails its checks (state, PKCE, nonce, id token) is a refusal: audited.
      if (error.type && CALLBACK_REFUSALS.has(error.type)) {
        void auditRefusal(db(), {}, "invalid_callback", null).catch((e) => logUnexpected(e, { action: "sso-audit" }));
      }
      if (error.type === "CredentialsSignin") return; // a wrong password: the form says so
      const cause = (error.cause as { err?: unknown } | undefined)?.err as {
        error?: unknown;
        error_description?: unknown;
      };
      log("warn", "auth error", {
        type: error.type,
        error: describeError(error),
        cause: describeError(cause),
        // an OAuth error answer of the provider (e.g. invalid_grant), never a token
        oauthError: typeof cause?.error === "string" ? cause.error : undefined,
        oauthErrorDescription: typeof cause?.error_description === "string" ? cause.error_description : undefined,
      });
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const address = clientAddress(request.headers, env().TRUSTED_PROXY_HOPS);
        const result = await verifyCredentials(db(), parsed.data.email, parsed.data.password, now(), address);
        if (result.ok) return { id: result.sessionId };
        if (result.reason === "sso_required") throw new SsoRequired();
        if (result.reason !== "invalid") throw new AccountLocked(result.retryAfterMs, result.reason);
        throw new InvalidCredentials();
      },
    }),
    ...authJsSsoProviders(env()),
  ],
  events: {
    // Auth.js's own POST /api/auth/signout only clears the cookie: revoke the session row as
    // well, so that a copy of the cookie stops working at once (as the app's sign-out does).
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sub : undefined;
      if (sessionId) await revokeSession(db(), sessionId);
    },
  },
  callbacks: {
    // Auth.js's own endpoints take a callbackUrl too: the same normalized same-site check (lib/auth/access.ts).
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeReturnPath(url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url)}`;
    },
    // Single sign-on: Auth.js has verified state, PKCE, nonce and the id token; here the identity
    // becomes a session of a user added by an admin, or a refusal page. Nothing is created for
    // an unknown identity.
    async signIn({ account, profile }) {
      if (!account || account.type === "credentials") return true;
      const claims = identityClaims.safeParse(profile);
      if (!isSsoProviderId(account.provider) || !claims.success) return "/sign-in/refused?reason=no_email";
      const result = await signInWithIdentity(db(), identityOf(account.provider, claims.data), now());
      if (!result.ok) return `/sign-in/refused?reason=${result.reason}`;
      ssoSessions.set(account, result.sessionId);
      return true;
    },
    jwt({ token, user, account }) {
      // Auth.js hands the jwt callback the same `account` object as signIn (no adapter).
      if (account && account.type !== "credentials") {
        const sessionId = ssoSessions.get(account);
        return sessionId ? { sub: sessionId } : null;
      }
      if (user?.id) return { sub: user.id };
      return { sub: token.sub };
    },
    session({ session, token }) {
      return { expires: session.expires, sessionId: token.sub } as unknown as typeof session;
    },
  },
}));
