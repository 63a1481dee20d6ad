// Step 3 of `npm run bench`: a completions file imported through the app's import path (child
// process, peak memory from /proc) into an organization with none (the first-load path), then
// again (the merge path, every row already there), vs PostgreSQL COPY of the same file into a
// scratch copy of the table; then the import's phases one by one, and the download's keyset pages right after the
// import (the import runs ANALYZE itself after a large merge: no stale statistics).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { db } from "@/db/client";
import { tsLineItemPages } from "@/db/queries/training-services-items";
import { BENCH_TODAY, type BenchContext, fmt, IMPORT_PARTNER, log, noteLoad } from "./context";
import { csvChunks, importFileRow } from "./generate";
import { importPhases } from "./import-phases";
import { ensureOrganization } from "./load";
import { MB, sampleMemory } from "./measure";

type ChildRun = { report: Record<string, unknown>; wallSeconds: number; peakRss: number; peakHwm: number };

function importInChild(ctx: BenchContext, file: string, org: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "bench/lib/import-child.ts", file, org, BENCH_TODAY, ctx.dataThrough],
      {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, DATABASE_URL: ctx.benchUrl },
      },
    );
    const sampler = sampleMemory(() => [child.pid!], 50);
    let out = "";
    child.stdout!.on("data", (b: Buffer) => (out += b.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      const { peakRss, peakHwm } = sampler.stop();
      const wallSeconds = (performance.now() - started) / 1000;
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) return reject(new Error(`import child failed (${code}): ${out}`));
      resolve({ report: JSON.parse(line), wallSeconds, peakRss, peakHwm });
    });
  });
}

/** COPY of the file into a scratch copy of courseware_completions (same columns, keys, index and foreign keys). */
async function copyIn(ctx: BenchContext, file: string, org: string): Promise<{ seconds: number; rows: number }> {
  const { client } = ctx;
  await client.unsafe(`drop table if exists bench_copy_completions`);
  await client.unsafe(`create table bench_copy_completions (like courseware_completions including all)`);
  await client.unsafe(`alter table bench_copy_completions alter column org_id set default '${org}'::uuid,
    add foreign key (org_id) references organizations(id), add foreign key (course_code) references courses(course_code)`);
  await client`checkpoint`;
  const started = performance.now();
  const sink =
    await client`copy bench_copy_completions (achievement_code, course_code, redeemed_on) from stdin with (format csv, header true)`.writable();
  await pipeline(fs.createReadStream(file, { highWaterMark: 64 * 1024 }), sink);
  const seconds = (performance.now() - started) / 1000;
  const [copied] = await client`select count(*)::int as n from bench_copy_completions`;
  await client.unsafe(`drop table bench_copy_completions`);
  return { seconds, rows: copied!.n };
}

const statistics = async (ctx: BenchContext) => {
  const [s] =
    await ctx.client`select c.reltuples::float8 as reltuples, s.last_analyze::text as "lastAnalyze", s.analyze_count::int as "analyzeCount"
    from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = 'courseware_completions'`;
  return s as { reltuples: number; lastAnalyze: string | null; analyzeCount: number };
};

/** Returns the organization that now holds the imported rows (what the download step reads). */
export async function importStep(ctx: BenchContext): Promise<string> {
  const { client, opts } = ctx;
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "pmc-bench-"));
  process.once("exit", () => fs.rmSync(tmpDir, { recursive: true, force: true })); // also when a step fails
  const file = path.join(tmpDir, "completions.csv");
  log(
    `Writing a ${fmt(opts.importRows)}-row completions file (every row inside the window ${ctx.window.start} … ${ctx.window.end})`,
  );
  await pipeline(
    Readable.from(
      csvChunks(
        ["achievement_code", "course_code", "redeemed_on"],
        opts.importRows,
        importFileRow(opts.seed, ctx.dataThrough),
      ),
    ),
    fs.createWriteStream(file),
  );
  const fileBytes = fs.statSync(file).size;
  const org = await ensureOrganization(IMPORT_PARTNER, "Benchmark import target");
  // A reused database still holds the previous run's import: empty the target so every row is new
  // again, and rewrite the table: each run leaves 2M dead rows (this delete, the rolled-back phases
  // below), and the primary key grew to 4× its size over a few runs, slowing every later merge.
  for (const table of ["courseware_completions", "ts_monthly", "imports"])
    await client.unsafe(`delete from ${table} where org_id = $1`, [org]);
  await client.unsafe("vacuum (full, analyze) courseware_completions");
  const statsBefore = await statistics(ctx);

  log(`Import through the app's import path (child process, file of ${fmt(fileBytes / MB, 1)} MB)`);
  noteLoad(ctx, "import");
  await client`checkpoint`;
  const run = await importInChild(ctx, file, org);
  if (!run.report.ok) throw new Error(`benchmark import rejected: ${JSON.stringify(run.report.errors)}`);
  const importSeconds = run.report.seconds as number;
  const childHwm = Math.max(run.peakHwm, run.report.vmHwm as number);
  const statsAfter = await statistics(ctx);

  // The merge path: the same file again, into the organization that now holds every one of its rows.
  log(`Re-import of the same file (merge into the ${fmt(opts.importRows)} rows it just imported)`);
  await client`checkpoint`;
  const again = await importInChild(ctx, file, org);
  if (!again.report.ok) throw new Error(`benchmark re-import rejected: ${JSON.stringify(again.report.errors)}`);
  const reimportSeconds = again.report.seconds as number;
  const reimportHwm = Math.max(again.peakHwm, again.report.vmHwm as number);

  log(
    "COPY of the same file into a scratch copy of courseware_completions (same columns, keys, index and foreign keys)",
  );
  const copy = await copyIn(ctx, file, org);
  const importRowsPerSec = opts.importRows / importSeconds;
  const copyRowsPerSec = opts.importRows / copy.seconds;
  const result: Record<string, unknown> = {
    rows: opts.importRows,
    fileMB: fileBytes / MB,
    importedRows: run.report.rows,
    inserted: run.report.inserted,
    copiedRows: copy.rows,
    importSeconds,
    importWallSeconds: run.wallSeconds,
    copySeconds: copy.seconds,
    importRowsPerSec,
    copyRowsPerSec,
    ratio: importRowsPerSec / copyRowsPerSec,
    peakRssMB: childHwm / MB,
    sampledPeakRssMB: run.peakRss / MB,
    reimport: {
      seconds: reimportSeconds,
      rowsPerSec: opts.importRows / reimportSeconds,
      ratio: opts.importRows / reimportSeconds / copyRowsPerSec,
      inserted: again.report.inserted,
      updated: again.report.updated,
      peakRssMB: reimportHwm / MB,
    },
    statisticsBefore: statsBefore,
    statisticsAfter: statsAfter,
  };
  ctx.results.import = result;
  log(
    `Import ${fmt(importSeconds, 1)} s (${fmt(importRowsPerSec)} rows/s), COPY ${fmt(copy.seconds, 1)} s (${fmt(copyRowsPerSec)} rows/s), peak RSS ${fmt(childHwm / MB)} MB`,
  );
  log(
    `Re-import ${fmt(reimportSeconds, 1)} s (${fmt(opts.importRows / reimportSeconds)} rows/s), peak RSS ${fmt(reimportHwm / MB)} MB`,
  );
  log(
    `  statistics of courseware_completions: reltuples ${fmt(statsBefore.reltuples)} → ${fmt(statsAfter.reltuples)}, ANALYZE count ${statsBefore.analyzeCount} → ${statsAfter.analyzeCount}`,
  );

  log("Import phases, timed one by one (same SQL as lib/imports, in a transaction rolled back)");
  const phasesOrg = await ensureOrganization("BENCH-PHASES", "Benchmark import phases (always empty)");
  result.phases = await importPhases(client, file, phasesOrg, ctx.dataThrough);
  log(
    `  ${Object.entries(result.phases as object)
      .map(([k, v]) => `${k} ${fmt(v as number, 1)} s`)
      .join(", ")}`,
  );
  fs.rmSync(tmpDir, { recursive: true, force: true });

  // Right after the import, with the statistics it left (no ANALYZE here): the PGlite download
  // path's keyset pages. Before the import ran ANALYZE itself these took 0.7–1.3 s per page.
  const ms: number[] = [];
  let t = performance.now();
  for await (const _page of tsLineItemPages(db(), org, "courseware", ctx.window, null)) {
    ms.push(performance.now() - t);
    if (ms.length === 3) break;
    t = performance.now();
  }
  ctx.results.downloadPlan = { pageMsAfterImport: ms };
  log(`Download keyset pages of 5,000 rows right after the import: ${ms.map((x) => fmt(x)).join(", ")} ms`);
  return org;
}
