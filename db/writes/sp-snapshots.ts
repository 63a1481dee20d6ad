import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { SnapshotKey, SpSnapshot } from "@/db/queries/solutions-partner-snapshot";
import { spSnapshots } from "@/db/schema";

// The one write of the Solutions Partner inputs kept per import (db/queries/solutions-partner-snapshot.ts
// reads them, and refills them through this when the stored row is not current).

/** Stores the inputs of the organization's newest import; never replaces a newer import's with an older one's. */
export async function storeSnapshot(db: Db, k: SnapshotKey, snap: SpSnapshot): Promise<void> {
  if (k.importId === null) return; // no data yet: nothing to keep
  const row = {
    orgId: k.orgId,
    importId: k.importId,
    ruleset: k.ruleset.id,
    dataThrough: k.dates.dataThrough,
    inputs: snap.inputs,
    remaining: snap.remaining,
    computedAt: new Date(),
  };
  await db
    .insert(spSnapshots)
    .values(row)
    .onConflictDoUpdate({
      target: spSnapshots.orgId,
      set: {
        importId: row.importId,
        ruleset: row.ruleset,
        dataThrough: row.dataThrough,
        inputs: row.inputs,
        remaining: row.remaining,
        computedAt: row.computedAt,
      },
      // Never replace a newer import's inputs with an older request's.
      setWhere: sql`${spSnapshots.importId} <= excluded.import_id`,
    });
}
