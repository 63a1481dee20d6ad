import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { certifications, designations, imports, organizations, tsMonthly } from "../db/schema";
import { E2E_ORGS } from "./fixtures";

// SPEC §8 end-to-end data (E2E_TODAY 2026-11-15, data through 2026-10-31: window 2025-11 … 2026-10).
// Training Services qualifies with exactly 1,000 courseware points, 10 of them in 2025-11, the
// window's first month: they leave next month, so courseware (and qualification) are at risk.
// Modern Work: one advanced certification (MS-102) expiring 2026-12-01 carries 15 SMB points.
// The alerts organization also holds a Solutions Partner designation whose anniversary (2026-12-01)
// is within 30 days: its renewal window is open.
const DATA_THROUGH = "2026-10-31";

async function seedOrg(db: Db, partnerId: string, withDesignation: boolean) {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.partnerId, partnerId));
  const orgId = org!.id;
  const row = (
    month: string,
    kind: string,
    category: string,
    items: number,
    solutionArea = "",
    answerSum = 0,
    answerCount = 0,
  ) => ({ orgId, month, kind, category, solutionArea, items, answerSum, answerCount });
  await db
    .insert(tsMonthly)
    .values([
      row("2025-11", "completion", "three-days-or-more", 10),
      row("2026-05", "completion", "three-days-or-more", 990),
      row("2026-05", "voucher", "advanced", 300),
      row("2026-05", "survey", "three-days-or-more", 200, "security", 4500, 1000),
    ]);
  await db.insert(certifications).values({
    orgId,
    personId: "p-1",
    personName: "Pat Expiring",
    certificationCode: "MS-102",
    earnedOn: "2025-06-01",
    expiresOn: "2026-12-01",
  });
  await db.insert(imports).values([
    {
      orgId,
      kind: "courseware-completions",
      fileName: "e2e.csv",
      rowCount: 1000,
      dataThrough: DATA_THROUGH,
      importedBy: "e2e",
    },
    { orgId, kind: "certifications", fileName: "e2e.csv", rowCount: 1, dataThrough: DATA_THROUGH, importedBy: "e2e" },
  ]);
  if (withDesignation)
    await db.insert(designations).values({
      orgId,
      offer: "solutions-partner",
      status: "active",
      anniversary: "2026-12-01",
      heldSince: "2025-12-01",
    });
}

export async function seedE2eBeyond(db: Db): Promise<void> {
  await seedOrg(db, E2E_ORGS.beyondWhatIf, false);
  await seedOrg(db, E2E_ORGS.beyondAlerts, true);
  await seedOrg(db, E2E_ORGS.beyondForecast, false);
}
