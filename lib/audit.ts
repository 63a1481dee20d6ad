import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

export type Actor =
  | { kind: "user"; userId: string; email: string; orgId: string }
  | { kind: "operator"; userId: string; email: string } // SPEC §10, signed in on /operator
  | { kind: "cli" };
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** SPEC §5 Audit: written in the same transaction as the change it records. */
export async function writeAudit(
  tx: DbOrTx,
  entry: { orgId: string | null; actor: Actor; action: string; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values({
    orgId: entry.orgId,
    actorUserId: entry.actor.kind === "cli" ? null : entry.actor.userId,
    actor: entry.actor.kind === "cli" ? "cli" : entry.actor.email,
    action: entry.action,
    detail: entry.detail ?? {},
  });
}
