import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { organizations, spSnapshots } from "../db/schema";
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
  // A fault with no switch in the app: every stored engine input of this organization replaced by a
  // string, so its Solutions Partner dashboard throws (e2e/conventions.spec.ts: the error keeps the shell). The
  // server's notifier (lib/notifications/run.ts) fails on it too and logs "notify: events of an organization
  // failed" with `"segment-mix:data-ai" is not a segment-mix value`: expected (tests/notifications/bad-data).
  const broken = await idOf(E2E_ORGS.pageError);
  await importSolutionsPartnerDemo(broken, "mw-smb", E2E_TODAY, "E2EERR");
  const corrupted = await db
    .update(spSnapshots)
    .set({
      inputs: sql`(select jsonb_object_agg(k, '"unreadable"'::jsonb) from jsonb_object_keys(${spSnapshots.inputs}) k)`,
    })
    .where(eq(spSnapshots.orgId, broken))
    .returning({ orgId: spSnapshots.orgId });
  if (corrupted.length !== 1) throw new Error("seed: no Solutions Partner snapshot to corrupt for the page-error test");
}
