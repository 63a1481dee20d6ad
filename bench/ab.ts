// Two builds (or one build under two environments) compared on one machine, in interleaved rounds, so that
// the VM's drift hits both sides alike: both servers run at once, and each route is loaded A B B A … for
// --rounds rounds of --seconds each. Prints server CPU per request (from /proc, the process tree of each
// `next start`, and its main thread alone), requests/s and page bytes, side by side. Not a benchmark figure: for
// choosing between builds.
//   npx tsx bench/ab.ts --db pmc_base --a .next-base --b /work/exp:.next-exp[:EXP_FLAG=1] [--paths /a,/b]
// A side is [checkout folder:]dist folder[:NAME=value,…]; the folder defaults to this checkout.
import { parseArgs } from "./lib/args";

const args = parseArgs(process.argv.slice(2), {
  db: "string",
  a: "string",
  b: "string",
  seconds: "number",
  rounds: "number",
  paths: "string",
  connections: "number",
  "session-email": "string",
});
process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${String(args.db ?? "pmc_bench")}`;

const { APP_ENV, toolSession } = await import("./lib/context");
const { cpuTicks: ticks, processTree, round, threadTicks } = await import("./lib/measure");
const { ROUTES } = await import("./lib/pages");
const { freePort, startServer } = await import("./lib/server");

type Side = { label: string; cwd: string; distDir: string; env: Record<string, string> };
function side(spec: string): Side {
  const parts = spec.split(":");
  // The environment part is the one with "=": "dist:A=1" is a dist folder with A=1, not a checkout folder.
  const extra = parts.at(-1)!.includes("=") ? parts.pop()! : "";
  const [cwd, distDir] = parts.length === 1 ? [process.cwd(), parts[0]!] : [parts[0]!, parts[1]!];
  const env = Object.fromEntries(
    extra
      .split(",")
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
  );
  return { label: spec, cwd: cwd || process.cwd(), distDir, env };
}

const sides = [side(String(args.a)), side(String(args.b))];
const session = await toolSession(args["session-email"] ? String(args["session-email"]) : undefined);
const servers = await Promise.all(
  sides.map(async (s) =>
    startServer({ ...process.env, ...APP_ENV, ...s.env, NEXT_DIST_DIR: s.distDir }, await freePort(), [], s.cwd),
  ),
);
const paths = args.paths ? String(args.paths).split(",") : ["/sign-in", ...ROUTES.map((r) => r.path)];
const seconds = Number(args.seconds ?? 3);
const rounds = Number(args.rounds ?? 4);
const headersOf = (p: string): Record<string, string> => (p === "/sign-in" ? {} : { cookie: session.cookie });
try {
  for (const srv of servers)
    for (const p of paths) await round(srv.url + p, { connections: 10, duration: 2, headers: headersOf(p) });
  console.log(`A = ${sides[0]!.label}   B = ${sides[1]!.label}   (${rounds} rounds × ${seconds} s, A B B A …)`);
  for (const p of paths) {
    const acc = servers.map(() => ({ ticks: 0, main: 0, requests: 0, seconds: 0, bytes: 0 }));
    for (const [i, srv] of servers.entries())
      acc[i]!.bytes = (await (await fetch(srv.url + p, { headers: headersOf(p) })).text()).length;
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        const srv = servers[i]!;
        const pids = processTree(srv.pid);
        const before = ticks(pids);
        const mainBefore = threadTicks(srv.pid);
        const res = await round(srv.url + p, {
          connections: Number(args.connections ?? 10),
          duration: seconds,
          headers: headersOf(p),
        });
        acc[i]!.ticks += ticks(pids) - before;
        acc[i]!.main += threadTicks(srv.pid) - mainBefore;
        acc[i]!.requests += res.result.requests.total;
        acc[i]!.seconds += res.result.duration;
      }
    }
    const cpu = acc.map((a) => (a.ticks * 10) / a.requests);
    // The main thread is what limits requests/s (the other threads are GC and libuv's pool, on the other core).
    const main = acc.map((a) => (a.main * 10) / a.requests);
    const perSecond = (i: number) => (acc[i]!.requests / acc[i]!.seconds).toFixed(0).padStart(4);
    const fmt = (i: number) =>
      `${cpu[i]!.toFixed(2).padStart(6)} ms (main ${main[i]!.toFixed(2)}) ${perSecond(i)}/s ` +
      `${String(acc[i]!.bytes).padStart(6)} B`;
    const ratios = `B/A CPU ${(cpu[1]! / cpu[0]!).toFixed(2)}, main ${(main[1]! / main[0]!).toFixed(2)}`;
    console.log(`${p.padEnd(44)} A ${fmt(0)} | B ${fmt(1)} | ${ratios}`);
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  process.exit(0);
}
