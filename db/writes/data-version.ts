import { eq, sql } from "drizzle-orm";
import { organizations } from "@/db/schema";
import type { DbOrTx } from "@/db/transaction";

// SPEC §9: the one data version of an organization's derived figures (lib/cache.ts, read by
// db/queries/data-version.ts). Every write that changes an input of them calls this in its transaction: imports of
// the organization's kinds, orders and designations (purchase, renewal, payment confirmation, cancellation, expiry,
// lapse, late enrollment), recorded tracks and verification.

/** Gives the organization a new data version (a fresh sequence number: never reused, even after a rollback). */
export async function bumpDataVersion(tx: DbOrTx, orgId: string): Promise<void> {
  await tx
    .update(organizations)
    .set({ dataVersion: sql`nextval('data_version_seq')` })
    .where(eq(organizations.id, orgId));
}
