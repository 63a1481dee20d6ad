import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { now } from "@/lib/clock";
import { decideAccess, safeReturnPath } from "./access";
import type { Permission } from "./roles";
import { currentSessionId } from "./session-token";
import { type AuthContext, loadContext } from "./sessions";

// The one guard: session → role → organization, used by every page, route handler and action.
// Cached per request so the layout and the page share one session decode and one query; the
// cookie is read by lib/auth/session-token.ts (Auth.js's decode, without auth()'s rolled token).
export const currentContext = cache(async (): Promise<AuthContext | null> => {
  const sessionId = await currentSessionId();
  return sessionId ? loadContext(db(), sessionId, now()) : null;
});

/** For pages: redirects signed-out visitors to sign-in (returning here) and answers 403 otherwise. */
export async function requirePage(permission: Permission): Promise<AuthContext> {
  const ctx = await currentContext();
  const decision = decideAccess(ctx, permission);
  if (decision === "unauthenticated") {
    const here = safeReturnPath((await headers()).get("x-pathname"));
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
  }
  if (decision === "forbidden") forbidden();
  return ctx!;
}

export class AccessError extends Error {
  constructor(public readonly status: 401 | 403) {
    super(status === 401 ? "Sign in to continue." : "Your role does not allow this.");
  }
}

/** For route handlers and server actions: the context, or an AccessError with 401/403. */
export async function requireAccess(permission: Permission): Promise<AuthContext> {
  const ctx = await currentContext();
  const decision = decideAccess(ctx, permission);
  if (decision !== "allow") throw new AccessError(decision === "unauthenticated" ? 401 : 403);
  return ctx!;
}
