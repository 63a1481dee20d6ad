import type { Db } from "@/db/client";
import type { OperatorCaller, SessionCaller, UserCaller } from "@/lib/auth/caller";
import { createSession, loadCaller } from "@/lib/auth/sessions";

// Verbs take the caller the guard resolves from a session: tests sign the user in for real
// (a session row, read back by the guard's own query) rather than hand-build one.
async function signIn(db: Db, userId: string): Promise<SessionCaller> {
  const now = new Date();
  const caller = await loadCaller(db, await createSession(db, userId, now), now);
  if (!caller) throw new Error(`user ${userId} cannot sign in (disabled?)`);
  return caller;
}

/** An organization's user, signed in. */
export async function signedIn(db: Db, userId: string): Promise<UserCaller> {
  const caller = await signIn(db, userId);
  if (caller.kind !== "user") throw new Error(`user ${userId} is an operator`);
  return caller;
}

/** An operator, signed in. */
export async function signedInOperator(db: Db, userId: string): Promise<OperatorCaller> {
  const caller = await signIn(db, userId);
  if (caller.kind !== "operator") throw new Error(`user ${userId} is not an operator`);
  return caller;
}
