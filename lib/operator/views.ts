import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { OperatorCaller } from "@/lib/auth/caller";
import { NotFoundError } from "@/lib/errors";

export async function orgByPartnerId(db: Db, partnerId: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.partnerId, partnerId));
  if (!org) throw new NotFoundError(`No organization with partner ID ${partnerId}.`);
  return org;
}

/** SPEC §10: each view of an organization's data by an operator is audited (in that organization's log). */
export async function auditOperatorView(db: Db, op: OperatorCaller, orgId: string, view: string): Promise<void> {
  await writeAudit(db, {
    orgId,
    actor: op,
    action: "operator.view",
    detail: { view },
  });
}
