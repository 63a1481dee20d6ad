import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { now } from "@/lib/clock";
import { decideAccess, safeReturnPath } from "./access";
import type { Permission } from "./roles";
import { currentSessionId } from "./session-token";
import { type AuthContext, loadCaller, type OperatorContext, type SessionCaller } from "./sessions";

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
export async function currentContext(): Promise<AuthContext | null> {
  const caller = await currentCaller();
  return caller?.kind === "org" ? caller.ctx : null;
}

async function toSignIn(): Promise<never> {
  const here = safeReturnPath((await headers()).get("x-pathname"));
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
}

/** For pages: redirects signed-out visitors to sign-in (returning here) and answers 403 otherwise. */
export async function requirePage(permission: Permission): Promise<AuthContext> {
  const caller = await currentCaller();
  if (!caller) return toSignIn();
  if (caller.kind !== "org") forbidden();
  if (decideAccess(caller.ctx, permission) !== "allow") forbidden();
  return caller.ctx;
}

export class AccessError extends Error {
  constructor(public readonly status: 401 | 403) {
    super(status === 401 ? "Sign in to continue." : "Your role does not allow this.");
  }
}

/** For route handlers and server actions: the context, or an AccessError with 401/403. */
export async function requireAccess(permission: Permission): Promise<AuthContext> {
  const caller = await currentCaller();
  if (!caller) throw new AccessError(401);
  if (caller.kind !== "org" || decideAccess(caller.ctx, permission) !== "allow") throw new AccessError(403);
  return caller.ctx;
}

/** For operator pages (SPEC §10): sign-in when signed out, 403 for any organization's user. */
export async function requireOperatorPage(): Promise<OperatorContext> {
  const caller = await currentCaller();
  if (!caller) return toSignIn();
  if (caller.kind !== "operator") forbidden();
  return caller.ctx;
}

/** For operator route handlers and actions: the operator, or an AccessError with 401/403. */
export async function requireOperator(): Promise<OperatorContext> {
  const caller = await currentCaller();
  if (!caller) throw new AccessError(401);
  if (caller.kind !== "operator") throw new AccessError(403);
  return caller.ctx;
}
