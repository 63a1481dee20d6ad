import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loadTrainingServices } from "@/db/queries/training-services";
import { imports, tsMonthly } from "@/db/schema";
import { toTrainingServicesJson } from "@/lib/api/training-services-json";
import { createOrganization } from "@/lib/orgs/verbs";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const CLI = { kind: "cli" } as const;

async function org(partnerId: string, dataThrough: string | null) {
  const o = await createOrganization(db(), CLI, { partnerId, name: partnerId, country: "US" });
  if (dataThrough)
    await db().insert(imports).values({
      orgId: o.id,
      kind: "courseware-completions",
      fileName: "c.csv",
      rowCount: 1,
      dataThrough,
      importedBy: "cli",
    });
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

describe("Training Services evaluation from the monthly rollup (SPEC §3, §7)", () => {
  it("counts only the window's months and returns the §7 JSON shape", async () => {
    const orgId = await org("ts-json", "2026-11-10"); // mid-month: window 2025-11 … 2026-10
    await db()
      .insert(tsMonthly)
      .values([
        row(orgId, "2025-11", "completion", "three-days-or-more", 600), // first month of the window
        row(orgId, "2026-10", "completion", "three-days-or-more", 399), // last month
        row(orgId, "2026-10", "completion", "two-days-or-less", 3), // 1.5 points
        row(orgId, "2025-10", "completion", "three-days-or-more", 500), // a month before: ignored
        row(orgId, "2026-11", "completion", "three-days-or-more", 500), // after the window: ignored
        row(orgId, "2026-01", "completion", "fundamentals", 700), // capped at 300 points
        row(orgId, "2026-02", "voucher", "advanced", 199),
        row(orgId, "2026-02", "voucher", "fundamentals", 1), // 199.5 points: not met
        row(orgId, "2026-03", "survey", "three-days-or-more", 200, "security", 4250, 1000), // exactly 4.25
        row(orgId, "2026-03", "survey", "fundamentals", 50, "security", 50, 50), // never counted
      ]);
    const view = await loadTrainingServices(db(), orgId, "2026-11-23");
    const body = toTrainingServicesJson(view);
    expect(body.dataThrough).toBe("2026-11-10");
    expect(body.window).toEqual({ start: "2025-11-01", end: "2026-10-31" });
    expect(body.base.courseware).toEqual({ points: 1300.5, threshold: 1000, status: "completed" });
    expect(body.base.examVouchers).toEqual({ points: 199.5, threshold: 200, status: "in_progress" });
    expect(body.base.averageScore).toEqual({ value: 4.25, threshold: 4.25, status: "completed" });
    expect(body.base.status).toBe("in_progress");
    expect(body.areas.security).toEqual({
      status: "completed",
      surveyCompletions: { points: 200, threshold: 200, status: "completed" },
      averageScore: { value: 4.25, threshold: 4.25, status: "completed" },
    });
    expect(body.areas["modern-work"].status).toBe("not_started");
    expect(body.areas["modern-work"].averageScore.value).toBeNull();
    expect(body.badges).toEqual(["security"]);
    expect(body.qualified).toBe(false);
  });

  it("without imports has no data_through (SPEC §6) and shows everything not started", async () => {
    const orgId = await org("ts-empty", null);
    const view = await loadTrainingServices(db(), orgId, "2026-11-23");
    expect(view.freshness.hasData).toBe(false);
    expect(view.freshness.dataThrough).toBeNull();
    expect(view.freshness.asOf).toBe("2026-10-31"); // the empty figures are evaluated as of last month's end
    expect(toTrainingServicesJson(view)).toMatchObject({ dataThrough: null, window: null });
    expect(view.evaluation.base.status).toBe("not_started");
    expect(view.evaluation.badges).toEqual([]);
  });
});
