import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { organizations } from "../db/schema";
import { importSolutionsPartnerDemo, importTrainingServicesDemo } from "../db/seed";
import { E2E_ORGS, E2E_TODAY } from "./fixtures";

// Program data for the dashboards' end-to-end tests, through the real import path.
export async function seedE2ePrograms(db: Db): Promise<void> {
  const idOf = async (partnerId: string) =>
    (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.partnerId, partnerId)))[0]!
      .id;
  await importTrainingServicesDemo(await idOf(E2E_ORGS.tsView), "qualified", E2E_TODAY, "E2ETS");
  await importSolutionsPartnerDemo(await idOf(E2E_ORGS.spView), "mw-smb", E2E_TODAY, "E2ESP");
  await importSolutionsPartnerDemo(await idOf(E2E_ORGS.spRules), "mw-smb", E2E_TODAY, "E2ESR");
  await importSolutionsPartnerDemo(await idOf(E2E_ORGS.rounding), "rounding-70-05", E2E_TODAY, "E2ERND");
}
