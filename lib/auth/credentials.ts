import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orgSignInSettings, signInAddressFailures, signInAttempts, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { dummyHash, verifyPassword } from "./password";
import { ADDRESS_LIMIT, lockDecision, RATE_LIMIT } from "./rate-limit";
import { createSession } from "./sessions";

export type CredentialsResult =
  | { ok: true; sessionId: string; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "sso_required" }
  | { ok: false; reason: "locked" | "throttled"; retryAfterMs: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password against the database-held limits (per client address, then per account);
 * records the attempt; opens a session. `address` is null when the client's is unknown.
 */
export async function verifyCredentials(
  db: Db,
  emailInput: string,
  password: string,
  now: Date,
  address: string | null = null,
): Promise<CredentialsResult> {
  const email = normalizeEmail(emailInput);
  if (address) {
    const throttle = await addressDecision(db, address, now);
    if (throttle.locked) return { ok: false, reason: "throttled", retryAfterMs: throttle.retryAfterMs };
  }
  const since = new Date(now.getTime() - RATE_LIMIT.windowMs);
  const failures = await db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)))
    .orderBy(desc(signInAttempts.at))
    .limit(RATE_LIMIT.maxFailures);
  const lock = lockDecision(
    failures.map((f) => f.at),
    now,
  );
  if (lock.locked) return { ok: false, reason: "locked", retryAfterMs: lock.retryAfterMs };

  const [user] = await db
    .select({
      id: users.id,
      orgId: users.orgId,
      passwordHash: users.passwordHash,
      ssoRequired: sql<boolean>`coalesce(${orgSignInSettings.ssoRequired}, false)`,
    })
    .from(users)
    .leftJoin(orgSignInSettings, eq(orgSignInSettings.orgId, users.orgId))
    .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.disabledAt)))
    .limit(1);
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await dummyHash(), password), false);
  // SPEC §11: an organization that requires single sign-on refuses passwords. Said only after
  // the password proved right, so that the reason tells nothing about an email to a guesser.
  const ssoRequired = valid && !!user?.ssoRequired;
  await db.insert(signInAttempts).values({ email, succeeded: valid && !ssoRequired, at: now });
  if (!valid && address) await db.insert(signInAddressFailures).values({ address, at: now });
  if (!valid || !user) return { ok: false, reason: "invalid" };
  if (ssoRequired) {
    await writeAudit(db, {
      orgId: user.orgId,
      actor: { kind: "sign-in", label: email },
      action: "sign_in.refused",
      detail: { userId: user.id, reason: "sso_required" },
    });
    return { ok: false, reason: "sso_required" };
  }
  const sessionId = await createSession(db, user.id, now);
  return { ok: true, sessionId, userId: user.id };
}

async function addressDecision(db: Db, address: string, now: Date) {
  const since = new Date(now.getTime() - ADDRESS_LIMIT.windowMs);
  const failures = await db
    .select({ at: signInAddressFailures.at })
    .from(signInAddressFailures)
    .where(and(eq(signInAddressFailures.address, address), gt(signInAddressFailures.at, since)))
    .orderBy(desc(signInAddressFailures.at))
    .limit(ADDRESS_LIMIT.maxFailures);
  return lockDecision(
    failures.map((f) => f.at),
    now,
    ADDRESS_LIMIT,
  );
}
