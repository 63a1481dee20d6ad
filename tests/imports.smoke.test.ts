import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./test-db";
import { createOrg, importCourses, query, runImport } from "./fixtures/csv/helpers";

useTestDatabase();
describe("smoke", () => {
  it("imports", async () => {
    const org = await createOrg("smoke-1");
    console.log(await importCourses());
    console.log(await runImport("courseware-completions", org, "achievement_code,course_code,redeemed_on\nA1,az-104t00,2026-10-01\nA2,AZ-900T00,2026-10-02\n"));
    console.log(await query("select * from ts_monthly"));
    console.log(await runImport("courseware-completions", org, "achievement_code,course_code,redeemed_on\nA1,az-104t00,2026-10-01\nA2,AZ-900T00,2026-10-02\nA3,X,2026-02-30\nA1,AZ-900T00,2026-10-02\n"));
    console.log(await runImport("courseware-completions", org, "achievement_code,course_code,redeemed_on\nA1,az-104t00,2026-10-01\nA2,AZ-900T00,2026-10-02\nA1,AZ-900T00,2026-10-02\n"));
    console.log(await query("select * from audit_log"));
    expect(1).toBe(1);
  });
});
