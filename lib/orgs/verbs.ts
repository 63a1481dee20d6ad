import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { bumpDataVersion } from "@/db/writes/data-version";
import { writeAudit } from "@/lib/audit";
import type { Caller } from "@/lib/auth/caller";
import { DomainError, NotFoundError } from "@/lib/errors";

export const newOrgInput = z.object({
  partnerId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{3,40}$/, "Partner id must be 3–40 letters, digits or dashes"),
  name: z.string().trim().min(1, "Enter the organization's name").max(200),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Country must be a two-letter ISO code such as US"),
});

export async function createOrganization(db: Db, actor: Caller, input: z.infer<typeof newOrgInput>) {
  return inTransaction(db, async (tx) => {
    const [existing] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.partnerId, input.partnerId));
    if (existing)
      throw new DomainError(`An organization with partner id ${input.partnerId} already exists`, "partnerId");
    const [org] = await tx.insert(organizations).values(input).returning();
    await writeAudit(tx, { orgId: org!.id, actor, action: "org.create", detail: { partnerId: org!.partnerId } });
    return org!;
  });
}

/** Idempotent: verifying a verified organization changes nothing and writes no second audit row. */
export async function verifyOrganization(db: Db, actor: Caller, partnerId: string) {
  return inTransaction(db, async (tx) => {
    const [org] = await tx
      .update(organizations)
      .set({ verified: true })
      .where(and(eq(organizations.partnerId, partnerId), eq(organizations.verified, false)))
      .returning();
    if (!org) {
      const [existing] = await tx.select().from(organizations).where(eq(organizations.partnerId, partnerId));
      if (!existing) throw new NotFoundError(`No organization with partner id ${partnerId}`);
      return existing;
    }
    await writeAudit(tx, { orgId: org.id, actor, action: "org.verify", detail: {} });
    await bumpDataVersion(tx, org.id);
    return org;
  });
}
