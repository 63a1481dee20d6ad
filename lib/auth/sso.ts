import { and, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { orgSignInSettings, userIdentities, users } from "@/db/schema";
import { type DbOrTx, inTransaction } from "@/db/transaction";
import { writeAudit } from "@/lib/audit";
import { normalizeEmail } from "./credentials";
import type { SsoProviderId } from "./providers";
import { createSession } from "./sessions";

// SPEC §11: who an OpenID Connect identity signs in as. No self-registration: the identity's
// email must already belong to a user; the first sign-in links issuer + subject to that user,
// later ones match the subject only (an email that changes at the issuer changes nothing here,
// and another identity carrying a linked user's email never takes that user over).
export type SsoRefusal = "unknown" | "tenant" | "disabled" | "linked_elsewhere" | "no_email";
export type SsoResult =
  | { ok: true; sessionId: string; userId: string; linked: boolean }
  | { ok: false; reason: SsoRefusal };

/** The id token's claims this app reads (validated by Auth.js: signature, issuer, audience, nonce). */
export const identityClaims = z.object({
  iss: z.string().min(1).max(500),
  sub: z.string().min(1).max(255),
  email: z.string().max(320).optional(),
  email_verified: z.boolean().optional(),
  preferred_username: z.string().max(320).optional(),
  tid: z.string().max(100).optional(),
});
export type IdentityClaims = z.infer<typeof identityClaims>;

export type Identity = {
  provider: SsoProviderId;
  issuer: string;
  subject: string;
  email: string | null;
  tenantId: string | null;
};

const EMAIL = z.string().email();

/** The identity behind a set of claims. An email the issuer says it has not verified is not used. */
export function identityOf(provider: SsoProviderId, claims: IdentityClaims): Identity {
  // Entra puts the sign-in name in preferred_username when the account has no mail attribute.
  const candidate = claims.email ?? (provider === "microsoft-entra-id" ? claims.preferred_username : undefined);
  const email =
    claims.email_verified !== false && candidate && EMAIL.safeParse(candidate).success
      ? normalizeEmail(candidate)
      : null;
  return {
    provider,
    issuer: claims.iss,
    subject: claims.sub,
    email,
    tenantId: claims.tid ? claims.tid.toLowerCase() : null,
  };
}

type Candidate = { userId: string; email: string; orgId: string; disabled: boolean; tenantIds: string[] };

async function candidateBy(tx: DbOrTx, where: SQL): Promise<Candidate | undefined> {
  const [row] = await tx
    .select({
      userId: users.id,
      email: users.email,
      orgId: users.orgId,
      disabled: sql<boolean>`${users.disabledAt} is not null`,
      tenantIds: sql<string[]>`coalesce(${orgSignInSettings.tenantIds}, '{}'::text[])`,
    })
    .from(users)
    .leftJoin(orgSignInSettings, eq(orgSignInSettings.orgId, users.orgId))
    .where(and(where, isNotNull(users.orgId))) // operators (no organization) sign in with a password only
    .limit(1);
  return row ? { ...row, orgId: row.orgId! } : undefined;
}

/** Links (first time) or matches (later) an identity and opens a server-side session; every refusal and link is audited. */
export async function signInWithIdentity(db: Db, given: Identity, now: Date): Promise<SsoResult> {
  const identity = { ...given, email: given.email ? normalizeEmail(given.email) : null };
  const result = await inTransaction(
    db,
    async (tx): Promise<SsoResult | { refused: SsoRefusal; orgId: string | null }> => {
      const [linked] = await tx
        .select({ id: userIdentities.id, userId: userIdentities.userId })
        .from(userIdentities)
        .where(and(eq(userIdentities.issuer, identity.issuer), eq(userIdentities.subject, identity.subject)));
      const user = linked
        ? await candidateBy(tx, eq(users.id, linked.userId))
        : identity.email
          ? await candidateBy(tx, sql`lower(${users.email}) = ${identity.email}`)
          : undefined;
      if (!user) return { refused: identity.email || linked ? "unknown" : "no_email", orgId: null };
      if (user.disabled) return { refused: "disabled", orgId: user.orgId };
      // Checked at every sign-in, so that narrowing the list also shuts out identities linked before.
      if (user.tenantIds.length > 0 && !(identity.tenantId && user.tenantIds.includes(identity.tenantId))) {
        return { refused: "tenant", orgId: user.orgId };
      }
      if (linked) {
        await tx.update(userIdentities).set({ lastSignInAt: now }).where(eq(userIdentities.id, linked.id));
        return { ok: true, userId: user.userId, sessionId: await createSession(tx, user.userId, now), linked: false };
      }
      const [other] = await tx
        .select({ subject: userIdentities.subject })
        .from(userIdentities)
        .where(and(eq(userIdentities.userId, user.userId), eq(userIdentities.issuer, identity.issuer)));
      if (other) return { refused: "linked_elsewhere", orgId: user.orgId };
      const [row] = await tx
        .insert(userIdentities)
        .values({
          userId: user.userId,
          provider: identity.provider,
          issuer: identity.issuer,
          subject: identity.subject,
          tenantId: identity.tenantId,
          email: identity.email!,
          linkedAt: now,
          lastSignInAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: userIdentities.id });
      if (!row) return { refused: "linked_elsewhere", orgId: user.orgId }; // a concurrent first sign-in won
      await writeAudit(tx, {
        orgId: user.orgId,
        actor: { kind: "sign-in", label: user.email, userId: user.userId }, // the user whose identity is linked
        action: "sso.link",
        detail: { ...auditDetail(identity), userId: user.userId },
      });
      return { ok: true, userId: user.userId, sessionId: await createSession(tx, user.userId, now), linked: true };
    },
  );
  if ("ok" in result) return result;
  await auditRefusal(db, identity, result.refused, result.orgId);
  return { ok: false, reason: result.refused };
}

function auditDetail(identity: Identity): Record<string, unknown> {
  return {
    provider: identity.provider,
    issuer: identity.issuer,
    subject: identity.subject,
    tenantId: identity.tenantId,
    email: identity.email,
  };
}

/** A refused identity, recorded after the refusal (in the organization it aimed at, when known). */
export async function auditRefusal(
  db: DbOrTx,
  identity: Partial<Identity>,
  reason: SsoRefusal | "invalid_callback",
  orgId: string | null,
): Promise<void> {
  await writeAudit(db, {
    orgId,
    actor: { kind: "sign-in", label: `sso:${identity.email ?? identity.subject ?? "unknown"}` },
    action: "sso.refused",
    detail: { ...auditDetail(identity as Identity), reason },
  });
}
