import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { apiTokens, organizations } from "../db/schema";
import { hashSecret } from "../lib/tokens/secret";
import { E2E_ORGS } from "./fixtures";

// API tokens the end-to-end specs need before the app starts (E2E_TODAY 2026-11-15): one whose
// expiry date has passed (no form or verb creates such a token), and one of the access matrix's
// organization A that B's revoke attempts aim at. Test-only secrets, in the shape of real ones.
export const E2E_TOKENS = {
  expiredSecret: `pmc_${"E".repeat(11)}expired-e2e-token-${"e".repeat(14)}`,
  expiredName: "expired-nightly",
  matrixTokenId: "00000000-0000-4000-8000-00000000a7c1",
  matrixTokenName: "matrix-a-reporting",
  matrixSecret: `pmc_${"M".repeat(11)}matrix-a-e2e-token-${"m".repeat(13)}`,
} as const;

async function orgId(db: Db, partnerId: string): Promise<string> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.partnerId, partnerId));
  return org!.id;
}

export async function seedE2eTokens(db: Db): Promise<void> {
  await db.insert(apiTokens).values([
    {
      orgId: await orgId(db, E2E_ORGS.tokensExpired),
      name: E2E_TOKENS.expiredName,
      scopes: ["import", "read"],
      tokenHash: hashSecret(E2E_TOKENS.expiredSecret),
      prefix: E2E_TOKENS.expiredSecret.slice(0, 10),
      createdBy: "cli",
      createdAt: new Date("2026-11-01T09:00:00Z"),
      expiresAt: new Date("2026-11-11T00:00:00Z"), // expiry date 2026-11-10
    },
    {
      id: E2E_TOKENS.matrixTokenId,
      orgId: await orgId(db, E2E_ORGS.matrixA),
      name: E2E_TOKENS.matrixTokenName,
      scopes: ["read"],
      tokenHash: hashSecret(E2E_TOKENS.matrixSecret),
      prefix: E2E_TOKENS.matrixSecret.slice(0, 10),
      createdBy: "cli",
      createdAt: new Date("2026-11-01T09:00:00Z"),
    },
  ]);
}
