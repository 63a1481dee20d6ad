import type { Db } from "./client";

/**
 * A query built once per database handle (SPEC §9, fast at any size): drizzle assembles its SQL once instead of on
 * every request, and on PostgreSQL postgres.js sends it as a named statement, parsed and planned
 * once per connection. For the statements every page runs (the session, a program's freshness).
 * Values that vary go in `sql.placeholder(...)`.
 */
export function perDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const byDb = new WeakMap<Db, Q>();
  return (db) => {
    let query = byDb.get(db);
    if (!query) byDb.set(db, (query = build(db)));
    return query;
  };
}
