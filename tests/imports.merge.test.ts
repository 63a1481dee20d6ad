// SPEC §6: re-importing the same rows changes nothing; changed rows update by natural key; the
// ts_monthly rollup always equals a GROUP BY over the line items; hooks share the transaction.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import {
  CLI,
  count,
  createOrg,
  expectOk,
  expectRejected,
  importCourses,
  query,
  runImport,
} from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
let orgA = "";
let orgB = "";
beforeAll(async () => {
  orgA = await createOrg("merge-a");
  orgB = await createOrg("merge-b");
  await importCourses();
});

const completions = (rows: string[]) => `${["achievement_code,course_code,redeemed_on", ...rows].join("\n")}\n`;
const surveys = (rows: string[]) => `${["survey_id,course_code,completed_on,q1,q2,q3,q4,q5", ...rows].join("\n")}\n`;
const vouchers = (rows: string[]) => `${["voucher_id,exam_code,level,purchased_on", ...rows].join("\n")}\n`;

type Rollup = {
  org: string;
  month: string;
  kind: string;
  category: string;
  area: string;
  items: number;
  sum: number;
  answered: number;
};
const key = (r: Rollup) => `${r.org}|${r.month}|${r.kind}|${r.category}|${r.area}`;
const sorted = (rows: Rollup[]) =>
  rows
    .map((r) => ({ ...r, items: Number(r.items), sum: Number(r.sum), answered: Number(r.answered) }))
    .sort((a, b) => key(a).localeCompare(key(b)));

/** The rollup recomputed here, from the line items, in JavaScript. */
async function expectedRollup(): Promise<Rollup[]> {
  const out = new Map<string, Rollup>();
  const add = (r: Omit<Rollup, "items" | "sum" | "answered">, sum = 0, answered = 0) => {
    const row = out.get(key(r as Rollup)) ?? { ...r, items: 0, sum: 0, answered: 0 };
    row.items += 1;
    row.sum += sum;
    row.answered += answered;
    out.set(key(row), row);
  };
  for (const c of await query<{ org_id: string; d: string; category: string; area: string | null }>(
    `select c.org_id, c.redeemed_on::text as d, co.category::text as category, co.solution_area as area from courseware_completions c join courses co using (course_code)`,
  )) {
    add({ org: c.org_id, month: c.d.slice(0, 7), kind: "completion", category: c.category, area: c.area ?? "" });
  }
  for (const v of await query<{ org_id: string; d: string; level: string }>(
    `select org_id, purchased_on::text as d, level::text from exam_vouchers`,
  )) {
    add({ org: v.org_id, month: v.d.slice(0, 7), kind: "voucher", category: v.level, area: "" });
  }
  type Survey = {
    org_id: string;
    d: string;
    category: string;
    area: string | null;
    q1: number | null;
    q2: number | null;
    q3: number | null;
    q4: number | null;
    q5: number | null;
  };
  for (const s of await query<Survey>(
    `select s.org_id, s.completed_on::text as d, co.category::text as category, co.solution_area as area, q1, q2, q3, q4, q5 from mtm_surveys s join courses co using (course_code)`,
  )) {
    const answered = [s.q1, s.q2, s.q3, s.q4, s.q5].filter((x) => x !== null).map(Number);
    add(
      { org: s.org_id, month: s.d.slice(0, 7), kind: "survey", category: s.category, area: s.area ?? "" },
      answered.reduce((a, b) => a + b, 0),
      answered.length,
    );
  }
  return sorted([...out.values()]);
}

async function expectRollupMatches() {
  const actual = await query<Rollup>(
    `select org_id as org, month, kind, category, solution_area as area, items, answer_sum as sum, answer_count as answered from ts_monthly`,
  );
  expect(sorted(actual)).toEqual(await expectedRollup());
}

describe("idempotent re-import", () => {
  const rows = ["A-1,AZ-104T00,2026-09-01", "A-2,AZ-900T00,2026-09-15", "A-3,PL-300T00,2026-10-01"];

  it("re-importing the same rows inserts and changes nothing", async () => {
    const first = await expectOk(runImport("courseware-completions", orgA, completions(rows)));
    expect(first).toMatchObject({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    await expectRollupMatches();
    const before = await query(`select * from courseware_completions order by achievement_code`);
    const again = await expectOk(runImport("courseware-completions", orgA, completions(rows)));
    expect(again).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(await query(`select * from courseware_completions order by achievement_code`)).toEqual(before);
    await expectRollupMatches();
    expect(await count("imports", `org_id = '${orgA}' and kind = 'courseware-completions'`)).toBe(2); // each import is still recorded
  });

  it("a second import updates changed rows by natural key and adds new ones", async () => {
    const changed = ["A-1,AZ-104T00,2026-09-01", "A-2,SC-200T00,2026-10-20", "A-4,AZ-104T00,2026-10-31"];
    const r = await expectOk(runImport("courseware-completions", orgA, completions(changed)));
    expect(r).toMatchObject({ rows: 3, inserted: 1, updated: 1, unchanged: 1 });
    expect(await count("courseware_completions", `org_id = '${orgA}'`)).toBe(4); // rows not in the file stay
    expect(
      await query(`select course_code, redeemed_on::text from courseware_completions where achievement_code = 'A-2'`),
    ).toEqual([{ course_code: "SC-200T00", redeemed_on: "2026-10-20" }]);
    await expectRollupMatches();
  });

  it("the same natural key in another organization is another row", async () => {
    const r = await expectOk(runImport("courseware-completions", orgB, completions(rows)));
    expect(r).toMatchObject({ inserted: 3 });
    await expectRollupMatches();
  });
});

describe("ts_monthly rollup", () => {
  it("counts surveys with the sum and count of answered q1…q5, and vouchers by level", async () => {
    await expectOk(
      runImport(
        "mtm-surveys",
        orgA,
        surveys([
          "S-1,AZ-104T00,2026-10-02,5,4,,3,5",
          "S-2,AZ-104T00,2026-10-03,,,,,",
          "S-3,AZ-900T00,2026-10-04,1,1,1,1,1",
        ]),
      ),
    );
    await expectOk(
      runImport(
        "exam-vouchers",
        orgA,
        vouchers([
          "V-1,AZ-104,advanced,2026-09-01",
          "V-2,AZ-900,fundamentals,2026-09-02",
          "V-3,AZ-305,advanced,2026-09-30",
        ]),
      ),
    );
    await expectRollupMatches();
    const [survey] = await query<Rollup>(
      `select items, answer_sum as sum, answer_count as answered from ts_monthly where org_id = '${orgA}' and kind = 'survey' and category = 'three-days-or-more'`,
    );
    expect(survey).toEqual({ items: 2, sum: 17, answered: 4 });
    await expectOk(runImport("mtm-surveys", orgA, surveys(["S-2,AZ-104T00,2026-11-03,4,4,4,4,4"])));
    await expectRollupMatches();
  });

  it("a course catalog import that moves a course rebuilds every organization's rollup", async () => {
    const moved =
      "course_code,title,solution_area,category\nAZ-104T00,Microsoft Azure Administrator,data-ai,two-days-or-less\n";
    expect(await expectOk(runImport("courses", null, moved))).toMatchObject({ inserted: 0, updated: 1 });
    await expectRollupMatches();
    expect(await count("ts_monthly", `solution_area = 'data-ai' and org_id = '${orgB}'`)).toBe(1);
    expect(await count("ts_monthly", `solution_area = 'infrastructure'`)).toBe(0);
  });

  it("a rejected import leaves the rollup as it was", async () => {
    const before = await query(`select * from ts_monthly order by 1, 2, 3, 4, 5`);
    await expectRejected(
      runImport("courseware-completions", orgA, completions(["A-9,AZ-104T00,2026-10-01", "A-10,AZ-104T00,2026-02-30"])),
    );
    expect(await query(`select * from ts_monthly order by 1, 2, 3, 4, 5`)).toEqual(before);
  });
});

describe("after-import hooks", () => {
  const file = completions(["H-1,AZ-104T00,2026-10-01"]);

  it("run in the import's transaction, with savepoints for nested transactions", async () => {
    let seen = -1;
    await expectOk(
      runImport("courseware-completions", orgB, file, {
        afterImport: async (ctx) => {
          const [row] = await ctx.db
            .select({ n: sql<number>`count(*)::int` })
            .from(sql`courseware_completions`)
            .where(sql`achievement_code = 'H-1'`);
          seen = Number(row!.n); // the merged rows are visible inside the transaction
          await ctx.db.transaction(async (tx) =>
            writeAudit(tx, { orgId: ctx.orgId, actor: CLI, action: "test.hook", detail: { importId: ctx.importId } }),
          );
          await ctx.db
            .transaction(async () => {
              throw new Error("inner failure is contained");
            })
            .catch(() => {});
        },
      }),
    );
    expect(seen).toBe(1);
    expect(await count("audit_log", "action = 'test.hook'")).toBe(1);
  });

  it("a failing hook rolls the whole import back", async () => {
    const other = completions(["H-2,AZ-104T00,2026-10-01"]);
    const imports = await count("imports");
    const domain = await expectRejected(
      runImport("courseware-completions", orgB, other, {
        afterImport: async (ctx) => {
          await ctx.db.insert(auditLog).values({ orgId: ctx.orgId, actor: "cli", action: "test.rolled-back" });
          throw new DomainError("The evaluation could not be recorded.");
        },
      }),
    );
    expect(domain.errors).toEqual([{ row: 0, message: "The evaluation could not be recorded." }]);
    const logged = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const internal = await expectRejected(
      runImport("courseware-completions", orgB, other, {
        afterImport: async () => {
          throw new Error('relation "secret_table" does not exist');
        },
      }),
    );
    expect(String(logged.mock.calls[0]?.[0])).toContain("secret_table"); // the detail goes to the log…
    logged.mockRestore();
    expect(JSON.stringify(internal)).not.toContain("secret_table"); // …never to the user
    expect(internal.internal).toBe(true);
    expect(internal.errors[0]!.message).toMatch(
      /^The import failed on our side \(reference [0-9a-f]{8}\)\. Nothing was imported\.$/,
    );
    expect(await count("courseware_completions", "achievement_code = 'H-2'")).toBe(0);
    expect(await count("audit_log", "action = 'test.rolled-back'")).toBe(0);
    expect(await count("imports")).toBe(imports);
  });
});

describe("concurrent imports", () => {
  it("of one organization and of the catalog all land, and the rollup stays exact", async () => {
    const file = (prefix: string) =>
      completions(Array.from({ length: 500 }, (_, i) => `${prefix}-${i},AZ-104T00,2026-0${(i % 9) + 1}-01`));
    const results = await Promise.all([
      runImport("courseware-completions", orgA, file("C1")),
      runImport("courseware-completions", orgA, file("C2")),
      runImport("courseware-completions", orgB, file("C3")),
      runImport(
        "courses",
        null,
        "course_code,title,solution_area,category\nAZ-104T00,Microsoft Azure Administrator,infrastructure,three-days-or-more\n",
      ),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    await expectRollupMatches();
  });
});
