import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { organizations, spEvaluations, users } from "../db/schema";
import { hashPassword } from "../lib/auth/password";
import { E2E_OPERATOR, E2E_ORGS, E2E_PASSWORD } from "./fixtures";

// SPEC §10 end-to-end data: the operator, and an unverified organization that qualifies for
// Solutions Partner (Modern Work) with no billing profile, so it can buy only by wire.
export async function seedE2eOperator(db: Db): Promise<void> {
  await db.insert(users).values({
    orgId: null,
    role: "operator",
    email: E2E_OPERATOR,
    name: "E2E Operator",
    passwordHash: await hashPassword(E2E_PASSWORD),
  });
  const [org] = await db
    .update(organizations)
    .set({ verified: false })
    .where(eq(organizations.partnerId, E2E_ORGS.operatorJourney))
    .returning();
  await db.insert(spEvaluations).values({
    orgId: org!.id,
    solutionArea: "modern-work",
    track: "enterprise",
    metrics: {},
    total: "80",
    qualified: true,
    dataThrough: "2026-10-31",
    recordedAt: new Date("2026-11-01T08:00:00Z"),
  });
}
