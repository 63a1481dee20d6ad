import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { afterImport } from "@/lib/imports/after-import";
import type { ImportKind } from "@/lib/imports/columns";
import { importCsv } from "@/lib/imports/pipeline";
import { seedOffersDemo } from "./offers";
import { solutionsPartnerCsvs } from "./solutions-partner";
import { coursesCsv, TS_PLANS, trainingServicesCsvs } from "./training-services";
import { seedOrgsAndUsers } from "./users";

/** Imports one demo CSV through the real import path (validation, COPY, rollups, history). */
export async function importDemoCsv(
  kind: ImportKind,
  orgId: string | null,
  text: string,
  today: string,
): Promise<void> {
  const input = (async function* () {
    yield text;
  })();
  const result = await importCsv({
    kind,
    orgId,
    actor: { kind: "cli" },
    fileName: `demo-${kind}.csv`,
    input,
    today,
    afterImport,
  });
  if (!result.ok)
    throw new Error(`Demo ${kind} import failed: ${result.message} ${JSON.stringify(result.errors.slice(0, 3))}`);
}

export async function importTrainingServicesDemo(
  orgId: string,
  plan: keyof typeof TS_PLANS,
  today: string,
  prefix: string,
) {
  for (const [kind, text] of Object.entries(trainingServicesCsvs(TS_PLANS[plan], today, prefix)))
    await importDemoCsv(kind as ImportKind, orgId, text, today);
}

export async function importSolutionsPartnerDemo(
  orgId: string,
  plan: Parameters<typeof solutionsPartnerCsvs>[0],
  today: string,
  prefix: string,
) {
  for (const [kind, text] of Object.entries(solutionsPartnerCsvs(plan, today, prefix))) {
    if (text.trim().includes("\n")) await importDemoCsv(kind as ImportKind, orgId, text, today); // skip header-only files
  }
}

/** Loads demo data once: does nothing when organizations already exist (re-runs keep data). */
export async function seedDemo(db: Db, today: string): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  if (row && row.n > 0) return false;
  const ids = await seedOrgsAndUsers(db);
  await importDemoCsv("courses", null, coursesCsv(), today);
  // SPEC §3: Contoso qualifies with two areas, Fabrikam is close, Northwind has nothing.
  await importTrainingServicesDemo(ids["1000001"], "qualified", today, "CON");
  await importTrainingServicesDemo(ids["1000002"], "close", today, "FAB");
  // SPEC §4: Contoso Modern Work SMB; Fabrikam Security at 80 with a metric at 0; Northwind expiring certifications.
  await importSolutionsPartnerDemo(ids["1000001"], "mw-smb", today, "CON");
  await importSolutionsPartnerDemo(ids["1000002"], "security-80", today, "FAB");
  await importSolutionsPartnerDemo(ids["1000003"], "expiring", today, "NOR");
  await seedOffersDemo(db, ids["1000001"], today); // SPEC §5: billing profile + Training Services due for renewal
  return true;
}
