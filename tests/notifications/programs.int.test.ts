import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loadAlerts } from "@/db/queries/alerts";
import { listMailsForUser } from "@/db/queries/notifications";
import { certifications, imports, tsMonthly } from "@/db/schema";
import { makeOrg } from "../offers/helpers";
import { useTestDatabase } from "../test-db";
import { notify } from "./helpers";

// SPEC §12: roll-off risks newly appearing, certifications that count expiring within 30 days,
// and qualification gained or lost after an import go to partner and global admins — from the
// same computations as the Alerts page.
useTestDatabase();

const row = (
  orgId: string,
  month: string,
  kind: string,
  category: string,
  items: number,
  area = "",
  sum = 0,
  n = 0,
) => ({
  orgId,
  month,
  kind,
  category,
  solutionArea: area,
  items,
  answerSum: sum,
  answerCount: n,
});
const tsImport = (orgId: string, dataThrough: string, at: Date) => ({
  orgId,
  kind: "courseware-completions",
  fileName: "c.csv",
  rowCount: 1,
  dataThrough,
  importedBy: "cli",
  at,
});

describe("program notifications", () => {
  it("roll-off risk and expiring certifications once; qualification lost and gained after imports", async () => {
    const org = await makeOrg("n-programs");
    const orgId = org.id;
    await db()
      .insert(tsMonthly)
      .values([
        row(orgId, "2025-11", "completion", "three-days-or-more", 10), // leaves the window first
        row(orgId, "2026-05", "completion", "three-days-or-more", 990),
        row(orgId, "2026-05", "voucher", "advanced", 300),
        row(orgId, "2026-05", "survey", "three-days-or-more", 200, "security", 4500, 1000),
      ]);
    await db().insert(certifications).values({
      orgId,
      personId: "p1",
      personName: "Pat",
      certificationCode: "MS-102",
      earnedOn: "2025-06-01",
      expiresOn: "2026-12-01",
    });
    await db()
      .insert(imports)
      .values([
        tsImport(orgId, "2026-10-31", new Date("2026-11-10T10:00:00Z")),
        { ...tsImport(orgId, "2026-10-31", new Date("2026-11-10T10:00:00Z")), kind: "certifications" },
      ]);
    const subjects = async (role: "partner_admin" | "account_admin" | "global_admin") =>
      (await listMailsForUser(db(), orgId, org.as[role].userId)).map((m) => m.subject).reverse();

    await notify("2026-11-15", null);
    await notify("2026-11-16", null); // the same risks and certifications: nothing new
    const [first] = await listMailsForUser(db(), orgId, org.as.partner_admin.userId);
    expect(await subjects("partner_admin")).toEqual([
      "Org n-programs: Modern Work: 1 certification expiring by 2026-12-01, 15.0 points at risk — deadline 2026-12-01 (and 2 more)",
    ]);
    expect(first!.text).toContain("Training Services qualification at risk of roll-off");
    expect(first!.text).toContain("Courseware completions at risk of roll-off");
    expect(first!.text).toContain("Pat (MS-102, expires 2026-12-01)");
    // The same figure as the Alerts page (one computation).
    expect((await loadAlerts(db(), orgId, "2026-11-15")).map((a) => a.title)).toContain(
      "Modern Work: expiring certifications would cost 15.0 points",
    );
    expect(await subjects("global_admin")).toHaveLength(1);
    expect(await subjects("account_admin")).toEqual([]);

    // A refresh through November: the 2025-11 completions leave the window, qualification is lost.
    await db()
      .insert(imports)
      .values(tsImport(orgId, "2026-11-30", new Date("2026-12-01T10:00:00Z")));
    await notify("2026-12-02", null);
    // New completions in the next refresh: qualified again.
    await db()
      .insert(tsMonthly)
      .values(row(orgId, "2026-12", "completion", "three-days-or-more", 20));
    await db()
      .insert(imports)
      .values(tsImport(orgId, "2026-12-31", new Date("2027-01-05T10:00:00Z")));
    await notify("2027-01-06", null);
    await notify("2027-01-07", null);
    expect((await subjects("partner_admin")).slice(1)).toEqual([
      "Org n-programs: Solutions Partner for Training Services: the organization no longer qualifies",
      "Org n-programs: Solutions Partner for Training Services: the organization now qualifies",
    ]);
  });
});
