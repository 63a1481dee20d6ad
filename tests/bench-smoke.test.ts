// SPEC §9 (fast at any size): the benchmark's data generator and query wiring, at a tiny scale, so `npm run bench`
// and `npm run bench:data` cannot silently rot (the benchmark itself never runs in `npm test`).
// (The set-based Solutions Partner input queries are checked against SPEC §4.4 in
// tests/solutions-partner-inputs.int.test.ts.) After bulk imports
// and re-imports the ts_monthly rollup — and the dashboard numbers read
// from it — equal the line items. (Deleting line items is not an operation the app offers: an
// import only inserts or updates by natural key, SPEC §6; tests/imports.merge.test.ts covers
// re-imports, updates, catalog changes, rejected and concurrent imports row by row.)
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { type BenchOptions, PASSWORD, parseOptions, STEPS, sessionOf } from "@/bench/lib/context";
import { csvChunks, HEADERS, importFileRow, kindCounts, rowGenerators } from "@/bench/lib/generate";
import { benchData, CLI_ACTOR, importOrThrow, LOAD_ORDER, twinPartnerId } from "@/bench/lib/load";
import { fillOperatorOrgs, OP_VARIANTS, variantPath, variantQuery } from "@/bench/lib/operator-data";
import { ROUTES, requestQueries } from "@/bench/lib/pages";
import { reportTable, targets } from "@/bench/lib/report";
import { planShape } from "@/bench/lib/report-operator";
import { OPERATOR_EMAIL } from "@/bench/lib/step-operator";
import { db } from "@/db/client";
import { listOrganizations, listOrganizationsForExport } from "@/db/queries/operator-orgs";
import { loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { loadTrainingServices } from "@/db/queries/training-services";
import { tsLineItemPages } from "@/db/queries/training-services-items";
import { readJsonProp } from "@/lib/json-prop";
import { unpackOrgRow } from "@/lib/operator/org-row-fields";
import { addDays, windowFor } from "@/lib/rules/time";
import { createOperator } from "@/lib/users/verbs";
import { count, query } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();

const TODAY = "2026-11-15";
const DATA_THROUGH = "2026-10-31";
const SCALE = 200;
const text = (kind: keyof ReturnType<typeof kindCounts>, scale = SCALE, seed = 7) => {
  const { counts, rows } = rowGenerators({ scale, seed, dataThrough: DATA_THROUGH });
  return [...csvChunks(HEADERS[kind], counts[kind], rows[kind])].join("");
};

describe("the generator (pure)", () => {
  it("is reproducible: the same seed writes the same files, another seed other ones", () => {
    for (const kind of LOAD_ORDER) expect(text(kind)).toBe(text(kind));
    expect(text("courseware-completions", SCALE, 8)).not.toBe(text("courseware-completions"));
  });

  it("gives every kind its share of the scale, with unique natural keys", () => {
    expect(kindCounts(1_000_000)).toEqual({
      "courseware-completions": 1_000_000,
      "exam-vouchers": 200_000,
      "mtm-surveys": 200_000,
      customers: 50_000,
      certifications: 20_000,
      usage: 672,
      deployments: 100_000,
    });
    const keyColumns: Record<string, number[]> = {
      "courseware-completions": [0],
      "exam-vouchers": [0],
      "mtm-surveys": [0],
      customers: [0, 2, 4],
      certifications: [0, 2],
      usage: [0, 1, 2, 3],
      deployments: [0, 1, 2, 3],
    };
    for (const kind of LOAD_ORDER) {
      const records = parse(text(kind, 5_000), { from_line: 2 }) as string[][];
      expect(records.length).toBe(kindCounts(5_000)[kind]);
      const keys = new Set(records.map((r) => keyColumns[kind]!.map((i) => r[i]).join("|")));
      expect(keys.size, kind).toBe(records.length);
    }
  });

  it("spreads line items over 24 months and the import file over the window", () => {
    const months = new Set(
      text("courseware-completions", 5_000)
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(",")[2]!.slice(0, 7)),
    );
    expect(months.size).toBe(24);
    const w = windowFor(DATA_THROUGH);
    const row = importFileRow(7, DATA_THROUGH);
    for (let i = 0; i < 2_000; i++) {
      const date = row(i).trim().split(",")[2]!;
      expect(date >= w.start && date <= w.end).toBe(true);
    }
  });
});

describe("npm run bench: options and report (no run)", () => {
  it("parses --only and reports only the steps that ran", () => {
    const all = parseOptions([]) as BenchOptions;
    expect([...all.only]).toEqual([...STEPS]);
    expect([...(parseOptions(["--skip-profile"]) as BenchOptions).only]).not.toContain("profile");
    expect(() => parseOptions(["--only", "import,nothing"])).toThrow(/unknown step nothing/);
    const embedded = parseOptions(["--embedded", "--db", "pmc_x"]) as BenchOptions;
    expect(embedded).toMatchObject({ embedded: true, scale: 100_000, twinScale: 10_000 });
    expect(embedded.pgliteDir).toBe(path.join(os.tmpdir(), "pmc-bench-pglite-pmc_x"));
    expect(() => parseOptions(["--embedded", "--pglite-dir", "./data/pglite"])).toThrow(/--pglite-dir must be/);
    const o = parseOptions(["--scale", "20000", "--only", "import,download", "--dist-dir", ".next-x"]) as BenchOptions;
    expect(o).toMatchObject({ scale: 20_000, twinScale: 10_000, importRows: 20_000, distDir: ".next-x" });
    expect(all).toMatchObject({ opOrgs: 10_000, opOrgsSmall: 100 });
    const op = parseOptions(["--only", "operator", "--op-orgs", "2000", "--op-orgs-small", "20"]) as BenchOptions;
    expect(op).toMatchObject({ opOrgs: 2_000, opOrgsSmall: 20, only: new Set(["operator"]) });
    const results = {
      date: "2026-11-23T00:00:00Z",
      loadAverage: { start: [1, 1, 1] },
      import: {
        ratio: 0.6,
        peakRssMB: 250,
        importRowsPerSec: 30_000,
        copyRowsPerSec: 50_000,
        importSeconds: 0.67,
        copySeconds: 0.4,
        phases: { firstLoad: 0.2 },
        reimport: { seconds: 1, rowsPerSec: 20_000, ratio: 0.4, peakRssMB: 240 },
      },
      download: {
        ratio: 0.7,
        serverPeakRssMB: 200,
        routeSeconds: 1.4,
        copySeconds: 1,
        rows: 20_000,
        serverRssBeforeMB: 190,
        firstByteMs: 20,
      },
      downloadPlan: { pageMsAfterImport: [12, 10, 11] },
    };
    const list = targets(o, results);
    expect(list.map((t) => [t.target, t.met])).toEqual([
      ["Import (first load) ≥ 0.8 × COPY throughput", false],
      ["Import peak RSS < 300 MB", true],
      ["Re-import (merge into every row) ≥ 0.5 × COPY throughput", false],
      ["Re-import peak RSS < 300 MB", true],
      ["Download ≥ 0.8 × COPY TO throughput", false],
      ["Download: server peak RSS < 300 MB", true],
    ]);
    const table = reportTable(o, results, list);
    expect(table).toContain(
      "| download (CSV route) | 20,000 | 1.40 s (first byte 20 ms) | 1.00 s (COPY TO STDOUT) | 0.70× |",
    );
    expect(table).toContain(
      "| re-import (same file: merge) | 20,000 | 1.0 s (20,000 rows/s) | 0.4 s (50,000 rows/s) | 0.40× |",
    );
    expect(table).not.toContain("req/s");
  });
});

describe("bench:data at scale 200", () => {
  let orgId = "";
  let twinId = "";
  beforeAll(async () => {
    const { main, twin } = await benchData({ org: "SMOKE", scale: SCALE, twinScale: 50, seed: 7, today: TODAY });
    orgId = main.orgId;
    twinId = twin!.orgId;
    expect(main.imports["courseware-completions"]).toMatchObject({ rows: 200, inserted: 200 });
    expect(twin!.partnerId).toBe(twinPartnerId("SMOKE"));
  }, 120_000);

  it("fills every table of both organizations through the import path", async () => {
    const expected = kindCounts(SCALE);
    const tables = {
      "courseware-completions": "courseware_completions",
      "exam-vouchers": "exam_vouchers",
      "mtm-surveys": "mtm_surveys",
      customers: "customers",
      certifications: "certifications",
      usage: "usage",
      deployments: "deployments",
    } as const;
    for (const kind of LOAD_ORDER) expect(await count(tables[kind], `org_id = '${orgId}'`), kind).toBe(expected[kind]);
    expect(await count("courseware_completions", `org_id = '${twinId}'`)).toBe(50);
    expect(await count("imports", `org_id = '${orgId}'`)).toBe(LOAD_ORDER.length);
    expect(await count("sp_evaluations", `org_id = '${orgId}'`)).toBeGreaterThan(0); // the after-import hook ran
  });

  it("the rollup equals a GROUP BY of the line items, and the dashboard equals the line items of the window", async () => {
    await expectRollupEqualsLineItems();
    await expectDashboardEqualsLineItems(orgId);
    await expectDashboardEqualsLineItems(twinId);
  });

  it("re-running is a no-op (same rows), and a re-import that changes rows keeps the rollup exact", async () => {
    const again = await benchData({ org: "SMOKE", scale: SCALE, twinScale: 0, seed: 7, today: TODAY });
    for (const kind of LOAD_ORDER) expect(again.main.imports[kind], kind).toMatchObject({ inserted: 0, updated: 0 });
    // Another seed: the same natural keys (ids come from the row number) with other courses, dates and answers.
    const { counts, rows } = rowGenerators({ scale: SCALE, seed: 7, dataThrough: DATA_THROUGH });
    const other = rowGenerators({ scale: SCALE, seed: 11, dataThrough: DATA_THROUGH });
    const moved = (i: number) =>
      `${rows["mtm-surveys"](i).split(",")[0]},${other.rows["mtm-surveys"](i).split(",").slice(1).join(",")}`;
    const r = await importOrThrow({
      kind: "mtm-surveys",
      orgId,
      fileName: "moved.csv",
      today: TODAY,
      dataThrough: DATA_THROUGH,
      input: csvChunks(HEADERS["mtm-surveys"], counts["mtm-surveys"], moved),
    });
    expect(r.inserted).toBe(0);
    expect(r.updated).toBeGreaterThan(counts["mtm-surveys"] / 2);
    await expectRollupEqualsLineItems();
    await expectDashboardEqualsLineItems(orgId);
  }, 60_000);

  it("the download pages (read ahead, rows as arrays) are exactly the window's line items in key order", async () => {
    const w = windowFor(DATA_THROUGH);
    const all = async (kind: "courseware" | "exam-vouchers" | "surveys", area: "security" | null, size: number) => {
      const out: unknown[][] = [];
      for await (const p of tsLineItemPages(db(), orgId, kind, w, area, size)) {
        expect(p.length).toBeLessThanOrEqual(size);
        out.push(...p);
      }
      return out;
    };
    const between = `between '${w.start}' and '${w.end}'`;
    const completions = await query<
      Record<string, unknown>
    >(`select achievement_code, course_code, redeemed_on::text as d from courseware_completions
      where org_id = '${orgId}' and redeemed_on ${between} order by achievement_code`);
    expect(completions.length).toBeGreaterThan(7);
    for (const size of [7, 5000])
      expect(await all("courseware", null, size)).toEqual(
        completions.map((r) => [r.achievement_code, r.course_code, r.d]),
      );
    const vouchers = await query<
      Record<string, unknown>
    >(`select voucher_id, exam_code, level::text as l, purchased_on::text as d from exam_vouchers
      where org_id = '${orgId}' and purchased_on ${between} order by voucher_id`);
    expect(await all("exam-vouchers", null, 5)).toEqual(vouchers.map((r) => [r.voucher_id, r.exam_code, r.l, r.d]));
    for (const area of [null, "security"] as const) {
      const surveys = await query<
        Record<string, unknown>
      >(`select survey_id, s.course_code, completed_on::text as d, q1, q2, q3, q4, q5 from mtm_surveys s
        join courses co using (course_code) where s.org_id = '${orgId}' and completed_on ${between} and co.category <> 'fundamentals'
        ${area ? `and co.solution_area = '${area}'` : ""} order by survey_id`);
      expect(await all("surveys", area, 3)).toEqual(
        surveys.map((r) => [
          r.survey_id,
          r.course_code,
          r.d,
          ...[r.q1, r.q2, r.q3, r.q4, r.q5].map((q) => (q === null ? null : Number(q))),
        ]),
      );
    }
  });

  it("the benchmark's routes run their query functions on the generated data", async () => {
    const view = await loadSolutionsPartner(db(), orgId, TODAY);
    expect(view.freshness.hasData).toBe(true);
    for (const route of ROUTES) {
      await requestQueries(route, {
        db: db(),
        orgId,
        sessionId: "00000000-0000-0000-0000-000000000000",
        today: TODAY,
        now: new Date(`${TODAY}T12:00:00Z`),
      });
    }
  });
});

async function expectRollupEqualsLineItems(): Promise<void> {
  const rollup = await query(
    `select org_id::text, month, kind, category, solution_area, items, answer_sum, answer_count from ts_monthly order by 1, 2, 3, 4, 5`,
  );
  const answered = [1, 2, 3, 4, 5].map((n) => `(s.q${n} is not null)::int`).join(" + ");
  const sum = [1, 2, 3, 4, 5].map((n) => `coalesce(s.q${n}, 0)`).join(" + ");
  const lineItems = await query(`
    select org_id::text, month, kind, category, solution_area, items, answer_sum, answer_count from (
      select c.org_id, to_char(c.redeemed_on, 'YYYY-MM') as month, 'completion' as kind, co.category::text as category, coalesce(co.solution_area, '') as solution_area,
        count(*)::int as items, 0 as answer_sum, 0 as answer_count
      from courseware_completions c join courses co using (course_code) group by 1, 2, 4, 5
      union all
      select org_id, to_char(purchased_on, 'YYYY-MM'), 'voucher', level::text, '', count(*)::int, 0, 0 from exam_vouchers group by 1, 2, 4
      union all
      select s.org_id, to_char(s.completed_on, 'YYYY-MM'), 'survey', co.category::text, coalesce(co.solution_area, ''),
        count(*)::int, sum(${sum})::int, sum(${answered})::int
      from mtm_surveys s join courses co using (course_code) group by 1, 2, 4, 5) x
    order by 1, 2, 3, 4, 5`);
  expect(rollup.length).toBeGreaterThan(0);
  expect(rollup.map(numbers)).toEqual(lineItems.map(numbers));
}

const numbers = (r: Record<string, unknown>) => ({
  ...r,
  items: Number(r.items),
  answer_sum: Number(r.answer_sum),
  answer_count: Number(r.answer_count),
});

/** What the dashboard reads from the rollup = the same counts computed from the line items of the window. */
async function expectDashboardEqualsLineItems(orgId: string): Promise<void> {
  const view = await loadTrainingServices(db(), orgId, TODAY);
  const { start, end } = view.window;
  const [c] = await query<Record<string, number>>(`select
      count(*) filter (where co.category = 'fundamentals')::int as f, count(*) filter (where co.category = 'two-days-or-less')::int as t,
      count(*) filter (where co.category = 'three-days-or-more')::int as h
    from courseware_completions x join courses co using (course_code) where x.org_id = '${orgId}' and x.redeemed_on between '${start}' and '${end}'`);
  const [v] = await query<
    Record<string, number>
  >(`select count(*) filter (where level = 'fundamentals')::int as f, count(*) filter (where level = 'advanced')::int as a
    from exam_vouchers where org_id = '${orgId}' and purchased_on between '${start}' and '${end}'`);
  const answered = [1, 2, 3, 4, 5].map((n) => `(s.q${n} is not null)::int`).join(" + ");
  const sum = [1, 2, 3, 4, 5].map((n) => `coalesce(s.q${n}, 0)`).join(" + ");
  const [s] = await query<
    Record<string, number>
  >(`select count(*)::int as n, coalesce(sum(${sum}), 0)::int as sum, coalesce(sum(${answered}), 0)::int as answered
    from mtm_surveys s join courses co using (course_code) where s.org_id = '${orgId}' and s.completed_on between '${start}' and '${end}' and co.category <> 'fundamentals'`);
  const a = view.aggregates;
  expect(a.completions).toEqual({
    fundamentals: Number(c!.f),
    twoDaysOrLess: Number(c!.t),
    threeDaysOrMore: Number(c!.h),
  });
  expect(a.vouchers).toEqual({ fundamentals: Number(v!.f), advanced: Number(v!.a) });
  expect({
    surveyCount: a.surveys.surveyCount,
    answerSum: a.surveys.answerSum,
    answerCount: a.surveys.answerCount,
  }).toEqual({ surveyCount: Number(s!.n), answerSum: Number(s!.sum), answerCount: Number(s!.answered) });
  expect(a.completions.fundamentals + a.completions.twoDaysOrLess + a.completions.threeDaysOrMore).toBeGreaterThan(0);
}

describe("the operator step's data and query wiring at 120 organizations", () => {
  const N = 120;
  beforeAll(async () => {
    await fillOperatorOrgs(db(), N, TODAY);
    await createOperator(db(), CLI_ACTOR, { name: "Bench operator", email: OPERATOR_EMAIL, password: PASSWORD });
  }, 60_000);

  it("writes N organizations; every variant selects some, and exactly those a plain reading of SPEC §10 selects", async () => {
    await expect(fillOperatorOrgs(db(), N, TODAY)).rejects.toThrow(/already holds/);
    const soon = addDays(TODAY, 30);
    const held = (offer: string) =>
      `exists (select 1 from designations d where d.org_id = o.id and d.offer = '${offer}' and d.status = 'active' and d.anniversary >= '${TODAY}')`;
    const expected: Record<string, string> = {
      all: "true",
      "all-50": "true",
      search: "lower(o.name) like 'contoso%'",
      unverified: "not o.verified",
      "renewal-due": `exists (select 1 from designations d where d.org_id = o.id and d.status = 'active' and d.anniversary between '${TODAY}' and '${soon}')`,
      "qualified-not-purchased": `(s.ts_qualified and not ${held("training-services")}) or (s.sp_areas_qualified > 0 and not ${held("solutions-partner")})`,
      "awaiting-payment": "exists (select 1 from orders w where w.org_id = o.id and w.status = 'awaiting_payment')",
      "stale-data": `s.data_through < '${addDays(TODAY, -45)}'`,
    };
    for (const v of OP_VARIANTS) {
      const want = await query<{ partner_id: string }>(`select o.partner_id from organizations o
        left join org_status s on s.org_id = o.id where o.partner_id like 'OPB-%' and (${expected[v.id]})
        order by o.name, o.id`);
      expect(want.length, v.id).toBeGreaterThan(0);
      // Scoped to the bench organizations by a partner-ID search (the file's other organizations stay out).
      const q = { ...variantQuery(v.params), q: v.id === "search" ? "contoso" : "OPB-" };
      const list = await listOrganizations(db(), q, TODAY);
      expect(list.total, v.id).toBe(want.length);
      expect(
        readJsonProp(list.rows).map((r) => unpackOrgRow(r).partnerId),
        v.id,
      ).toEqual(want.slice(0, q.size).map((r) => r.partner_id));
      const csv = await listOrganizationsForExport(db(), q, TODAY);
      expect(
        csv.map((r) => r.partnerId),
        v.id,
      ).toEqual(want.map((r) => r.partner_id));
    }
    // Rows per page (25 by default, 50 or 100 on request) and the pages they make, over the 120 organizations.
    const ids = (list: Awaited<ReturnType<typeof listOrganizations>>) =>
      readJsonProp(list.rows).map((r) => unpackOrgRow(r).partnerId);
    const all = (
      await query<{ partner_id: string }>(
        "select partner_id from organizations where partner_id like 'OPB-%' order by name, id",
      )
    ).map((r) => r.partner_id);
    for (const [size, page, from] of [
      [undefined, 2, 25],
      ["50", 3, 100],
      ["100", 1, 0],
      ["30", 1, 0], // not an offered size: the default
    ] as const) {
      const q = variantQuery({ q: "OPB-", page: String(page), ...(size ? { size } : {}) });
      const list = await listOrganizations(db(), q, TODAY);
      expect(q.size).toBe(size === "50" || size === "100" ? Number(size) : 25);
      expect(ids(list)).toEqual(all.slice(from, from + q.size));
      expect(list.pages).toBe(Math.ceil(N / q.size));
    }
    expect(variantPath({ filter: "stale-data" })).toBe("/operator?filter=stale-data");
    expect((await sessionOf(db(), OPERATOR_EMAIL)).cookie).toMatch(/^authjs\.session-token=/);
  });

  it("names a plan's nodes and indexes, without the page's select-list subqueries", () => {
    const plan = [
      "Limit  (cost=0.57..1072.58 rows=50 width=286) (actual time=0.070..0.543 rows=50 loops=1)",
      "  ->  Nested Loop Left Join  (cost=0.57..214402.16 rows=10000 width=286) (actual time=0.070..0.539 rows=50 loops=1)",
      "        ->  Index Scan using organizations_name_idx on organizations o  (cost=0.29..1018.24 rows=10000 width=53)",
      "        SubPlan 1",
      "          ->  Aggregate  (cost=8.32..8.33 rows=1 width=32) (actual time=0.005..0.005 rows=1 loops=50)",
    ].join("\n");
    expect(planShape(plan)).toBe("Limit → Nested Loop Left Join → Index Scan (organizations_name_idx)");
  });
});
