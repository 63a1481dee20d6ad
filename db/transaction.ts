import type { Db } from "@/db/client";

// The one transaction helper and Tx type of every verb. (The imports' COPY path runs its own
// transaction on the raw driver, lib/imports/tx.ts, and hands its verbs a Drizzle `Db` bound to it.)

/** Drizzle inside a transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Reads and writes that run alone or inside a caller's transaction. */
export type DbOrTx = Db | Tx;

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
