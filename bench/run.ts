// `npm run bench` — SPEC §9 "fast at any size", measured in one run so the ratios are fair:
//   1. requests/s and p50/p99 (autocannon) of a control page and of the signed-in dashboards and
//      JSON endpoints, for a 1M-line-item organization and its 10k twin;
//   2. the database time of each route's query functions, called directly (median of 20), and
//      EXPLAIN ANALYZE of every statement they send;
//   3. a 1M-row completions import through the app's import path vs PostgreSQL COPY of the same
//      file, with the import's peak memory (child process, /proc/<pid>/status VmHWM);
//   4. a 1M-row CSV download through the download route vs COPY … TO STDOUT, with the server's peak memory.
//   5. (operator) the operator's Organizations list at 10,000 vs 100 organizations, each in a database of
//      its own (bench/lib/step-operator.ts), against the same control.
// It creates its own database (pmc_bench, dropped and recreated) on the PostgreSQL server of
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), builds into .next-bench and
// starts `next start` on a free port (and once more per CPU-profiled route, under node --cpu-prof).
// Prints a table and writes bench/results/latest.json. Nothing else should load the machine
// meanwhile: the load average is recorded at every step, and a PostgreSQL restart voids the run.
//
//   npm run bench                       # scale 1,000,000 (≈ 7–10 minutes on 2 quiet cores)
//   npm run bench -- --scale 20000      # a quick run
//   npm run bench -- --reuse-data --only import,download   # only the bulk paths
// Options: --scale N · --twin-scale N (default min(10,000, N)) · --import-rows N (default = scale) ·
// --duration S (autocannon seconds, default 10) · --connections N (default 20) · --runs N (query
// timings, default 20) · --db NAME (default pmc_bench) · --reuse-data (keep pmc_bench and its data
// when it was filled at the same scale) · --only STEPS (comma-separated, of import, download, http,
// profile, queries, operator; default all; download without import reads the previous import's rows) ·
// --rebuild (build even when the build is fresh) · --skip-build (use the build as it is, even when
// sources changed after it) · --dist-dir DIR (build folder, default .next-bench) · --skip-profile
// (no CPU profiles of the server; same as leaving profile out of --only) ·
// --op-orgs N and --op-orgs-small N (the operator step's two databases, <db>_op10k and <db>_op100:
// default 10,000 and 100 organizations; filled unless --reuse-data finds them filled alike) ·
// --out FILE (default bench/results/latest.json).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { closeDatabase, openDatabase, useDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { defaultDataThrough, windowFor } from "@/lib/rules/time";
import {
  APP_ENV,
  BENCH_TODAY,
  type BenchContext,
  fmt,
  IMPORT_PARTNER,
  lineItems,
  loadavg,
  log,
  MAIN,
  orgId,
  parseOptions,
  STEPS,
  signIn,
} from "./lib/context";
import { benchData, twinPartnerId } from "./lib/load";
import { reportTable, targets } from "./lib/report";
import { downloadStep } from "./lib/step-download";
import { buildAndStart, checkRoutes, httpStep, profileStep } from "./lib/step-http";
import { importStep } from "./lib/step-import";
import { operatorStep } from "./lib/step-operator";
import { queriesStep } from "./lib/step-queries";

Object.assign(process.env, APP_ENV); // read lazily by lib/env: the same clock and secret as the server's

const parsed = parseOptions(process.argv.slice(2));
if (parsed === "help") {
  console.log(
    fs
      .readFileSync(new URL(import.meta.url), "utf8")
      .split("\nimport ")[0]!
      .replace(/^\/\/ ?/gm, ""),
  );
  process.exit(0);
}
const opts = parsed;
const server = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const benchUrl = new URL(server);
benchUrl.pathname = `/${opts.dbName}`;
const dataThrough = defaultDataThrough(BENCH_TODAY);

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
  machine: {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  },
  loadAverage: { start: loadavg() },
  settings: { ...opts, only: [...opts.only], today: BENCH_TODAY, dataThrough, database: opts.dbName },
};

// ---------------------------------------------------------------- database and data
const admin = postgres(server, { max: 1, onnotice: () => {} });
results.machine = { ...(results.machine as object), postgres: (await admin`select version()`)[0]!.version };
// Another process restarting PostgreSQL mid-run (a reliability test, say) would void the figures: checked at the end.
const postmasterStart = String((await admin`select pg_postmaster_start_time()::text as t`)[0]!.t);
const { only } = opts;
// The operator step has databases of its own: without the other steps, the main organizations are not loaded.
if (STEPS.some((s) => s !== "operator" && only.has(s))) await mainSteps();
if (only.has("operator")) await operatorStep({ opts, results, benchUrl: benchUrl.toString(), server });

/** Steps 1–4 on the main database: its two organizations, the import, the server, the queries. */
async function mainSteps(): Promise<void> {
  const marker = `scale=${opts.scale};twin=${opts.twinScale};seed=${opts.seed};today=${BENCH_TODAY}`;
  let reuse = false;
  if (opts.reuseData) {
    const [exists] = await admin`select 1 from pg_database where datname = ${opts.dbName}`;
    if (exists) {
      const probe = postgres(benchUrl.toString(), { max: 1, onnotice: () => {} });
      const [row] = await probe`select obj_description('public.organizations'::regclass) as note`.catch(() => [
        { note: null },
      ]);
      await probe.end();
      reuse = row?.note === marker;
    }
    log(reuse ? `Reusing ${opts.dbName} (${marker})` : `${opts.dbName} was not filled with ${marker}: recreating it`);
  }
  if (!reuse) {
    await admin.unsafe(`drop database if exists ${opts.dbName} with (force)`);
    await admin.unsafe(`create database ${opts.dbName}`);
  }
  const handle = openDatabase({ url: benchUrl.toString() });
  await migrateDatabase(handle);
  useDatabase(handle);
  const client = (handle.driver as { kind: "postgres"; sql: postgres.Sql }).sql;

  if (!reuse) {
    const started = performance.now();
    log(
      `Loading data: ${MAIN} at scale ${fmt(opts.scale)}, ${twinPartnerId(MAIN)} at scale ${fmt(opts.twinScale)} (through the import path)`,
    );
    const filled = await benchData(
      { org: MAIN, scale: opts.scale, twinScale: opts.twinScale, seed: opts.seed, today: BENCH_TODAY },
      (l) => log(l),
    );
    results.dataLoad = {
      seconds: (performance.now() - started) / 1000,
      main: filled.main.imports,
      twin: filled.twin?.imports ?? null,
    };
    await client.unsafe(`comment on table organizations is '${marker}'`);
    await client.unsafe("vacuum analyze");
  }

  const main = await orgId(MAIN);
  const twin = await orgId(twinPartnerId(MAIN));
  const ctx: BenchContext = {
    opts,
    client,
    benchUrl: benchUrl.toString(),
    dataThrough,
    window: windowFor(dataThrough),
    results,
    orgs: {
      main: { label: `${fmt(opts.scale)} (${MAIN})`, id: main },
      twin: { label: `${fmt(opts.twinScale)} (${twinPartnerId(MAIN)})`, id: twin },
    },
    sessions: {
      main: await signIn(main, "bench-main@bench.example"),
      twin: await signIn(twin, "bench-twin@bench.example"),
    },
  };
  results.organizations = {
    main: { partnerId: MAIN, ...(await lineItems(main)) },
    twin: { partnerId: twinPartnerId(MAIN), ...(await lineItems(twin)) },
  };
  log(`Line items: ${JSON.stringify(results.organizations)}`);

  // ---------------------------------------------------------------- 3. import, then the server: 4. download, 1. HTTP
  let importOrg = only.has("import") ? await importStep(ctx) : null;
  if (only.has("download") || only.has("http")) {
    const srv = await buildAndStart(ctx);
    const stop = () => srv.stop().catch(() => {});
    process.once("SIGINT", () => void stop().then(() => process.exit(130)));
    process.once("SIGTERM", () => void stop().then(() => process.exit(143)));
    try {
      await checkRoutes(ctx, srv);
      if (only.has("download")) {
        importOrg ??= await orgId(IMPORT_PARTNER).catch(() => null);
        const [inWindow] = importOrg
          ? await client`select count(*)::int as n from courseware_completions
          where org_id = ${importOrg} and redeemed_on between ${ctx.window.start} and ${ctx.window.end}`
          : [{ n: 0 }];
        if (!importOrg || !inWindow!.n)
          throw new Error(
            `the download step reads the import step's rows: run it with the import step (--only import,download)`,
          );
        await downloadStep(ctx, srv, importOrg, await signIn(importOrg, "bench-import@bench.example"), inWindow!.n);
      }
      if (only.has("http")) await httpStep(ctx, srv);
    } finally {
      log("Stopping the server");
      await stop();
    }
  }
  if (only.has("profile")) await profileStep(ctx);
  // ---------------------------------------------------------------- 2. database time (server stopped: nothing competes)
  if (only.has("queries")) await queriesStep(ctx);
}

// ---------------------------------------------------------------- report
results.loadAverage = { ...(results.loadAverage as object), end: loadavg() };
const postmasterNow = String((await admin`select pg_postmaster_start_time()::text as t`)[0]!.t);
results.postgresRestartedDuringRun = postmasterNow !== postmasterStart;
if (results.postgresRestartedDuringRun)
  log(
    `WARNING: PostgreSQL was restarted during the run (${postmasterStart} → ${postmasterNow}): the figures are not comparable.`,
  );
results.targets = targets(opts, results);
const report = reportTable(opts, results, results.targets as ReturnType<typeof targets>);
results.table = report;
console.log(`\n${report}\n`);
fs.mkdirSync(path.dirname(opts.outFile), { recursive: true });
fs.writeFileSync(opts.outFile, `${JSON.stringify(results, null, 2)}\n`);
log(`Wrote ${opts.outFile}`);
await closeDatabase();
await admin.end();
