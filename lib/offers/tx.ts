import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { auditLog } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Query = Db | Tx;

/** SQLSTATE and constraint of a database error (Drizzle wraps driver errors in `cause`). */
export function pgError(error: unknown): { code?: string; constraint?: string } {
  for (
    let e = error as Record<string, unknown> | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as Record<string, unknown>, depth++
  ) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: (e.constraint_name ?? e.constraint) as string | undefined };
    }
  }
  return {};
}

const RETRYABLE = new Set(["40001", "40P01"]); // serialization failure, deadlock detected

/** One transaction per verb, retried on serialization failures and deadlocks. */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      if (attempt >= attempts || !RETRYABLE.has(pgError(error).code ?? "")) throw error;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}

export type LockedOrg = { id: string; partnerId: string; name: string; country: string; verified: boolean };

/**
 * Serializes the offers verbs of one organization: a row lock on it (FOR NO KEY UPDATE, so
 * foreign-key checks elsewhere are not blocked). Read-committed statements after it see
 * everything the previous holder committed.
 */
export async function lockOrg(tx: Tx, orgId: string): Promise<LockedOrg> {
  const [row] = rowsOf<{ id: string; partner_id: string; name: string; country: string; verified: boolean }>(
    await tx.execute(
      sql`select id, partner_id, name, country, verified from organizations where id = ${orgId} for no key update`,
    ),
  );
  if (!row) throw new NotFoundError("Unknown organization");
  return { id: row.id, partnerId: row.partner_id, name: row.name, country: row.country, verified: row.verified };
}

/** Audit rows of automatic changes (expiries, lapses, enrollments at no charge) name "system". */
export async function writeSystemAudit(
  tx: Tx,
  orgId: string,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await tx.insert(auditLog).values({ orgId, actorUserId: null, actor: "system", action, detail });
}
