// SPEC §12: each user turns each kind of mail off (the settings page) or unsubscribes from it with
// the signed link of a mail (no session needed). No row means on.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { notificationPreferences, users } from "@/db/schema";
import { type Caller, requireRole } from "@/lib/auth/caller";
import type { Role } from "@/lib/auth/roles";
import { CATEGORIES, type Category, categoriesFor } from "@/lib/rules/notifications";
import type { UnsubscribeGrant } from "./token";

export type Preference = { category: Category; enabled: boolean };

/** The categories the role receives, each with whether the user gets it. */
export async function loadPreferences(db: Db, userId: string, role: Role): Promise<Preference[]> {
  const rows = await db
    .select({ category: notificationPreferences.category, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const set = new Map(rows.map((r) => [r.category, r.enabled]));
  return categoriesFor(role).map((category) => ({ category, enabled: set.get(category) ?? true }));
}

/** The settings form: a checkbox per category the role receives (an unticked box is not sent). */
export const preferencesInput = z
  .object(
    Object.fromEntries(CATEGORIES.map((c) => [c, z.literal("on").optional()])) as Record<
      Category,
      z.ZodOptional<z.ZodLiteral<"on">>
    >,
  )
  .strict();

async function setPreferences(db: Db, userId: string, values: Preference[]): Promise<void> {
  if (values.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(values.map((v) => ({ userId, category: v.category, enabled: v.enabled })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.category],
      set: { enabled: sql`excluded.enabled`, updatedAt: sql`now()` },
    });
}

/** Saves the signed-in user's choices; categories their role does not receive are ignored. */
export async function savePreferences(
  db: Db,
  caller: Caller,
  input: z.infer<typeof preferencesInput>,
): Promise<Preference[]> {
  const user = requireRole(caller, "membership:view"); // a user's own choices: never the operator's or a token's
  const values = categoriesFor(user.role).map((category) => ({ category, enabled: input[category] === "on" }));
  await setPreferences(db, user.userId, values);
  return values;
}

/** One-click unsubscribe: turns the granted categories off. False when the user no longer exists. */
export async function unsubscribe(db: Db, grant: UnsubscribeGrant): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, grant.userId));
  if (!user) return false;
  await setPreferences(
    db,
    user.id,
    grant.categories.map((category) => ({ category, enabled: false })),
  );
  return true;
}
