// `npm run bench` — SPEC §9 "fast at any size", measured in one run so the ratios are fair:
//   1. requests/s and p50/p99 (autocannon) of a control page and of the signed-in dashboards and
//      JSON endpoints, for a 1M-line-item organization and its 10k twin;
//   2. the database time of each route's query functions, called directly (median of 20), and
//      EXPLAIN ANALYZE of every statement they send;
//   3. a 1M-row completions import through the app's import path vs PostgreSQL COPY of the same
//      file, with the import's peak memory (child process, /proc/<pid>/status VmHWM);
//   4. a 1M-row CSV download through the download route vs COPY … TO STDOUT, with the server's peak memory.
// It creates its own database (pmc_bench, dropped and recreated) on the PostgreSQL server of
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), builds into .next-bench and
// starts `next start` on a free port (and once more per CPU-profiled route, under node --cpu-prof).
// Prints a table and writes bench/results/latest.json. Nothing else should load the machine
// meanwhile: the load average is recorded at every step, and a PostgreSQL restart voids the run.
//
//   npm run bench                       # scale 1,000,000 (≈ 7–10 minutes on 2 quiet cores)
//   npm run bench -- --scale 20000      # a quick run
// Options: --scale N · --twin-scale N (default min(10,000, N)) · --import-rows N (default = scale) ·
// --duration S (autocannon seconds, default 10) · --connections N (default 20) · --runs N (query
// timings, default 20) · --db NAME (default pmc_bench) · --reuse-data (keep pmc_bench and its data
// when it was filled at the same scale) · --rebuild (build even when .next-bench is fresh) ·
// --skip-build (use .next-bench as it is, even when sources changed after it) · --skip-profile (no
// CPU profiles of the server) ·
// --out FILE (default bench/results/latest.json).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eq, sql as dsql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { closeDatabase, db, openDatabase, rowsOf, useDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { tsLineItemPages } from "@/db/queries/training-services-items";
import { organizations, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { SESSION_TTL_MS } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import { defaultDataThrough, windowFor } from "@/lib/rules/time";
import { createUser } from "@/lib/users/verbs";
import { buildIsStale } from "../scripts/server-env";
import { parseArgs } from "./lib/args";
import { csvChunks, importFileRow } from "./lib/generate";
import { benchData, CLI_ACTOR, DEFAULT_SEED, ensureOrganization, twinPartnerId } from "./lib/load";
import { load, MB, memoryOf, processTree, sampleMemory, timeIt } from "./lib/measure";
import { summarizeCpuProfile } from "./lib/cpu-profile";
import { importPhases } from "./lib/import-phases";
import { guardQueries, layoutQueries, requestQueries, ROUTES } from "./lib/pages";
import { profile } from "./lib/profile";
import { BENCH_DIST_DIR, freePort, nextBuild, startServer } from "./lib/server";

const BENCH_TODAY = "2026-11-15"; // a fixed "today" (APP_TODAY) keeps data and windows reproducible
const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0123";
process.env.APP_TODAY = BENCH_TODAY; // read lazily by lib/env: the same clock as the server's
process.env.AUTH_SECRET = AUTH_SECRET;

type LoadResult = Awaited<ReturnType<typeof load>>;
type Timing = Awaited<ReturnType<typeof timeIt>>;

const args = parseArgs(process.argv.slice(2), {
  scale: "number", "twin-scale": "number", "import-rows": "number", duration: "number", connections: "number", runs: "number",
  db: "string", "reuse-data": "boolean", rebuild: "boolean", "skip-build": "boolean", "skip-profile": "boolean", out: "string", seed: "number",
});
if (args.help) {
  console.log(fs.readFileSync(new URL(import.meta.url), "utf8").split("\nimport ")[0]!.replace(/^\/\/ ?/gm, ""));
  process.exit(0);
}
const scale = (args.scale as number | undefined) ?? 1_000_000;
const twinScale = (args["twin-scale"] as number | undefined) ?? Math.min(10_000, scale);
const importRows = (args["import-rows"] as number | undefined) ?? scale;
const duration = (args.duration as number | undefined) ?? 10;
const connections = (args.connections as number | undefined) ?? 20;
const runs = (args.runs as number | undefined) ?? 20;
const seed = (args.seed as number | undefined) ?? DEFAULT_SEED;
const dbName = (args.db as string | undefined) ?? "pmc_bench";
const outFile = (args.out as string | undefined) ?? "bench/results/latest.json";
if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error("--db must be a plain lower-case database name");

const MAIN = "BENCH-MAIN";
const PASSWORD = "bench-password-0123";
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2))) as [number, number, number];
const short = (n: number) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n));
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "—");

const server = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const benchUrl = new URL(server);
benchUrl.pathname = `/${dbName}`;
const dataThrough = defaultDataThrough(BENCH_TODAY);
const window = windowFor(dataThrough);

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
  machine: {
    cpu: os.cpus()[0]?.model ?? "unknown", cores: os.cpus().length, memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version, os: `${os.type()} ${os.release()}`,
  },
  loadAverage: { start: loadavg() },
  settings: { scale, twinScale, importRows, duration, connections, runs, seed, today: BENCH_TODAY, dataThrough, database: dbName },
};

// ---------------------------------------------------------------- database and data
const admin = postgres(server, { max: 1, onnotice: () => {} });
results.machine = { ...(results.machine as object), postgres: (await admin`select version()`)[0]!.version };
// Another process restarting PostgreSQL mid-run (a reliability test, say) would void the figures: checked at the end.
const postmasterStart = String((await admin`select pg_postmaster_start_time()::text as t`)[0]!.t);
const marker = `scale=${scale};twin=${twinScale};seed=${seed};today=${BENCH_TODAY}`;
let reuse = false;
if (args["reuse-data"]) {
  const [exists] = await admin`select 1 from pg_database where datname = ${dbName}`;
  if (exists) {
    const probe = postgres(benchUrl.toString(), { max: 1, onnotice: () => {} });
    const [row] = await probe`select obj_description('public.organizations'::regclass) as note`.catch(() => [{ note: null }]);
    await probe.end();
    reuse = row?.note === marker;
  }
  log(reuse ? `Reusing ${dbName} (${marker})` : `${dbName} was not filled with ${marker}: recreating it`);
}
if (!reuse) {
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.unsafe(`create database ${dbName}`);
}
const handle = openDatabase({ url: benchUrl.toString() });
await migrateDatabase(handle);
useDatabase(handle);
const client = (handle.driver as { kind: "postgres"; sql: postgres.Sql }).sql;

const loadStarted = performance.now();
if (!reuse) {
  log(`Loading data: ${MAIN} at scale ${fmt(scale)}, ${twinPartnerId(MAIN)} at scale ${fmt(twinScale)} (through the import path)`);
  const filled = await benchData({ org: MAIN, scale, twinScale, seed, today: BENCH_TODAY }, (l) => log(l));
  results.dataLoad = { seconds: (performance.now() - loadStarted) / 1000, main: filled.main.imports, twin: filled.twin?.imports ?? null };
  await client.unsafe(`comment on table organizations is '${marker}'`);
  await client.unsafe("vacuum analyze");
}

async function orgId(partnerId: string): Promise<string> {
  const [o] = await db().select({ id: organizations.id }).from(organizations).where(eq(organizations.partnerId, partnerId));
  if (!o) throw new Error(`organization ${partnerId} is missing`);
  return o.id;
}

/** A partner admin of the organization, signed in: the session row and the Auth.js cookie. */
async function signIn(org: string, email: string): Promise<{ sessionId: string; cookie: string }> {
  const [existing] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!existing) await createUser(db(), CLI_ACTOR, org, { name: `Bench ${email}`, email, role: "partner_admin", password: PASSWORD });
  const result = await verifyCredentials(db(), email, PASSWORD, now());
  if (!result.ok) throw new Error(`sign-in of ${email} failed: ${result.reason}`);
  const salt = "authjs.session-token";
  const token = await encode({ token: { sub: result.sessionId }, secret: AUTH_SECRET, salt, maxAge: SESSION_TTL_MS / 1000 });
  return { sessionId: result.sessionId, cookie: `${salt}=${token}` };
}

const orgs = {
  main: { label: `${fmt(scale)} (${MAIN})`, id: await orgId(MAIN) },
  twin: { label: `${fmt(twinScale)} (${twinPartnerId(MAIN)})`, id: await orgId(twinPartnerId(MAIN)) },
};
const sessions = {
  main: await signIn(orgs.main.id, "bench-main@bench.example"),
  twin: await signIn(orgs.twin.id, "bench-twin@bench.example"),
};
const lineItems = async (id: string) => rowsOf<Record<string, number>>(await db().execute(dsql`
  select (select count(*)::int from courseware_completions where org_id = ${id}) as completions,
    (select count(*)::int from exam_vouchers where org_id = ${id}) as vouchers,
    (select count(*)::int from mtm_surveys where org_id = ${id}) as surveys,
    (select count(*)::int from customers where org_id = ${id}) as customers,
    (select count(*)::int from certifications where org_id = ${id}) as certifications,
    (select count(*)::int from usage where org_id = ${id}) as usage,
    (select count(*)::int from deployments where org_id = ${id}) as deployments,
    (select count(*)::int from ts_monthly where org_id = ${id}) as ts_monthly_rows`))[0]!;
results.organizations = { main: { partnerId: MAIN, ...(await lineItems(orgs.main.id)) }, twin: { partnerId: twinPartnerId(MAIN), ...(await lineItems(orgs.twin.id)) } };
log(`Line items: ${JSON.stringify(results.organizations)}`);

// ---------------------------------------------------------------- 3. import vs COPY
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "pmc-bench-"));
process.once("exit", () => fs.rmSync(tmpDir, { recursive: true, force: true })); // also when a step fails
const importFile = path.join(tmpDir, "completions.csv");
log(`Writing a ${fmt(importRows)}-row completions file (every row inside the window ${window.start} … ${window.end})`);
await pipeline(Readable.from(csvChunks(["achievement_code", "course_code", "redeemed_on"], importRows, importFileRow(seed, dataThrough))), fs.createWriteStream(importFile));
const fileBytes = fs.statSync(importFile).size;
const importPartner = "BENCH-IMPORT";
const importOrg = await ensureOrganization(importPartner, "Benchmark import target");
// A reused database still holds the previous run's import: empty the target so every row is new again.
for (const table of ["courseware_completions", "ts_monthly", "imports"]) await client.unsafe(`delete from ${table} where org_id = $1`, [importOrg]);
await client.unsafe("vacuum analyze courseware_completions");

log(`Import through the app's import path (child process, file of ${fmt(fileBytes / MB, 1)} MB)`);
results.loadAverage = { ...(results.loadAverage as object), import: loadavg() };
await client`checkpoint`;
const importRun = await new Promise<{ report: Record<string, unknown>; wallSeconds: number; peakRss: number; peakHwm: number }>((resolve, reject) => {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/lib/import-child.ts", importFile, importOrg, BENCH_TODAY, dataThrough], {
    stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, DATABASE_URL: benchUrl.toString() },
  });
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
if (!importRun.report.ok) throw new Error(`benchmark import rejected: ${JSON.stringify(importRun.report.errors)}`);
const importSeconds = importRun.report.seconds as number;
const childHwm = Math.max(importRun.peakHwm, importRun.report.vmHwm as number);

log("COPY of the same file into a scratch copy of courseware_completions (same columns, keys, index and foreign keys)");
await client.unsafe(`drop table if exists bench_copy_completions`);
await client.unsafe(`create table bench_copy_completions (like courseware_completions including all)`);
await client.unsafe(`alter table bench_copy_completions alter column org_id set default '${importOrg}'::uuid,
  add foreign key (org_id) references organizations(id), add foreign key (course_code) references courses(course_code)`);
await client`checkpoint`;
const copyStarted = performance.now();
const copyIn = await client`copy bench_copy_completions (achievement_code, course_code, redeemed_on) from stdin with (format csv, header true)`.writable();
await pipeline(fs.createReadStream(importFile, { highWaterMark: 64 * 1024 }), copyIn);
const copySeconds = (performance.now() - copyStarted) / 1000;
const [copied] = await client`select count(*)::int as n from bench_copy_completions`;
await client.unsafe(`drop table bench_copy_completions`);
const importRowsPerSec = importRows / importSeconds;
const copyRowsPerSec = importRows / copySeconds;
results.import = {
  rows: importRows, fileMB: fileBytes / MB, importedRows: importRun.report.rows, inserted: importRun.report.inserted, copiedRows: copied!.n,
  importSeconds, importWallSeconds: importRun.wallSeconds, copySeconds, importRowsPerSec, copyRowsPerSec, ratio: importRowsPerSec / copyRowsPerSec,
  peakRssMB: childHwm / MB, sampledPeakRssMB: importRun.peakRss / MB,
};
log(`Import ${fmt(importSeconds, 1)} s (${fmt(importRowsPerSec)} rows/s), COPY ${fmt(copySeconds, 1)} s (${fmt(copyRowsPerSec)} rows/s), peak RSS ${fmt(childHwm / MB)} MB`);
log("Import phases, timed one by one (same SQL as lib/imports, in a transaction rolled back)");
const phasesOrg = await ensureOrganization("BENCH-PHASES", "Benchmark import phases (always empty)");
const phases = await importPhases(client, importFile, phasesOrg, dataThrough);
(results.import as Record<string, unknown>).phases = phases;
log(`  ${Object.entries(phases).map(([k, v]) => `${k} ${fmt(v, 1)} s`).join(", ")}`);
fs.rmSync(tmpDir, { recursive: true, force: true });

// The import does not ANALYZE: until autovacuum does (≈ a minute, later on a busy machine), the
// planner still believes the organization has no rows. Time the download's keyset pages then, and
// after ANALYZE (what the download below runs with).
const timePages = async () => {
  const ms: number[] = [];
  let t = performance.now();
  for await (const _page of tsLineItemPages(db(), importOrg, "courseware", window, null)) {
    ms.push(performance.now() - t);
    if (ms.length === 3) break;
    t = performance.now();
  }
  return ms;
};
const pagesBeforeAnalyze = await timePages();
await client`analyze courseware_completions`;
const pagesAfterAnalyze = await timePages();
results.downloadPlan = { pageMsBeforeAnalyze: pagesBeforeAnalyze, pageMsAfterAnalyze: pagesAfterAnalyze };
log(`Download pages of 5,000 rows right after the import: ${pagesBeforeAnalyze.map((x) => fmt(x)).join(", ")} ms; after ANALYZE: ${pagesAfterAnalyze.map((x) => fmt(x)).join(", ")} ms`);
const importSession = await signIn(importOrg, "bench-import@bench.example");

// ---------------------------------------------------------------- build and server
process.env.NEXT_DIST_DIR = BENCH_DIST_DIR; // for buildIsStale
const serverEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: benchUrl.toString(), AUTH_SECRET, APP_TODAY: BENCH_TODAY };
if (args["skip-build"] && fs.existsSync(path.join(BENCH_DIST_DIR, "BUILD_ID"))) log(`--skip-build: using the existing ${BENCH_DIST_DIR}`);
else if (args.rebuild || buildIsStale()) {
  log(`Building (NEXT_DIST_DIR=${BENCH_DIST_DIR} next build)`);
  const t = performance.now();
  await nextBuild(serverEnv);
  results.buildSeconds = (performance.now() - t) / 1000;
} else log(`${BENCH_DIST_DIR} is up to date: not rebuilding (--rebuild to force)`);

// The control: a trivial dynamic page — server-rendered per request (searchParams, auth()), through
// the proxy like every page, signed out, no database query.
const control = { id: "control", label: "Control: /sign-in (signed-out dynamic page)", path: "/sign-in", marker: "Sign in" };
const port = await freePort();
log(`Starting next start on port ${port}`);
const srv = await startServer(serverEnv, port);
const cleanup = async () => {
  await srv.stop().catch(() => {});
};
process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));
process.once("SIGTERM", () => void cleanup().then(() => process.exit(143)));

try {
  const get = async (p: string, cookie?: string) => {
    const res = await fetch(srv.url + p, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    return { status: res.status, body: await res.text() };
  };
  // Every route answers 200 with its content for both organizations before anything is timed.
  for (const [who, s] of [["main", sessions.main], ["twin", sessions.twin]] as const) {
    for (const r of ROUTES) {
      const res = await get(r.path, s.cookie);
      if (res.status !== 200 || !res.body.includes(r.marker)) throw new Error(`${r.path} as ${who}: HTTP ${res.status}, marker ${JSON.stringify(r.marker)} ${res.body.includes(r.marker) ? "found" : "missing"}\n${res.body.slice(0, 500)}`);
    }
  }
  const ctl = await get(control.path);
  if (ctl.status !== 200 || !ctl.body.includes(control.marker)) throw new Error(`/sign-in: HTTP ${ctl.status}`);

  // ------------------------------------------------------------ 4. download vs COPY TO
  const downloadPath = "/membership/training-services/download?criterion=courseware";
  const downloadOnce = async () => {
    const pids = processTree(srv.pid);
    const before = pids.reduce((s, pid) => s + (memoryOf(pid)?.rss ?? 0), 0);
    const sampler = sampleMemory(() => pids, 50);
    const t = performance.now();
    const res = await fetch(srv.url + downloadPath, { headers: { cookie: importSession.cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`download: HTTP ${res.status}`);
    let bytes = 0;
    let lines = 0;
    let firstByteMs = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (bytes === 0) firstByteMs = performance.now() - t;
      bytes += chunk.byteLength;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    }
    const seconds = (performance.now() - t) / 1000;
    const mem = sampler.stop();
    return { seconds, bytes, rows: lines - 1, firstByteMs, rssBeforeMB: before / MB, peakRssMB: mem.peakRss / MB, peakHwmMB: mem.peakHwm / MB };
  };
  // A dedicated connection per COPY, consumed by events: a pooled connection's COPY … TO readable
  // can stay open after the data (postgres.js issue #917).
  const copyOutOnce = async () => {
    const conn = postgres(benchUrl.toString(), { max: 1, onnotice: () => {} });
    await conn`select 1`;
    const t = performance.now();
    const stream = await conn.unsafe(`copy (select achievement_code, course_code, redeemed_on from courseware_completions
      where org_id = '${importOrg}' and redeemed_on between '${window.start}' and '${window.end}' order by achievement_code) to stdout with (format csv, header true)`).readable();
    let bytes = 0;
    await new Promise<void>((resolve, reject) => {
      stream.on("data", (chunk: Buffer) => (bytes += chunk.byteLength));
      stream.once("end", resolve);
      stream.once("close", resolve);
      stream.once("error", reject);
    });
    const seconds = (performance.now() - t) / 1000;
    await conn.end({ timeout: 1 });
    return { seconds, bytes };
  };
  log(`Download of ${fmt(importRows)} rows through ${downloadPath} (3 runs) and COPY … TO STDOUT (3 runs)`);
  results.loadAverage = { ...(results.loadAverage as object), download: loadavg() };
  const downloads = [];
  for (let i = 0; i < 3; i++) downloads.push(await downloadOnce());
  const copies = [];
  for (let i = 0; i < 3; i++) copies.push(await copyOutOnce());
  const dl = [...downloads].sort((a, b) => a.seconds - b.seconds)[1]!;
  const co = [...copies].sort((a, b) => a.seconds - b.seconds)[1]!;
  results.download = {
    rows: dl.rows, bytes: dl.bytes, routeSeconds: dl.seconds, copySeconds: co.seconds, copyBytes: co.bytes,
    routeRowsPerSec: dl.rows / dl.seconds, copyRowsPerSec: dl.rows / co.seconds, ratio: co.seconds / dl.seconds,
    firstByteMs: dl.firstByteMs, serverRssBeforeMB: dl.rssBeforeMB, serverPeakRssMB: Math.max(...downloads.map((d) => d.peakRssMB)),
    serverPeakHwmMB: Math.max(...downloads.map((d) => d.peakHwmMB)), runs: downloads.map((d) => d.seconds), copyRuns: copies.map((c) => c.seconds),
  };
  if (dl.rows !== importRows) throw new Error(`download returned ${dl.rows} rows, expected ${importRows}`);
  log(`Download ${fmt(dl.seconds, 2)} s vs COPY TO ${fmt(co.seconds, 2)} s; server RSS ${fmt(dl.rssBeforeMB)} → peak ${fmt((results.download as { serverPeakRssMB: number }).serverPeakRssMB)} MB`);

  // ------------------------------------------------------------ 1. HTTP load
  const warm = async (p: string, cookie?: string) => {
    for (let i = 0; i < 20; i++) await get(p, cookie);
  };
  const http: Record<string, LoadResult & { loadAverage: number[] }> = {};
  const measure = async (key: string, p: string, cookie?: string) => {
    await warm(p, cookie);
    const la = loadavg();
    const r = await load(srv.url + p, { connections, duration, headers: cookie ? { cookie } : {} });
    http[key] = { ...r, loadAverage: la };
    log(`  ${key.padEnd(18)} ${fmt(r.requestsPerSec, 1).padStart(8)} req/s  p50 ${fmt(r.p50)} ms  p99 ${fmt(r.p99)} ms${r.non2xx || r.errors ? `  non-2xx ${r.non2xx} errors ${r.errors}` : ""}`);
  };
  log(`HTTP load: autocannon, ${connections} connections × ${duration} s per route`);
  results.loadAverage = { ...(results.loadAverage as object), http: loadavg() };
  await measure("control", control.path);
  await measure("health", "/api/health");
  for (const r of ROUTES) {
    await measure(`${r.id}@main`, r.path, sessions.main.cookie);
    await measure(`${r.id}@twin`, r.path, sessions.twin.cookie);
  }
  results.http = http;
  results.serverPeakHwmMB = Math.max(...processTree(srv.pid).map((pid) => (memoryOf(pid)?.hwm ?? 0) / MB));
} finally {
  log("Stopping the server");
  await cleanup();
}

// ---------------------------------------------------------------- CPU profiles: where the server's time goes
// One server per profiled route, started with node --cpu-prof, loaded like above, then stopped
// (the profile is written at exit; it includes the server's start, about a second of CPU).
if (!args["skip-profile"]) {
  const profiled = [
    { key: "control", path: control.path, cookie: undefined as string | undefined },
    { key: "ts-dashboard@main", path: ROUTES.find((r) => r.id === "ts-dashboard")!.path, cookie: sessions.main.cookie },
    { key: "sp-area@main", path: ROUTES.find((r) => r.id === "sp-area")!.path, cookie: sessions.main.cookie },
  ];
  const cpu: Record<string, unknown> = {};
  for (const p of profiled) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pmc-bench-cpu-"));
    const s = await startServer(serverEnv, await freePort(), ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
    try {
      for (let i = 0; i < 20; i++) await (await fetch(s.url + p.path, { headers: p.cookie ? { cookie: p.cookie } : {} })).text();
      const r = await load(s.url + p.path, { connections, duration, headers: p.cookie ? { cookie: p.cookie } : {} });
      await s.stop();
      const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
      if (!file) throw new Error("no .cpuprofile written");
      const summary = summarizeCpuProfile(path.join(dir, file));
      cpu[p.key] = { requests: r.requests, requestsPerSec: r.requestsPerSec, cpuMsPerRequest: (summary.seconds * summary.busyShare * 1000) / (r.requests + 20), ...summary };
      log(`  CPU profile ${p.key}: ${fmt(r.requestsPerSec, 1)} req/s, ${fmt((summary.seconds * summary.busyShare * 1000) / (r.requests + 20), 1)} ms of server CPU per request; ${summary.byArea.slice(0, 4).map((a) => `${a.area} ${fmt(a.share * 100)}%`).join(", ")}`);
    } finally {
      await s.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  results.cpuProfiles = cpu;
}

// ---------------------------------------------------------------- 2. database time (server stopped: nothing competes)
log(`Database time of each route's query functions (median of ${runs})`);
results.loadAverage = { ...(results.loadAverage as object), queries: loadavg() };
const ctxOf = (who: "main" | "twin") => ({ db: db(), orgId: orgs[who].id, sessionId: sessions[who].sessionId, today: BENCH_TODAY, now: now() });
const queries: Record<string, Record<string, Timing>> = {};
for (const who of ["main", "twin"] as const) {
  const c = ctxOf(who);
  queries[`guard@${who}`] = { total: await timeIt(() => guardQueries(c), runs) };
  queries[`layout@${who}`] = { total: await timeIt(() => layoutQueries(c), runs) };
  for (const r of ROUTES) {
    queries[`${r.id}@${who}`] = { own: await timeIt(() => r.queries(c), runs), total: await timeIt(() => requestQueries(r, c), runs) };
  }
}
results.queries = queries;

log("EXPLAIN ANALYZE of every statement (main vs twin)");
const statements: { route: string; sql: string; mainMs: number; twinMs: number; mainPlan: string }[] = [];
for (const r of [{ id: "layout", queries: layoutQueries }, ...ROUTES]) {
  const [m, t] = [await profile(client, (d) => r.queries({ ...ctxOf("main"), db: d })), await profile(client, (d) => r.queries({ ...ctxOf("twin"), db: d }))];
  for (const [key, e] of m) statements.push({ route: r.id, sql: e.sql.slice(0, 400), mainMs: e.executionMs, twinMs: t.get(key)?.executionMs ?? NaN, mainPlan: e.plan });
}
results.statements = statements;

// ---------------------------------------------------------------- report
results.loadAverage = { ...(results.loadAverage as object), end: loadavg() };
const postmasterNow = String((await admin`select pg_postmaster_start_time()::text as t`)[0]!.t);
results.postgresRestartedDuringRun = postmasterNow !== postmasterStart;
if (results.postgresRestartedDuringRun) log(`WARNING: PostgreSQL was restarted during the run (${postmasterStart} → ${postmasterNow}): the figures are not comparable.`);
const http = results.http as Record<string, LoadResult>;
const imp = results.import as { ratio: number; peakRssMB: number; importRowsPerSec: number; copyRowsPerSec: number; importSeconds: number; copySeconds: number };
const dl = results.download as { ratio: number; serverPeakRssMB: number; routeSeconds: number; copySeconds: number; rows: number; serverRssBeforeMB: number };
const targets: { target: string; value: string; met: boolean }[] = [];
const controlRps = http.control!.requestsPerSec;
for (const r of ROUTES) {
  const m = http[`${r.id}@main`]!;
  const t = http[`${r.id}@twin`]!;
  targets.push({ target: `${r.label}: p50 ${short(scale)} ≤ 1.2 × p50 ${short(twinScale)}`, value: `${fmt(m.p50)} ms vs ${fmt(t.p50)} ms = ${fmt(m.p50 / t.p50, 2)}×`, met: m.p50 <= 1.2 * t.p50 });
  for (const [who, x] of [[short(scale), m], [short(twinScale), t]] as const) {
    targets.push({ target: `${r.label} (${who}): req/s ≥ 0.4 × control`, value: `${fmt(x.requestsPerSec, 1)} vs ${fmt(controlRps, 1)} = ${fmt(x.requestsPerSec / controlRps, 2)}×`, met: x.requestsPerSec >= 0.4 * controlRps });
  }
}
targets.push({ target: "Import ≥ 0.5 × COPY throughput", value: `${fmt(imp.importRowsPerSec)} vs ${fmt(imp.copyRowsPerSec)} rows/s = ${fmt(imp.ratio, 2)}×`, met: imp.ratio >= 0.5 });
targets.push({ target: "Import peak RSS < 300 MB", value: `${fmt(imp.peakRssMB)} MB`, met: imp.peakRssMB < 300 });
targets.push({ target: "Download ≥ 0.5 × COPY TO throughput", value: `${fmt(dl.routeSeconds, 2)} s vs ${fmt(dl.copySeconds, 2)} s = ${fmt(dl.ratio, 2)}×`, met: dl.ratio >= 0.5 });
targets.push({ target: "Download: server peak RSS < 300 MB", value: `${fmt(dl.serverPeakRssMB)} MB (before: ${fmt(dl.serverRssBeforeMB)} MB)`, met: dl.serverPeakRssMB < 300 });
results.targets = targets;

const table: string[] = [];
const row = (cells: string[]) => table.push(`| ${cells.join(" | ")} |`);
table.push(`Date ${results.date}, scale ${fmt(scale)} vs ${fmt(twinScale)}, load average (1/5/15 min) ${JSON.stringify(results.loadAverage)}`);
if (results.postgresRestartedDuringRun) table.push("**PostgreSQL was restarted during this run: the figures are not comparable.**");
table.push("");
row(["route", "org", "req/s", "p50 ms", "p99 ms", "DB ms (median, whole request)"]);
row(["---", "---", "---:", "---:", "---:", "---:"]);
row([control.label, "—", fmt(http.control!.requestsPerSec, 1), fmt(http.control!.p50), fmt(http.control!.p99), "0"]);
row(["Reference: /api/health (route handler, select 1)", "—", fmt(http.health!.requestsPerSec, 1), fmt(http.health!.p50), fmt(http.health!.p99), "—"]);
for (const r of ROUTES) {
  for (const who of ["main", "twin"] as const) {
    const h = http[`${r.id}@${who}`]!;
    row([r.label, who === "main" ? short(scale) : short(twinScale), fmt(h.requestsPerSec, 1), fmt(h.p50), fmt(h.p99), fmt(queries[`${r.id}@${who}`]!.total!.median, 1)]);
  }
}
table.push("");
row(["bulk path", "rows", "app", "PostgreSQL COPY", "ratio", "peak RSS"]);
row(["---", "---:", "---:", "---:", "---:", "---:"]);
row(["import (courseware completions)", fmt(importRows), `${fmt(imp.importSeconds, 1)} s (${fmt(imp.importRowsPerSec)} rows/s)`, `${fmt(imp.copySeconds, 1)} s (${fmt(imp.copyRowsPerSec)} rows/s)`, `${fmt(imp.ratio, 2)}×`, `${fmt(imp.peakRssMB)} MB (import process)`]);
row(["download (CSV route)", fmt(dl.rows), `${fmt(dl.routeSeconds, 2)} s`, `${fmt(dl.copySeconds, 2)} s (COPY TO STDOUT)`, `${fmt(dl.ratio, 2)}×`, `${fmt(dl.serverPeakRssMB)} MB (server, ${fmt(dl.serverRssBeforeMB)} before)`]);
const plan = results.downloadPlan as { pageMsBeforeAnalyze: number[]; pageMsAfterAnalyze: number[] };
table.push("", `Download keyset pages (5,000 rows) right after the import, before ANALYZE: ${plan.pageMsBeforeAnalyze.map((x) => fmt(x)).join(", ")} ms; after ANALYZE: ${plan.pageMsAfterAnalyze.map((x) => fmt(x)).join(", ")} ms`);
const ph = (results.import as { phases: Record<string, number> }).phases;
table.push("", `Import phases (s): ${Object.entries(ph).map(([k, v]) => `${k} ${fmt(v, 1)}`).join(" · ")} (parse ⊂ validate; the app pipelines validate with stage)`);
table.push("");
row(["target", "measured", "met"]);
row(["---", "---", "---"]);
for (const t of targets) row([t.target, t.value, t.met ? "yes" : "**MISSED**"]);
if (results.cpuProfiles) {
  table.push("", "Server CPU per request (node --cpu-prof during a load run; shares of busy CPU):", "");
  row(["route", "CPU ms / request", "where it goes"]);
  row(["---", "---:", "---"]);
  for (const [key, c] of Object.entries(results.cpuProfiles as Record<string, { cpuMsPerRequest: number; byArea: { area: string; share: number }[] }>)) {
    row([key, fmt(c.cpuMsPerRequest, 1), c.byArea.slice(0, 5).map((a) => `${a.area} ${fmt(a.share * 100)}%`).join(" · ")]);
  }
}
table.push("", "Slowest statements (EXPLAIN ANALYZE execution ms, main vs twin):", "");
row(["route", "main ms", "twin ms", "statement"]);
row(["---", "---:", "---:", "---"]);
for (const s of [...statements].sort((a, b) => b.mainMs - a.mainMs).slice(0, 8)) row([s.route, fmt(s.mainMs, 2), fmt(s.twinMs, 2), `\`${s.sql.slice(0, 140)}…\``]);
const report = table.join("\n");
results.table = report;
console.log(`\n${report}\n`);
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(results, null, 2) + "\n");
log(`Wrote ${outFile}`);
await closeDatabase();
await admin.end();
