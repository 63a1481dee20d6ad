import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/transaction";
import { actorName, type Caller, callerUserId } from "@/lib/auth/caller";

/** SPEC §5 Audit: written in the same transaction as the change it records, naming who made it. */
export async function writeAudit(
  tx: DbOrTx,
  entry: { orgId: string | null; actor: Caller; action: string; detail?: Record<string, unknown> },
): Promise<void> {
  const detail = entry.detail ?? {};
  await tx.insert(auditLog).values({
    orgId: entry.orgId,
    actorUserId: callerUserId(entry.actor),
    actor: actorName(entry.actor),
    action: entry.action,
    // A token's name may be reused once it is revoked: its id tells them apart.
    detail: entry.actor.kind === "token" ? { ...detail, tokenId: entry.actor.tokenId } : detail,
  });
}
