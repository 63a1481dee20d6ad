import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/db/client";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { safeReturnPath } from "./access";
import { clientAddress } from "./client-address";
import { verifyCredentials } from "./credentials";
import { revokeSession, SESSION_TTL_MS } from "./sessions";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
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

// The JWT carries one id: the server-side session row. Everything else is re-read per request.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_TTL_MS / 1000 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const address = clientAddress(request.headers, env().TRUSTED_PROXY_HOPS);
        const result = await verifyCredentials(db(), parsed.data.email, parsed.data.password, now(), address);
        if (result.ok) return { id: result.sessionId };
        if (result.reason !== "invalid") throw new AccountLocked(result.retryAfterMs, result.reason);
        throw new InvalidCredentials();
      },
    }),
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
    jwt({ token, user }) {
      if (user?.id) return { sub: user.id };
      return { sub: token.sub };
    },
    session({ session, token }) {
      return { expires: session.expires, sessionId: token.sub } as unknown as typeof session;
    },
  },
}));
