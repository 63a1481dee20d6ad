import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { organizations, orgSignInSettings, userIdentities, users } from "../db/schema";
import { E2E_ORGS, e2eEmail } from "./fixtures";
import { MATRIX } from "./seed-security";
import { TENANT_A } from "./sso-fixtures";

// Single sign-on end-to-end data (SPEC §11): the organizations' sign-in rules. Their users are
// the usual four roles (e2e/seed-e2e.ts); no identity is linked before the tests sign in.
/** An identity linked to A's partner admin, for the access matrix (B's global admin may not unlink it). */
export const SSO_MATRIX = {
  identityA: "00000000-0000-4000-8000-00000000a1d1",
  identityEmailA: "koala-identity@e2e-matrix-a.example",
} as const;

async function orgId(db: Db, partnerId: string): Promise<string> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.partnerId, partnerId));
  return org!.id;
}

export async function seedE2eSso(db: Db): Promise<void> {
  await db.insert(orgSignInSettings).values([
    { orgId: await orgId(db, E2E_ORGS.ssoLinked), tenantIds: [TENANT_A], ssoRequired: false },
    { orgId: await orgId(db, E2E_ORGS.ssoTenant), tenantIds: [TENANT_A], ssoRequired: false },
    { orgId: await orgId(db, E2E_ORGS.ssoOnly), tenantIds: [], ssoRequired: true },
  ]);
  await db.insert(userIdentities).values({
    id: SSO_MATRIX.identityA,
    userId: MATRIX.targetUserA,
    provider: "oidc",
    issuer: "https://idp.e2e-matrix-a.invalid",
    subject: "sub:matrix-a",
    tenantId: TENANT_A,
    email: SSO_MATRIX.identityEmailA,
  });
  await db
    .update(users)
    .set({ disabledAt: new Date("2026-11-01T00:00:00Z") })
    .where(sql`lower(${users.email}) = ${e2eEmail(E2E_ORGS.ssoDisabled, "partner_admin")}`);
}
