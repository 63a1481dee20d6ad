// SPEC §9 (fast at any size): the Training Services figures are read and evaluated once per data version (the
// organization's data version, the newest course catalog import, the day: lib/cache.ts). Every import that changes
// ts_monthly makes a new version, so the view follows it.
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loadTrainingServices } from "@/db/queries/training-services";
import { COURSES_CSV, createOrg, expectOk, importCourses, query, runImport, TODAY } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const completions = (rows: string[]) => `${["achievement_code,course_code,redeemed_on", ...rows].join("\n")}\n`;
const courseware = async (orgId: string) =>
  (await loadTrainingServices(db(), orgId, TODAY)).evaluation.base.courseware.points;

describe("Training Services view per data version", () => {
  it("serves one read per version and follows every import of the organization and of the catalog", async () => {
    await importCourses();
    const orgId = await createOrg("ts-version");
    await expectOk(
      runImport("courseware-completions", orgId, completions(["A1,AZ-104T00,2026-03-02", "A2,AZ-104T00,2026-03-03"])),
    );
    expect(await courseware(orgId)).toBe(2); // three-days-or-more: 1 point each

    // Same version: the rollup is not read again (changed here behind the app's back to prove it).
    await query(`update ts_monthly set items = items + 100 where org_id = '${orgId}'`);
    expect(await courseware(orgId)).toBe(2);
    const first = await loadTrainingServices(db(), orgId, TODAY);
    expect(first.scope).not.toBeNull();

    // A new import of the organization: a new version, read from the (rebuilt) rollup.
    await expectOk(runImport("courseware-completions", orgId, completions(["A3,AZ-104T00,2026-04-01"])));
    expect(await courseware(orgId)).toBe(3);

    // A catalog import that moves AZ-104T00 to two-days-or-less (0.5 points each) rebuilds this
    // organization's rollup without an import row of its own: the catalog's version changes.
    await expectOk(
      runImport(
        "courses",
        null,
        COURSES_CSV.replace("infrastructure,three-days-or-more,4", "infrastructure,two-days-or-less,2"),
      ),
    );
    expect(await courseware(orgId)).toBe(1.5);
    expect((await loadTrainingServices(db(), orgId, TODAY)).scope).not.toEqual(first.scope);
  });

  it("keeps the empty figures of an organization without imports under its data version", async () => {
    const orgId = await createOrg("ts-version-none");
    const view = await loadTrainingServices(db(), orgId, TODAY);
    expect(view.scope).not.toBeNull();
    expect(view.evaluation.base.courseware.points).toBe(0);
  });
});
