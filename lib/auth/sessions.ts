import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perDb } from "@/db/prepared";
import { organizations, sessions, users } from "@/db/schema";
import type { DbOrTx } from "@/lib/audit";
import type { Role } from "./roles";

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** Who is signed in, re-read from the database on every request (SPEC §9). */
export type AuthContext = {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  orgName: string;
  partnerId: string;
  country: string;
  verified: boolean;
};

export async function createSession(db: DbOrTx, userId: string, now: Date): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({ userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) })
    .returning({ id: sessions.id });
  return row!.id;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  if (!UUID.test(sessionId)) return; // a token without our session id: nothing to revoke
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The live context of a session id, or null when revoked, expired or the user is disabled. */
export async function loadContext(db: Db, sessionId: string, now: Date): Promise<AuthContext | null> {
  if (!UUID.test(sessionId)) return null;
  const [row] = await contextQuery(db).execute({ sessionId, now: now.toISOString() }); // placeholders skip the column encoder
  return row ?? null;
}

// Every signed-in request runs it: built once per database (db/prepared.ts).
const contextQuery = perDb((db) =>
  db
    .select({
      sessionId: sessions.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      orgId: organizations.id,
      orgName: organizations.name,
      partnerId: organizations.partnerId,
      country: organizations.country,
      verified: organizations.verified,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        gt(sessions.expiresAt, sql.placeholder("now")),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
    .prepare("load_context"),
);
