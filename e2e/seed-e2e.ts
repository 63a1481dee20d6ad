import type { Db } from "../db/client";
import { organizations, users } from "../db/schema";
import { hashPassword } from "../lib/auth/password";
import { E2E_ORGS, E2E_PASSWORD, E2E_ROLES, e2eEmail } from "./fixtures";
import { seedE2eBeyond } from "./seed-beyond";
import { seedE2eNotifications } from "./seed-notifications";
import { seedE2eOffers } from "./seed-offers";
import { seedE2eOperator } from "./seed-operator";
import { seedE2eSecurity } from "./seed-security";
import { seedE2eSso } from "./seed-sso";
import { seedE2eTokens } from "./seed-tokens";

export async function seedE2eOrgs(db: Db): Promise<void> {
  const passwordHash = await hashPassword(E2E_PASSWORD);
  for (const partnerId of Object.values(E2E_ORGS)) {
    const [org] = await db
      .insert(organizations)
      .values({ partnerId, name: `Org ${partnerId}`, country: "US", verified: true })
      .returning();
    await db.insert(users).values(
      E2E_ROLES.map((role) => ({
        orgId: org!.id,
        email: e2eEmail(partnerId, role),
        name: `${role} of ${partnerId}`,
        role,
        passwordHash,
      })),
    );
  }
  await seedE2eBeyond(db);
  await seedE2eOffers(db);
  await seedE2eSecurity(db);
  await seedE2eTokens(db);
  await seedE2eNotifications(db);
  await seedE2eSso(db);
  await seedE2eOperator(db);
}
