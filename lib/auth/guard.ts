import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { resolveToken } from "@/lib/tokens/resolve";
import { decideAccess, safeReturnPath } from "./access";
import type { OperatorCaller, SessionCaller, TokenCaller, UserCaller } from "./caller";
import type { Permission } from "./roles";
import { type ApiPermission, SCOPE_FOR } from "./scopes";
import { currentSessionId } from "./session-token";
import { loadCaller } from "./sessions";

// The one guard: session → caller kind → role → organization, used by every page, route handler
// and action. Cached per request so the layout and the page share one session decode and one
// query; the cookie is read by lib/auth/session-token.ts (Auth.js's decode, without auth()'s
// rolled token). Organization routes never accept an operator, operator routes never an
// organization's user (SPEC §10).
export const currentCaller = cache(async (): Promise<SessionCaller | null> => {
  const sessionId = await currentSessionId();
  return sessionId ? loadCaller(db(), sessionId, now()) : null;
});

/** The signed-in organization user, or null (signed out, or an operator). */
export async function currentContext(): Promise<UserCaller | null> {
  const caller = await currentCaller();
  return caller?.kind === "user" ? caller : null;
}

async function toSignIn(): Promise<never> {
  const here = safeReturnPath((await headers()).get("x-pathname"));
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
}

/** For pages: redirects signed-out visitors to sign-in (returning here) and answers 403 otherwise. */
export async function requirePage(permission: Permission): Promise<UserCaller> {
  const caller = await currentCaller();
  if (!caller) return toSignIn();
  if (caller.kind !== "user") forbidden();
  if (decideAccess(caller, permission) !== "allow") forbidden();
  return caller;
}

export class AccessError extends Error {
  constructor(
    public readonly status: 401 | 403 | 429,
    message?: string,
    /** With 429: seconds until the caller may try again. */
    public readonly retryAfterSeconds?: number,
  ) {
    super(message ?? (status === 401 ? "Sign in to continue." : "Your role does not allow this."));
  }
}

/** For server actions: the signed-in organization user (the verb checks the role), or an AccessError with 401/403. */
export async function requireOrgUser(): Promise<UserCaller> {
  const caller = await currentCaller();
  if (!caller) throw new AccessError(401);
  if (caller.kind !== "user") throw new AccessError(403);
  return caller;
}

/** For route handlers: the organization user whose role grants `permission`, or an AccessError with 401/403. */
export async function requireAccess(permission: Permission): Promise<UserCaller> {
  const caller = await requireOrgUser();
  if (decideAccess(caller, permission) !== "allow") throw new AccessError(403);
  return caller;
}

/** For operator pages (SPEC §10): sign-in when signed out, 403 for any organization's user. */
export async function requireOperatorPage(): Promise<OperatorCaller> {
  const caller = await currentCaller();
  if (!caller) return toSignIn();
  if (caller.kind !== "operator") forbidden();
  return caller;
}

/** For operator route handlers and actions: the operator, or an AccessError with 401/403. */
export async function requireOperator(): Promise<OperatorCaller> {
  const caller = await currentCaller();
  if (!caller) throw new AccessError(401);
  if (caller.kind !== "operator") throw new AccessError(403);
  return caller;
}

// ---- API routes: a signed-in user or an organization API token (SPEC §7 automation) ----

const TOKEN_REFUSED = "Send a valid API token: Authorization: Bearer <token>.";

/**
 * A request that carries an Authorization header is authenticated by it alone, never by the
 * session cookie. So CSRF, which abuses a browser's ambient cookie, does not apply to it (and a
 * cross-site page cannot set that header without a CORS preflight, which this app never grants).
 */
export function authenticatesByHeader(headers: Headers): boolean {
  return headers.has("authorization");
}

/**
 * For the API route handlers that tokens may call (the only place a token is read): a bearer
 * token is resolved to its organization and checked for the scope that stands for `permission`;
 * without an Authorization header, the session and role as for every other route. A missing,
 * unknown, expired or revoked token is one 401 that does not say which; a token without the
 * scope a 403; beyond the token's rate limit a 429 with the seconds to wait.
 */
export async function requireApiCaller(permission: ApiPermission, headers: Headers): Promise<UserCaller | TokenCaller> {
  if (authenticatesByHeader(headers)) {
    const [scheme, secret, ...rest] = (headers.get("authorization") ?? "").trim().split(/\s+/);
    const token =
      scheme?.toLowerCase() === "bearer" && secret && rest.length === 0
        ? await resolveToken(db(), secret, now(), env().API_TOKEN_RATE_LIMIT)
        : null;
    if (!token) throw new AccessError(401, TOKEN_REFUSED);
    const scope = SCOPE_FOR[permission];
    if (!token.scopes.includes(scope)) throw new AccessError(403, `This API token does not have the “${scope}” scope.`);
    if (token.retryAfterSeconds !== null)
      throw new AccessError(
        429,
        `Too many requests with this API token. Try again in ${token.retryAfterSeconds} s.`,
        token.retryAfterSeconds,
      );
    return { kind: "token", tokenId: token.id, name: token.name, orgId: token.orgId };
  }
  if (!(await currentCaller()))
    throw new AccessError(401, "Sign in, or send an API token: Authorization: Bearer <token>.");
  return requireAccess(permission); // an operator gets 403 here, as on every organization route
}
