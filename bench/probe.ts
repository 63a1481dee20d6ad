// A quick look between full runs: server CPU per request (from /proc, the process tree of one
// `next start`) and page size, route by route, against a database `npm run bench` filled.
//   npx tsx bench/probe.ts --db pmc_bench --dist-dir .next-bench [--seconds 5] [--paths /a,/b]
// Not a benchmark figure (no rounds, no control bracketing): for comparing two builds on one machine.
import fs from "node:fs";
import { parseArgs } from "./lib/args";

const args = parseArgs(process.argv.slice(2), {
  db: "string",
  "dist-dir": "string",
  seconds: "number",
  paths: "string",
  connections: "number",
});
const dbName = String(args.db ?? "pmc_bench");
process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${dbName}`;
process.env.NEXT_DIST_DIR = String(args["dist-dir"] ?? ".next-bench");

const { APP_ENV, MAIN, orgId, signIn } = await import("./lib/context");
const { cpuTicks: ticks, processTree, round } = await import("./lib/measure");
const { ROUTES } = await import("./lib/pages");
const { freePort, startServer } = await import("./lib/server");

const session = await signIn(await orgId(MAIN), "bench-main@bench.example");
const port = await freePort();
const srv = await startServer({ ...process.env, ...APP_ENV }, port);
const paths = args.paths ? String(args.paths).split(",") : ["/sign-in", ...ROUTES.map((r) => r.path)];
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
    const before = ticks(pids);
    const r = await round(srv.url + p, { connections: Number(args.connections ?? 10), duration: seconds, headers });
    const n = r.result.requests.total;
    const cpuMs = ((ticks(pids) - before) * 10) / n;
    console.log(
      `${p.padEnd(48)} ${String(res.status).padEnd(4)} ${String(bytes).padStart(7)} B  ` +
        `${(n / r.result.duration).toFixed(1).padStart(7)} req/s  ${cpuMs.toFixed(2).padStart(6)} ms CPU/req`,
    );
  }
} finally {
  await srv.stop();
  process.exit(0);
}
