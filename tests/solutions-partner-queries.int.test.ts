import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loadSolutionsPartner, loadSpHistory } from "@/db/queries/solutions-partner";
import { certifications, customers, deployments, imports, spEvaluations, usage } from "@/db/schema";
import { recordSpEvaluation } from "@/db/writes/sp-evaluations";
import { solutionsPartnerJson } from "@/lib/api/solutions-partner-json";
import { spEligibleAreas } from "@/lib/offers/eligibility";
import { createOrganization } from "@/lib/orgs/verbs";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const CLI = { kind: "cli" } as const;
const TODAY = "2026-11-23"; // data through 2026-10-31: M = 2026-10, M−12 = 2025-10

async function org(partnerId: string) {
  const o = await createOrganization(db(), CLI, { partnerId, name: partnerId, country: "US" });
  await db().insert(imports).values({
    orgId: o.id,
    kind: "customers",
    fileName: "x.csv",
    rowCount: 1,
    dataThrough: "2026-10-31",
    importedBy: "cli",
  });
  return o.id;
}

describe("Solutions Partner values computed in SQL (SPEC §4.4)", () => {
  it("scores Modern Work SMB at 100 and Enterprise at 60.5 from line items", async () => {
    const orgId = await org("sp-mw");
    const since = "2026-01-15";
    await db()
      .insert(customers)
      .values([
        ...Array.from({ length: 10 }, (_, i) => ({
          orgId,
          customerId: `S${i}`,
          customerName: "c",
          solutionArea: "modern-work",
          segment: "smb" as const,
          association: "cpor" as const,
          eligibleFrom: since,
        })),
        // eligible a year earlier too: not a net add
        {
          orgId,
          customerId: "OLD",
          customerName: "c",
          solutionArea: "modern-work",
          segment: "smb",
          association: "cpor",
          eligibleFrom: "2024-01-01",
        },
        // left exactly on end(M): not eligible at end(M)
        {
          orgId,
          customerId: "LEFT",
          customerName: "c",
          solutionArea: "modern-work",
          segment: "smb",
          association: "cpor",
          eligibleFrom: since,
          eligibleUntil: "2026-10-31",
        },
        ...Array.from({ length: 2 }, (_, i) => ({
          orgId,
          customerId: `E${i}`,
          customerName: "c",
          solutionArea: "modern-work",
          segment: "enterprise" as const,
          association: "cpor" as const,
          eligibleFrom: since,
        })),
      ]);
    await db()
      .insert(certifications)
      .values([
        {
          orgId,
          personId: "P1",
          personName: "a",
          certificationCode: "MS-700",
          earnedOn: "2025-01-01",
          expiresOn: "2026-10-31",
        }, // valid on data_through
        { orgId, personId: "P2", personName: "b", certificationCode: "SC-300", earnedOn: "2025-01-01" },
        { orgId, personId: "P3", personName: "c", certificationCode: "MS-102", earnedOn: "2025-01-01" },
        {
          orgId,
          personId: "P4",
          personName: "d",
          certificationCode: "MS-700",
          earnedOn: "2025-01-01",
          expiresOn: "2026-10-30",
        }, // expired the day before
      ]);
    await db()
      .insert(usage)
      .values([
        {
          orgId,
          solutionArea: "modern-work",
          association: "cpor",
          measure: "active-users",
          month: "2025-10",
          value: "1000",
        },
        {
          orgId,
          solutionArea: "modern-work",
          association: "cpor",
          measure: "active-users",
          month: "2026-10",
          value: "1500",
        },
      ]);
    await db()
      .insert(deployments)
      .values(
        Array.from({ length: 5 }, (_, i) => ({
          orgId,
          customerId: `S${i}`,
          solutionArea: "modern-work",
          workload: "teams",
          association: "cpor" as const,
          deployedOn: since,
        })),
      );

    const view = await loadSolutionsPartner(db(), orgId, TODAY);
    const mw = view.evaluation.areas["modern-work"];
    expect(mw.tracks.smb!.totalText).toBe("100.0");
    expect(mw.tracks.enterprise!.totalText).toBe("60.5");
    expect(mw.track).toBe("smb");
    expect(mw.qualified).toBe(true);
    const json = await solutionsPartnerJson(db(), orgId, TODAY);
    expect(json.dataThrough).toBe("2026-10-31");
    expect(json.areas["modern-work"]).toMatchObject({ status: "qualified", track: "smb", total: 100, qualified: true });
    expect(json.areas["modern-work"].tracks.smb!.metrics["net-customer-adds"]).toMatchObject({
      value: 10,
      points: 20,
      max: 20,
    });
    expect(json.areas["modern-work"].tracks.smb!.metrics["intermediate-certifications"]).toMatchObject({
      value: 2,
      points: 10,
    });
  });

  it("records history and answers the eligibility window from it", async () => {
    const orgId = await org("sp-hist");
    await recordSpEvaluation(db(), orgId, TODAY, new Date("2026-06-10T10:00:00Z"));
    const rows = await db().select().from(spEvaluations);
    expect(rows.filter((r) => r.orgId === orgId)).toHaveLength(6);
    // A qualified evaluation recorded in May still holds on the first day of June.
    await db()
      .insert(spEvaluations)
      .values({
        orgId,
        solutionArea: "security",
        track: "smb",
        metrics: {},
        total: "75",
        qualified: true,
        dataThrough: "2026-04-30",
        recordedAt: new Date("2026-05-20T00:00:00Z"),
      });
    await db()
      .insert(spEvaluations)
      .values({
        orgId,
        solutionArea: "security",
        track: "smb",
        metrics: {},
        total: "60",
        qualified: false,
        dataThrough: "2026-05-31",
        recordedAt: new Date("2026-06-15T00:00:00Z"),
      });
    const eligible = async (start: string, end: string) =>
      (await spEligibleAreas(db(), orgId, { start, end })).includes("security");
    expect(await eligible("2026-06-01", "2026-11-23")).toBe(true);
    expect(await eligible("2026-06-16", "2026-11-23")).toBe(false);
    expect(await eligible("2026-04-01", "2026-05-19")).toBe(false);
    const history = await loadSpHistory(db(), orgId, "security", TODAY);
    expect(history.map((h) => h.month)).toEqual(["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
    expect(history[0]).toEqual({ month: "2026-06", best: 60, qualified: false });
  });
});
