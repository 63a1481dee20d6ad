// SPEC §6 / §4.1: an import whose data_through precedes its program's earliest ruleset is refused
// (row-0 error naming the earliest date, nothing written), and a data_through stored before that
// check never makes an evaluation throw.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { loadTrainingServices, loadTrainingServicesForecast, planOf } from "@/db/queries/training-services";
import { imports } from "@/db/schema";
import { solutionsPartnerJson } from "@/lib/api/solutions-partner-json";
import { toTrainingServicesJson } from "@/lib/api/training-services-json";
import { count, createOrg, expectOk, expectRejected, importCourses, runImport } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
beforeAll(importCourses);

const COMPLETIONS = "achievement_code,course_code,redeemed_on\nE-1,AZ-104T00,2025-07-10\n";
const CERTIFICATIONS = "person_id,person_name,certification_code,earned_on,expires_on\nP-1,Pat,MS-700,2025-06-01,\n";

async function nothingWritten(orgId: string) {
  const mine = `org_id = '${orgId}'`;
  for (const table of ["imports", "courseware_completions", "certifications", "ts_monthly", "audit_log"])
    expect(await count(table, mine), table).toBe(0);
}

describe("imports before a program's earliest ruleset (SPEC §6)", () => {
  it("Training Services data through 2025-07-31 is refused, naming 2025-08-01; nothing is written", async () => {
    const org = await createOrg("early-ts");
    const r = await expectRejected(
      runImport("courseware-completions", org, COMPLETIONS, { dataThrough: "2025-07-31" }),
    );
    expect(r.errors).toEqual([
      {
        row: 0,
        column: "data_through",
        message:
          "Data through 2025-07-31 is before 2025-08-01, the earliest date the Training Services rules cover: import data through 2025-08-01 or later.",
      },
    ]);
    expect(r.message).toBe("Nothing was imported.");
    await nothingWritten(org);
    // The default data_through (the end of last month) is checked the same way.
    const byDefault = await expectRejected(
      runImport("exam-vouchers", org, "voucher_id,exam_code,level,purchased_on\nV-1,AZ-104,advanced,2025-07-01\n", {
        today: "2025-08-15",
      }),
    );
    expect(byDefault.errors[0]!.message).toContain("Data through 2025-07-31 is before 2025-08-01");
    await nothingWritten(org);
    // The earliest date itself is supported.
    await expectOk(runImport("courseware-completions", org, COMPLETIONS, { dataThrough: "2025-08-01" }));
  });

  it("Solutions Partner data through 2025-12-31 is refused, naming 2026-01-01", async () => {
    const org = await createOrg("early-sp");
    const r = await expectRejected(runImport("certifications", org, CERTIFICATIONS, { dataThrough: "2025-12-31" }));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 0, column: "data_through" });
    expect(r.errors[0]!.message).toContain(
      "earliest date the Solutions Partner rules cover: import data through 2026-01-01",
    );
    await nothingWritten(org);
    await expectOk(runImport("certifications", org, CERTIFICATIONS, { dataThrough: "2026-01-01" }));
  });

  it("the shared course catalog belongs to no program: any data_through is accepted", async () => {
    await expectOk(
      runImport("courses", null, "course_code,title,solution_area,category\nOLD-1,Old,,fundamentals\n", {
        dataThrough: "2020-01-31",
      }),
    );
  });
});

describe("a data_through stored before the check (SPEC §4.1)", () => {
  it("evaluates with the earliest ruleset instead of throwing", async () => {
    const orgId = await createOrg("early-stored");
    const row = (kind: string) => ({
      orgId,
      kind,
      fileName: "old.csv",
      rowCount: 0,
      dataThrough: "2025-06-30",
      importedBy: "cli",
    });
    await db()
      .insert(imports)
      .values([row("courseware-completions"), row("customers")]);
    const ts = await loadTrainingServices(db(), orgId, "2026-11-15");
    expect(ts.ruleset.effectiveFrom).toBe("2025-08-01");
    expect(toTrainingServicesJson(ts)).toMatchObject({ dataThrough: "2025-06-30", qualified: false });
    expect((await planOf(ts)).base.courseware.met).toBe(false);
    expect((await loadTrainingServicesForecast(db(), orgId, "2026-11-15")).months).toHaveLength(3);
    const sp = await solutionsPartnerJson(db(), orgId, "2026-11-15");
    expect(sp.dataThrough).toBe("2025-06-30");
    expect((await loadSolutionsPartner(db(), orgId, "2026-11-15")).ruleset.effectiveFrom).toBe("2026-01-01");
  });
});
