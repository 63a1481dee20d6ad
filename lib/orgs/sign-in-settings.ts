import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { orgSignInSettings, sessions, userIdentities, users } from "@/db/schema";
import { type DbOrTx, inTransaction } from "@/db/transaction";
import { writeAudit } from "@/lib/audit";
import { authorize, type Caller } from "@/lib/auth/caller";
import { DomainError, NotFoundError } from "@/lib/errors";

// SPEC §11: an organization's sign-in rules (Entra tenant restriction, single sign-on required)
// and its users' linked identities. Every verb takes the organization from the caller's context
// (a global admin's own organization; an operator's chosen one), never from the form.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const MAX_TENANTS = 20;

export const signInSettingsInput = z.object({
  tenantIds: z
    .string()
    .max(2000, "Too many tenant IDs")
    .default("")
    .transform((text) => [
      ...new Set(
        text
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((t) => t.toLowerCase()),
      ),
    ])
    .refine((ids) => ids.every((id) => GUID.test(id)), {
      message: "Each tenant ID must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47",
    })
    .refine((ids) => ids.length <= MAX_TENANTS, { message: `At most ${MAX_TENANTS} tenant IDs` }),
  // a checkbox: present ("on") when ticked, absent otherwise
  ssoRequired: z
    .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
    .optional()
    .transform((v) => v === "on" || v === "true" || v === true),
});
export type SignInSettingsInput = z.output<typeof signInSettingsInput>;
export type SignInSettings = { tenantIds: string[]; ssoRequired: boolean };

export async function getSignInSettings(db: DbOrTx, orgId: string): Promise<SignInSettings> {
  const [row] = await db
    .select({ tenantIds: orgSignInSettings.tenantIds, ssoRequired: orgSignInSettings.ssoRequired })
    .from(orgSignInSettings)
    .where(eq(orgSignInSettings.orgId, orgId));
  return row ?? { tenantIds: [], ssoRequired: false };
}

/**
 * Records the tenant IDs and whether single sign-on is required. `ssoConfigured` says whether
 * this server offers single sign-on at all (lib/auth/providers.ts): requiring it otherwise would
 * lock everyone out. A user of the organization who requires it must have a linked identity that
 * the new rules still accept, so that the change never locks out the person making it.
 */
export async function updateSignInSettings(
  db: Db,
  actor: Caller,
  orgId: string,
  input: SignInSettingsInput,
  opts: { ssoConfigured: boolean; now: Date },
): Promise<SignInSettings> {
  authorize(actor, "users:manage", orgId);
  if (input.ssoRequired && !opts.ssoConfigured) {
    throw new DomainError("Single sign-on is not configured on this server, so it cannot be required", "ssoRequired");
  }
  return inTransaction(db, async (tx) => {
    const before = await getSignInSettings(tx, orgId);
    if (input.ssoRequired && actor.kind === "user" && actor.orgId === orgId) {
      const own = await tx
        .select({ tenantId: userIdentities.tenantId })
        .from(userIdentities)
        .where(eq(userIdentities.userId, actor.userId));
      const accepted = own.filter(
        (i) => input.tenantIds.length === 0 || (i.tenantId !== null && input.tenantIds.includes(i.tenantId)),
      );
      if (accepted.length === 0) {
        throw new DomainError(
          own.length === 0
            ? "Sign in once with single sign-on yourself before requiring it, so that you keep access"
            : "Your own linked identity is not from one of these tenants: requiring single sign-on would lock you out",
          "ssoRequired",
        );
      }
    }
    const after = { tenantIds: input.tenantIds, ssoRequired: input.ssoRequired };
    await tx
      .insert(orgSignInSettings)
      .values({ orgId, ...after, updatedAt: opts.now })
      .onConflictDoUpdate({ target: orgSignInSettings.orgId, set: { ...after, updatedAt: opts.now } });
    await writeAudit(tx, { orgId, actor, action: "org.sign_in_settings", detail: { from: before, to: after } });
    return after;
  });
}

export type LinkedIdentity = {
  id: string;
  userId: string;
  userName: string;
  userEmail: string;
  provider: string;
  issuer: string;
  tenantId: string | null;
  email: string;
  linkedAt: Date;
  lastSignInAt: Date | null;
};

/** The identities linked to the organization's users, by user name. */
export async function listLinkedIdentities(db: DbOrTx, orgId: string): Promise<LinkedIdentity[]> {
  return db
    .select({
      id: userIdentities.id,
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
      provider: userIdentities.provider,
      issuer: userIdentities.issuer,
      tenantId: userIdentities.tenantId,
      email: userIdentities.email,
      linkedAt: userIdentities.linkedAt,
      lastSignInAt: userIdentities.lastSignInAt,
    })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(eq(users.orgId, orgId))
    .orderBy(users.name, userIdentities.linkedAt);
}

export const unlinkIdentityInput = z.object({ identityId: z.string().uuid("Unknown identity") });

/**
 * Removes the link of an identity to a user of the organization and ends that user's sessions;
 * the next single sign-on with a matching email links anew (and is audited again).
 */
export async function unlinkIdentity(
  db: Db,
  actor: Caller,
  orgId: string,
  input: z.infer<typeof unlinkIdentityInput>,
): Promise<{ userEmail: string }> {
  authorize(actor, "users:manage", orgId);
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({
        id: userIdentities.id,
        userId: users.id,
        userEmail: users.email,
        issuer: userIdentities.issuer,
        subject: userIdentities.subject,
        email: userIdentities.email,
      })
      .from(userIdentities)
      .innerJoin(users, eq(users.id, userIdentities.userId))
      .where(and(eq(userIdentities.id, input.identityId), eq(users.orgId, orgId)));
    if (!row) throw new NotFoundError("That identity was not found in your organization");
    await tx.delete(userIdentities).where(eq(userIdentities.id, row.id));
    await tx.delete(sessions).where(eq(sessions.userId, row.userId));
    await writeAudit(tx, {
      orgId,
      actor,
      action: "sso.unlink",
      detail: { userId: row.userId, issuer: row.issuer, subject: row.subject, email: row.email },
    });
    return { userEmail: row.userEmail };
  });
}
