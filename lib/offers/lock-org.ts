import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import type { Tx } from "@/db/transaction";
import { NotFoundError } from "@/lib/errors";

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
