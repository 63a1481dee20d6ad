// SPEC §9 — hostile input: every generated file (tests/fuzz/generator.ts) goes through
// importCsv on a real database. Each one is either rejected with messages naming the problem —
// and then the database is byte-for-byte what it was (a checksum of every import table and the
// audit log) — or imported correctly (its row count, and cells read back exactly). `npm test`
// runs FUZZ_FILES (default 300) files; `npm run test:reliability` the full corpus (≥ 1,000 files
// and 10 MB lines).
import { expect, it } from "vitest";
import { afterImport } from "@/lib/imports/after-import";
import type { ImportInput } from "@/lib/imports/csv";
import { type ImportResult, importCsv } from "@/lib/imports/pipeline";
import { CLI, createOrg, expectOk, query, runImport, TODAY } from "../fixtures/csv/helpers";
import { useTestDatabase } from "../test-db";
import { FUZZ_COURSES_CSV, type FuzzCase, generateCorpus } from "./generator";

useTestDatabase();

const FILES = Number(process.env.FUZZ_FILES ?? 300);
const HUGE = Number(process.env.FUZZ_HUGE_LINES ?? 0);
const TABLES = [
  "courses",
  "courseware_completions",
  "exam_vouchers",
  "mtm_surveys",
  "ts_monthly",
  "customers",
  "certifications",
  "usage",
  "deployments",
  "imports",
  "audit_log",
  "sp_evaluations",
];

/** One md5 per table over its ordered rows, per organization (shared tables whole). */
async function checksum(orgs: string[]): Promise<string> {
  const agg = "coalesce(md5(string_agg(x::text, '|' order by x::text)), '')";
  const parts = TABLES.map((t) =>
    t === "courses"
      ? `select '${t}' as t, '' as org, ${agg} as h from ${t} x`
      : `select '${t}', o::text, ${agg} from unnest(array['${orgs.join("','")}']::uuid[]) o left join ${t} x on x.org_id = o group by o`,
  );
  // the course catalog's own import and audit rows belong to no organization
  for (const t of ["imports", "audit_log"])
    parts.push(`select '${t}', 'shared', ${agg} from ${t} x where x.org_id is null`);
  const rows = await query<{ t: string; org: string; h: string }>(`${parts.join(" union all ")} order by 1, 2`);
  return rows.map((r) => `${r.t}/${r.org}:${r.h}`).join("\n");
}

function input(c: FuzzCase): ImportInput {
  if (typeof c.body === "function") return c.body();
  const bytes = c.body;
  return (function* () {
    for (let i = 0; i < bytes.length; i += 8192) yield bytes.subarray(i, i + 8192);
  })();
}

it(`${FILES} hostile files${HUGE ? ` and ${HUGE} 10 MB lines` : ""}: each rejected with a named problem and nothing written, or imported correctly`, async () => {
  const org = await createOrg("fuzz-target");
  const bystander = await createOrg("fuzz-bystander");
  await expectOk(runImport("courses", null, FUZZ_COURSES_CSV));
  await expectOk(
    runImport(
      "customers",
      bystander,
      "customer_id,customer_name,solution_area,segment,association,eligible_from\nB-1,Bystander,security,smb,pal,2025-01-01\n",
    ),
  );

  const corpus = generateCorpus(FILES, 8, HUGE);
  const failures: string[] = [];
  const tally = { files: 0, rejected: 0, imported: 0 };
  let before = await checksum([org, bystander]);
  for (const c of corpus) {
    tally.files++;
    const started = Date.now();
    let result: ImportResult;
    try {
      result = await importCsv({
        kind: c.kind,
        orgId: c.kind === "courses" ? null : org,
        actor: CLI,
        fileName: `fuzz-${tally.files}.csv`,
        input: input(c),
        today: TODAY,
        afterImport,
      });
    } catch (error) {
      failures.push(`${c.name}: threw ${(error as Error).message}`);
      continue;
    }
    const after = await checksum([org, bystander]);
    if (typeof c.body === "function" && Date.now() - started > 20_000)
      failures.push(`${c.name}: took ${Date.now() - started} ms`);
    if (!result.ok) {
      tally.rejected++;
      if (result.internal) failures.push(`${c.name}: failed on our side: ${result.errors[0]?.message}`);
      if (!result.errors.length || result.errors.some((e) => !e.message || e.message.length < 8))
        failures.push(`${c.name}: rejected without a message naming the problem`);
      if (result.errors.some((e) => /\bat .*\.(ts|js):\d+|select |insert |syntax error/i.test(e.message)))
        failures.push(`${c.name}: the message shows internals: ${result.errors[0]!.message}`);
      if (after !== before) failures.push(`${c.name}: rejected, but the database changed`);
      if (c.expect.outcome === "accept")
        failures.push(`${c.name}: should import, was rejected: ${JSON.stringify(result.errors.slice(0, 2))}`);
    } else {
      tally.imported++;
      if (c.expect.outcome === "reject") failures.push(`${c.name}: should be rejected, imported ${result.rows} rows`);
      if (c.expect.outcome === "accept") {
        if (result.rows !== c.expect.rows)
          failures.push(`${c.name}: imported ${result.rows} rows, expected ${c.expect.rows}`);
        if (c.expect.readBack) {
          const [row] = await query<{ v: string }>(c.expect.readBack.sql.replace("$org", `'${org}'`));
          if (row?.v !== c.expect.readBack.value)
            failures.push(
              `${c.name}: stored ${JSON.stringify(row?.v)}, expected ${JSON.stringify(c.expect.readBack.value)}`,
            );
        }
      }
      before = after;
    }
  }
  console.log(
    `fuzz: ${tally.files} files tried, ${tally.rejected} rejected, ${tally.imported} imported, ${failures.length} failures`,
  );
  expect(failures).toEqual([]);
  expect(tally.files).toBe(FILES + HUGE);
}, 1_800_000);
