import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInAttempts, users } from "@/db/schema";
import { dummyHash, verifyPassword } from "./password";
import { lockDecision, RATE_LIMIT } from "./rate-limit";
import { createSession } from "./sessions";

export type CredentialsResult =
  | { ok: true; sessionId: string; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks a password against the database-held rate limit; records the attempt; opens a session. */
export async function verifyCredentials(
  db: Db,
  emailInput: string,
  password: string,
  now: Date,
): Promise<CredentialsResult> {
  const email = normalizeEmail(emailInput);
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
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.disabledAt)))
    .limit(1);
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await dummyHash(), password), false);
  await db.insert(signInAttempts).values({ email, succeeded: valid, at: now });
  if (!valid || !user) return { ok: false, reason: "invalid" };
  const sessionId = await createSession(db, user.id, now);
  return { ok: true, sessionId, userId: user.id };
}
