import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loadAlerts } from "@/db/queries/alerts";
import { loadSolutionsPartnerTrend } from "@/db/queries/solutions-partner-trend";
import { loadTrainingServicesTrend } from "@/db/queries/training-services-trend";
import { certifications, designations, imports, spEvaluations, tsMonthly } from "@/db/schema";
import { bumpDataVersion } from "@/db/writes/data-version";
import { createOrganization } from "@/lib/orgs/verbs";
import { trendSeries } from "@/lib/rules/training-services/trend";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const CLI = { kind: "cli" } as const;
const TODAY = "2026-11-15";

async function org(partnerId: string) {
  const o = await createOrganization(db(), CLI, { partnerId, name: partnerId, country: "US" });
  return o.id;
}
const row = (
  orgId: string,
  month: string,
  kind: string,
  category: string,
  items: number,
  solutionArea = "",
  answerSum = 0,
  answerCount = 0,
) => ({ orgId, month, kind, category, solutionArea, items, answerSum, answerCount });

describe("SPEC §8 trend queries", () => {
  it("Training Services: 13 windows from one read of 24 rollup months", async () => {
    const orgId = await org("trend-ts");
    await db()
      .insert(tsMonthly)
      .values([
        row(orgId, "2024-10", "completion", "three-days-or-more", 999), // before every window
        row(orgId, "2024-11", "completion", "three-days-or-more", 400), // the first window's first month
        row(orgId, "2025-10", "completion", "three-days-or-more", 600),
        row(orgId, "2026-10", "completion", "two-days-or-less", 3),
        row(orgId, "2026-11", "completion", "three-days-or-more", 999), // after the last window
      ]);
    const trend = await loadTrainingServicesTrend(db(), orgId, "2026-10");
    const s = trendSeries(trend, { area: null, criterion: "courseware" });
    expect(s.points.map((p) => p.month)).toHaveLength(13);
    expect(s.points[0]).toMatchObject({ month: "2025-10", value: 1000, met: true });
    expect(s.points[1]).toMatchObject({ month: "2025-11", value: 600, met: false });
    expect(s.points[12]).toMatchObject({ month: "2026-10", value: 1.5 });
  });

  it("Solutions Partner: each month's highest recorded score", async () => {
    const orgId = await org("trend-sp");
    const ev = (recordedAt: string, total: string, qualified: boolean) => ({
      orgId,
      solutionArea: "security",
      track: "smb" as const,
      metrics: {},
      total,
      qualified,
      dataThrough: "2026-10-31",
      recordedAt: new Date(recordedAt),
    });
    await db()
      .insert(spEvaluations)
      .values([
        ev("2026-09-03T10:00:00Z", "55.5", false),
        ev("2026-09-20T10:00:00Z", "72", true),
        ev("2026-11-02T10:00:00Z", "68", false),
        ev("2025-10-31T10:00:00Z", "90", true),
      ]);
    const trend = await loadSolutionsPartnerTrend(db(), orgId, "security", TODAY);
    expect(trend).toHaveLength(13);
    expect(trend[0]).toEqual({ month: "2025-11", best: null, qualified: false });
    expect(trend.find((p) => p.month === "2026-09")).toEqual({ month: "2026-09", best: 72, qualified: true });
    expect(trend[12]).toEqual({ month: "2026-11", best: 68, qualified: false });
  });
});

describe("SPEC §8 alerts loader", () => {
  it("roll-off, expiring certifications, renewal window and awaiting orders of one organization only", async () => {
    const orgId = await org("alerts-a");
    const other = await org("alerts-b");
    await db()
      .insert(tsMonthly)
      .values([
        row(orgId, "2025-11", "completion", "three-days-or-more", 10),
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
        {
          orgId,
          kind: "courseware-completions",
          fileName: "c.csv",
          rowCount: 1,
          dataThrough: "2026-10-31",
          importedBy: "cli",
        },
        { orgId, kind: "certifications", fileName: "c.csv", rowCount: 1, dataThrough: "2026-10-31", importedBy: "cli" },
      ]);
    await db().insert(designations).values({
      orgId,
      offer: "training-services",
      status: "active",
      anniversary: "2026-12-01",
      heldSince: "2025-12-01",
    });
    const alerts = await loadAlerts(db(), orgId, TODAY);
    expect(alerts.map((a) => a.id)).toEqual([
      "ts-qualification-roll-off",
      "renewal-open-training-services",
      "ts-roll-off-base-courseware",
      "sp-expiring-modern-work-advanced-certifications",
    ]);
    expect(await loadAlerts(db(), other, TODAY)).toEqual([]);

    // The alerts are kept per data version (lib/cache.ts): new data, with the version an import gives, is seen at once.
    await db().insert(certifications).values({
      orgId,
      personId: "p2",
      personName: "Sam",
      certificationCode: "MS-700",
      earnedOn: "2025-06-01",
      expiresOn: "2026-11-30",
    });
    await db()
      .insert(imports)
      .values({
        orgId,
        kind: "certifications",
        fileName: "d.csv",
        rowCount: 1,
        dataThrough: "2026-10-31",
        importedBy: "cli",
        at: new Date(Date.now() + 1000),
      });
    await bumpDataVersion(db(), orgId); // as the import's transaction does (lib/imports/pipeline.ts)
    expect((await loadAlerts(db(), orgId, TODAY)).map((a) => a.id)).toContain(
      "sp-expiring-modern-work-intermediate-certifications",
    );
  });
});
