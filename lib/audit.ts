import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

/** Who made a change: a signed-in organization user, an operator (SPEC §10), the CLI, an
 * organization's API token (by name), or someone not (yet) signed in: a refused single sign-on
 * identity (SPEC §11), named by its label. */
export type Actor =
  | { kind: "user"; userId: string; email: string; orgId: string }
  | { kind: "operator"; userId: string; email: string }
  | { kind: "cli" }
  | { kind: "token"; tokenId: string; name: string; orgId: string }
  | { kind: "sign-in"; label: string };
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** How an actor is named in the audit log and in "imported by": email, "cli" or "token:<name>". */
export function actorName(actor: Actor): string {
  if (actor.kind === "user" || actor.kind === "operator") return actor.email;
  if (actor.kind === "token") return `token:${actor.name}`;
  if (actor.kind === "sign-in") return actor.label;
  return "cli";
}

/** The organization an actor belongs to (none for the CLI). */
export function actorOrgId(actor: Actor): string | null {
  return actor.kind === "user" || actor.kind === "token" ? actor.orgId : null;
}

/** SPEC §5 Audit: written in the same transaction as the change it records. */
export async function writeAudit(
  tx: DbOrTx,
  entry: { orgId: string | null; actor: Actor; action: string; detail?: Record<string, unknown> },
): Promise<void> {
  const detail = entry.detail ?? {};
  await tx.insert(auditLog).values({
    orgId: entry.orgId,
    actorUserId: entry.actor.kind === "user" || entry.actor.kind === "operator" ? entry.actor.userId : null,
    actor: actorName(entry.actor),
    action: entry.action,
    // A token's name may be reused once it is revoked: its id tells them apart.
    detail: entry.actor.kind === "token" ? { ...detail, tokenId: entry.actor.tokenId } : detail,
  });
}
