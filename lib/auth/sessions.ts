import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perDb } from "@/db/prepared";
import { catalogVersionSql, dataVersionOf, rememberDataVersion } from "@/db/queries/data-version";
import { organizations, sessions, users } from "@/db/schema";
import type { DbOrTx } from "@/db/transaction";
import type { SessionCaller, UserCaller } from "./caller";

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

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

/**
 * The live caller of a session id, re-read from the database on every request (SPEC §9): null
 * when revoked, expired or the user is disabled.
 */
export async function loadCaller(db: Db, sessionId: string, now: Date): Promise<SessionCaller | null> {
  if (!UUID.test(sessionId)) return null;
  const [row] = await contextQuery(db).execute({ sessionId, now: now.toISOString() }); // placeholders skip the column encoder
  if (!row) return null;
  const { role, orgId, orgName, partnerId, country, verified, dataVersion, catalogVersion, ...who } = row;
  if (role === "operator") return { kind: "operator", ...who };
  if (!orgId || orgName === null || partnerId === null || country === null || verified === null) return null;
  // The organization's data version rides on this statement: this request's derived figures need no other (lib/cache.ts).
  if (dataVersion !== null) rememberDataVersion(orgId, dataVersionOf(dataVersion, catalogVersion));
  return { kind: "user", ...who, role, orgId, orgName, partnerId, country, verified };
}

/** The organization user of a session id; null for an operator (who has no organization). */
export async function loadContext(db: Db, sessionId: string, now: Date): Promise<UserCaller | null> {
  const caller = await loadCaller(db, sessionId, now);
  return caller?.kind === "user" ? caller : null;
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
      dataVersion: organizations.dataVersion,
      catalogVersion: catalogVersionSql,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organizations, eq(organizations.id, users.orgId)) // operators have none
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
