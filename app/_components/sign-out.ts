"use server";
import { db } from "@/db/client";
import { signOut } from "@/lib/auth/config";
import { currentCaller } from "@/lib/auth/guard";
import { revokeSession } from "@/lib/auth/sessions";

/** Revokes the session row (so a copied cookie stops working), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const caller = await currentCaller();
  if (caller) await revokeSession(db(), caller.sessionId);
  await signOut({ redirectTo: "/sign-in" });
}
