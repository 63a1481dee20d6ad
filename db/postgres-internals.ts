import type { Sql } from "postgres";

// Every use of postgres.js or drizzle-orm beyond their documented API, in one place, checked against
// postgres 3.4.9 and drizzle-orm 0.45.4 by tests/postgres-internals.test.ts (and, on PostgreSQL,
// tests/csv-download.test.ts and tests/reliability/pool.int.test.ts). Upgrading either package
// means running those (README, "Upgrades that need a check").

/**
 * What drizzle's postgres-js driver uses of the client it is given: `client.unsafe(sql, params, opts)`
 * awaited or followed by `.values()`, `client.begin(fn)` (and `savepoint` on the transaction's own
 * client), and `client.options.parsers/serializers`, which it edits once. db/pool.ts's proxy
 * intercepts exactly `unsafe` and `begin`; anything else drizzle starts to call would bypass its
 * recovery, so the test lists what drizzle touches and fails on anything new.
 */
export const DRIZZLE_CLIENT_MEMBERS = ["options", "unsafe", "begin"] as const;
export const DRIZZLE_QUERY_MEMBERS = ["values", "then", "catch", "finally"] as const;

/**
 * A fresh pool gets the type handlers of the pool it replaces: drizzle wrote its date and JSON
 * handlers into `options.parsers/serializers` of the first pool only, and postgres.js adds the
 * array types it fetched there too.
 */
export function carryTypeHandlers(from: Sql, to: Sql): void {
  Object.assign(to.options.parsers, from.options.parsers);
  Object.assign(to.options.serializers, from.options.serializers);
}

/**
 * Sends PostgreSQL a cancel request for a COPY whose stream has been handed over, and resolves once
 * it is delivered. postgres.js's own query.cancel() does nothing then (the query counts as
 * finished once it resolved with the stream), so this calls its canceller, marked active again.
 * The request goes over a new connection of its own, as the protocol wants: cancelling through the
 * pool (pg_cancel_backend) could wait forever for a connection held by the downloads themselves.
 */
export function cancelCopy(query: object): Promise<void> {
  const q = query as {
    active?: boolean;
    state?: { pid: number | null };
    canceller?: ((q: object) => Promise<void>) | null;
  };
  if (typeof q.canceller !== "function" || !q.state?.pid)
    return Promise.reject(new Error("postgres.js internals changed: cannot cancel the COPY"));
  q.active = true;
  const done = q.canceller(q);
  q.canceller = null;
  return done;
}
