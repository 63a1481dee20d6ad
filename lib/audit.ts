import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

export type Actor =
  | { kind: "user"; userId: string; email: string; orgId: string }
  | { kind: "cli" }
  // someone not (yet) signed in: a refused single sign-on identity (SPEC §11), named by its label
  | { kind: "sign-in"; label: string };
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** SPEC §5 Audit: written in the same transaction as the change it records. */
export async function writeAudit(
  tx: DbOrTx,
  entry: { orgId: string | null; actor: Actor; action: string; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values({
    orgId: entry.orgId,
    actorUserId: entry.actor.kind === "user" ? entry.actor.userId : null,
    actor: entry.actor.kind === "user" ? entry.actor.email : entry.actor.kind === "sign-in" ? entry.actor.label : "cli",
    action: entry.action,
    detail: entry.detail ?? {},
  });
}
