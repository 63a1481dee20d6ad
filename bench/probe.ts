// A quick look between full runs: server CPU per request (from /proc, the process tree of one
// `next start`) and page size, route by route, against a database `npm run bench` filled.
//   npx tsx bench/probe.ts --db pmc_bench --dist-dir .next-bench [--seconds 5] [--paths /a,/b]
// Not a benchmark figure (no rounds, no control bracketing): for comparing two builds on one machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "./lib/args";

const args = parseArgs(process.argv.slice(2), {
  db: "string",
  "dist-dir": "string",
  seconds: "number",
  paths: "string",
  connections: "number",
  "session-email": "string",
  profile: "boolean",
});
const dbName = String(args.db ?? "pmc_bench");
process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${dbName}`;
process.env.NEXT_DIST_DIR = String(args["dist-dir"] ?? ".next-bench");

const { summarizeCpuProfile } = await import("./lib/cpu-profile");
const { APP_ENV, toolSession } = await import("./lib/context");
const {
  cpuTicks: ticks,
  machineBusyTicks,
  postgresPids,
  processTree,
  round,
  threadTicks,
} = await import("./lib/measure");
const { ROUTES } = await import("./lib/pages");
const { freePort, startServer } = await import("./lib/server");

const session = await toolSession(args["session-email"] ? String(args["session-email"]) : undefined);
const port = await freePort();
// --profile: the server runs under node --cpu-prof, and the one path's timed load is summarized (by package and
// hottest functions), the start and the warm-up left out.
const profileDir = args.profile ? fs.mkdtempSync(path.join(os.tmpdir(), "pmc-probe-cpu-")) : null;
const started = performance.now();
const srv = await startServer(
  { ...process.env, ...APP_ENV },
  port,
  profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
);
const paths = args.paths ? String(args.paths).split(",") : ["/sign-in", ...ROUTES.map((r) => r.path)];
if (profileDir && paths.length !== 1) throw new Error("--profile takes exactly one path (--paths /a)");
let timedFrom = 0;
const seconds = Number(args.seconds ?? 5);
try {
  // Warm every route first: the JIT and the caches favour whichever route runs later otherwise.
  for (const p of paths)
    await round(srv.url + p, {
      connections: 10,
      duration: 3,
      headers: p === "/sign-in" ? {} : { cookie: session.cookie },
    });
  for (const p of paths) {
    const headers: Record<string, string> = p === "/sign-in" ? {} : { cookie: session.cookie };
    const res = await fetch(srv.url + p, { headers });
    const body = await res.text();
    const bytes = body.length;
    if (process.env.PROBE_DUMP) fs.writeFileSync(`${process.env.PROBE_DUMP}/${p.replace(/\W+/g, "_")}.html`, body);
    for (let i = 0; i < 30; i++) await (await fetch(srv.url + p, { headers })).text();
    const pids = processTree(srv.pid);
    const pg = postgresPids();
    // Where the machine's CPU goes per request: the server (its main thread apart), PostgreSQL, the load generator
    // (autocannon runs in this process) and the whole machine. Ticks are 10 ms.
    const read = () => [ticks(pids), threadTicks(srv.pid), ticks(pg), ticks([process.pid]), machineBusyTicks()];
    const before = read();
    timedFrom = performance.now();
    const r = await round(srv.url + p, { connections: Number(args.connections ?? 10), duration: seconds, headers });
    const n = r.result.requests.total;
    const [server, main, postgres, loader, machine] = read().map((t, i) => ((t - before[i]!) * 10) / n);
    const ms = (x: number) => x.toFixed(2).padStart(6);
    console.log(
      `${p.padEnd(48)} ${String(res.status).padEnd(4)} ${String(bytes).padStart(7)} B  ` +
        `${(n / r.result.duration).toFixed(1).padStart(7)} req/s  ${ms(server!)} ms CPU/req`,
    );
    console.log(
      `${"".padEnd(48)} main thread ${ms(main!)} · PostgreSQL ${ms(postgres!)} · load generator ${ms(loader!)}` +
        ` · machine ${ms(machine!)} ms/req`,
    );
  }
  if (profileDir) {
    await srv.stop();
    const file = fs.readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new Error("no .cpuprofile written");
    const summary = summarizeCpuProfile(path.join(profileDir, file), 25, (timedFrom - started) * 1000);
    for (const a of summary.byArea.slice(0, 12)) console.log(`  ${a.area.padEnd(30)} ${(a.share * 100).toFixed(1)} %`);
    for (const f of summary.topFunctions)
      console.log(`  ${(f.share * 100).toFixed(1).padStart(5)} % ${f.fn} ${f.where}`);
    console.log("  app code with what it called (outermost app function on the stack):");
    for (const f of summary.byAppFunction)
      console.log(`  ${(f.share * 100).toFixed(1).padStart(5)} % ${f.fn} ${f.where}`);
  }
} finally {
  await srv.stop();
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
  process.exit(0);
}
