// SPEC §9 (fast at any size): an import that merged many rows runs ANALYZE on its table, so that the planner does not
// keep believing the organization has no rows (the download's keyset pages took seconds each until
// autovacuum came by). Small imports leave statistics to autovacuum.
import { beforeAll, describe, expect, it } from "vitest";
import { ANALYZE_AFTER_ROWS, needsAnalyze } from "@/lib/imports/pipeline";
import { createOrg, expectOk, importCourses, query, runImport } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();

const completions = (n: number, prefix: string) =>
  "achievement_code,course_code,redeemed_on\n" +
  Array.from({ length: n }, (_, i) => `${prefix}-${i},AZ-104T00,2026-10-${String(1 + (i % 28)).padStart(2, "0")}`).join(
    "\n",
  ) +
  "\n";

async function statistics(): Promise<{ reltuples: number; analyzed: number }> {
  const [row] = await query<{
    reltuples: number;
    analyzed: number;
  }>(`select c.reltuples::float8 as reltuples, s.analyze_count::int as analyzed
    from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = 'courseware_completions'`);
  return { reltuples: Number(row!.reltuples), analyzed: Number(row!.analyzed) };
}

describe("ANALYZE after a large import", () => {
  let orgId = "";
  beforeAll(async () => {
    orgId = await createOrg("analyze-1");
    await importCourses();
  });

  it("counts inserted and updated rows against the threshold", () => {
    expect(ANALYZE_AFTER_ROWS).toBe(10_000);
    expect(needsAnalyze({ inserted: 10_000, updated: 0 })).toBe(false);
    expect(needsAnalyze({ inserted: 6_000, updated: 4_001 })).toBe(true);
  });

  it("a small import leaves the statistics alone; one above the threshold refreshes them before it returns", async () => {
    await expectOk(runImport("courseware-completions", orgId, completions(200, "S")));
    const before = await statistics();
    expect(before.analyzed).toBe(0); // manual ANALYZE only (autovacuum counts apart)
    const r = await expectOk(
      runImport("courseware-completions", orgId, completions(ANALYZE_AFTER_ROWS + 1, "L"), { fileName: "large.csv" }),
    );
    expect(r.inserted).toBe(ANALYZE_AFTER_ROWS + 1);
    const after = await statistics();
    expect(after.analyzed).toBe(1);
    expect(after.reltuples).toBe(ANALYZE_AFTER_ROWS + 201);
    // Re-importing the same rows changes nothing: no second ANALYZE.
    await expectOk(
      runImport("courseware-completions", orgId, completions(ANALYZE_AFTER_ROWS + 1, "L"), { fileName: "again.csv" }),
    );
    expect((await statistics()).analyzed).toBe(1);
  }, 60_000);
});
