// SPEC §6, §9: an import into an organization with no rows of its kind takes the first-load path
// (a plain insert, no merge): same rows, same counts, same refusal of a key repeated within the
// file as the merge path; concurrent imports into the same empty organization all land. Also the
// spool's blocks: rows with quoted line breaks and multi-byte text across block boundaries.
import { beforeAll, describe, expect, it } from "vitest";
import { kindSpec } from "@/lib/imports/kinds";
import { BYTEWISE_COLLATION_SQL, firstLoadSql, mergeSql } from "@/lib/imports/sql";
import { count, createOrg, expectOk, expectRejected, importCourses, query, runImport } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
let empty = "";
let filled = "";
beforeAll(async () => {
  empty = await createOrg("first-load-empty");
  filled = await createOrg("first-load-filled");
  await importCourses();
});

const completions = (rows: string[]) => `${["achievement_code,course_code,redeemed_on", ...rows].join("\n")}\n`;
const many = (prefix: string, n: number, date = "2026-09-01") =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i},AZ-104T00,${date}`);

describe("first load", () => {
  it("inserts every row, counts them as inserted, and rolls them up", async () => {
    const r = await expectOk(runImport("courseware-completions", filled, completions(many("F", 3))));
    expect(r).toMatchObject({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    expect(
      await query(
        `select achievement_code, course_code, redeemed_on::text from courseware_completions where org_id = '${filled}' order by 1`,
      ),
    ).toEqual(
      [0, 1, 2].map((i) => ({ achievement_code: `F-${i}`, course_code: "AZ-104T00", redeemed_on: "2026-09-01" })),
    );
    expect(await query(`select month, items from ts_monthly where org_id = '${filled}'`)).toEqual([
      { month: "2026-09", items: 3 },
    ]);
  });

  it("refuses a key repeated within the file with the same errors as a merge, writing nothing", async () => {
    const file = completions([
      ...many("D", 3),
      "D-1,AZ-900T00,2026-10-02",
      "D-9,AZ-104T00,2026-10-02",
      "D-0,AZ-104T00,2026-10-03",
    ]);
    const expected = [
      {
        row: 5,
        column: "achievement_code",
        message: 'Same achievement_code as row 3 ("D-1"): each appears once per file.',
      },
      {
        row: 7,
        column: "achievement_code",
        message: 'Same achievement_code as row 2 ("D-0"): each appears once per file.',
      },
    ];
    const first = await expectRejected(runImport("courseware-completions", empty, file));
    const merge = await expectRejected(runImport("courseware-completions", filled, file));
    expect(first.errors).toEqual(expected);
    expect(merge.errors).toEqual(expected);
    expect(first.errorCount).toBe(2);
    expect(await count("courseware_completions", `org_id = '${empty}'`)).toBe(0);
    expect(await count("imports", `org_id = '${empty}'`)).toBe(0);
    expect(await count("courseware_completions", `org_id = '${filled}'`)).toBe(3);
  });

  it("rows of another kind do not count: an organization's first vouchers are a first load too", async () => {
    const r = await expectOk(
      runImport("exam-vouchers", filled, "voucher_id,exam_code,level,purchased_on\nV-1,AZ-104,advanced,2026-09-01\n"),
    );
    expect(r).toMatchObject({ inserted: 1, updated: 0 });
  });

  it("concurrent imports into the same empty organization all land: the later ones merge", async () => {
    const org = await createOrg("first-load-race");
    const files = [many("R", 300), [...many("R", 150, "2026-10-01"), ...many("S", 100)], many("R", 300)];
    const results = await Promise.all(
      files.map((f) => expectOk(runImport("courseware-completions", org, completions(f)))),
    );
    expect(results.reduce((n, r) => n + r.inserted, 0)).toBe(400); // R-0…R-299 and S-0…S-99, each once
    expect(await count("courseware_completions", `org_id = '${org}'`)).toBe(400);
    const [rollup] = await query<{ n: number }>(`select sum(items)::int as n from ts_monthly where org_id = '${org}'`);
    expect(Number(rollup!.n)).toBe(400);
  });
});

describe("first load rollup", () => {
  const files: [kind: string, file: string][] = [
    [
      "courseware-completions",
      completions([...many("M", 4, "2026-08-03"), ...many("N", 2, "2026-09-30"), "O-1,AZ-900T00,2026-09-01"]),
    ],
    [
      "exam-vouchers",
      "voucher_id,exam_code,level,purchased_on\nV-1,AZ-104,advanced,2026-09-01\nV-2,AZ-900,fundamentals,2026-09-02\n" +
        "V-3,AZ-104,advanced,2026-10-02\n",
    ],
    [
      "mtm-surveys",
      "survey_id,course_code,completed_on,q1,q2,q3,q4,q5\nS-1,AZ-104T00,2026-10-01,5,,3,,1\n" +
        "S-2,AZ-104T00,2026-10-09,4,4,4,4,\nS-3,AZ-900T00,2026-09-01,,,,,\n",
    ],
  ];
  it.each(files)("of %s (built from the staged rows) equals the rollup of the stored rows", async (kind, file) => {
    const org = await createOrg(`first-load-rollup-${kind}`);
    const monthly = () =>
      query(`select month, kind, category, solution_area, items, answer_sum, answer_count from ts_monthly
        where org_id = '${org}' order by month, kind, category, solution_area`);
    expect(await expectOk(runImport(kind as never, org, file))).toMatchObject({ updated: 0, unchanged: 0 });
    const fromStaging = await monthly();
    expect(fromStaging.length).toBeGreaterThan(1);
    // The same file again is a merge, whose rollup reads the organization's stored rows.
    expect(await expectOk(runImport(kind as never, org, file))).toMatchObject({ inserted: 0 });
    expect(await monthly()).toEqual(fromStaging);
  });
});

describe("the spool", () => {
  it("replays rows with quoted line breaks and multi-byte text across its blocks, unchanged", async () => {
    const org = await createOrg("first-load-spool");
    const comment = (i: number) => `"Ligne ${i}, « très » bien\n""merci"" ✓ ${"é".repeat(i % 50)}"`;
    const n = 6_000; // well over one 256 KiB block
    const file = `survey_id,course_code,completed_on,q1,q2,q3,q4,q5,comments\n${Array.from(
      { length: n },
      (_, i) => `S-${i},AZ-104T00,2026-10-01,5,,3,,1,${comment(i)}`,
    ).join("\n")}\n`;
    expect(file.length).toBeGreaterThan(2 * 256 * 1024);
    expect(await expectOk(runImport("mtm-surveys", org, file))).toMatchObject({ rows: n, inserted: n });
    const rows = await query<{ id: string; comments: string }>(
      `select survey_id as id, other_answers->>'comments' as comments from mtm_surveys where org_id = '${org}'`,
    );
    expect(rows).toHaveLength(n);
    for (const r of rows) {
      const i = Number(r.id.slice(2));
      expect(r.comments).toBe(`Ligne ${i}, « très » bien\n"merci" ✓ ${"é".repeat(i % 50)}`.trim()); // cells are trimmed
    }
  });
});

describe("key order of the insert", () => {
  it("sorts bytewise only where the database's collation is bytewise (the primary key's own order)", async () => {
    const [row] = await query(BYTEWISE_COLLATION_SQL);
    const collation = await query("select datcollate from pg_database where datname = current_database()");
    const bytewise = ["C", "POSIX", "C.UTF-8", "C.utf8"].includes(String(collation[0]?.datcollate));
    expect(row).toEqual({ bytewise: String(bytewise) });
    const spec = kindSpec("courseware-completions");
    expect(firstLoadSql(spec, { bytewise: true })).toMatch(/order by s\."achievement_code" collate "C"$/);
    expect(firstLoadSql(spec, { bytewise: false })).toMatch(/order by s\."achievement_code"$/);
    expect(mergeSql(spec, { bytewise: true })).toContain('order by s."achievement_code" collate "C"');
  });
});
