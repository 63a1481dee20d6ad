// Two builds compared by the instructions their server's main thread executes per request, counted by valgrind's
// callgrind. On this shared VM the CPU time of one route moves by ±10 % between runs (bench/README.md), more than most
// changes buy; instruction counts do not follow the machine's speed, so a few per cent show. Both servers run under
// callgrind at once (about 50× slower; instruction counts do not care), each route is warmed up until the JIT has
// settled, then counted in --samples windows of --requests sequential requests; medians. The main thread is what
// limits requests/s (bench/README.md, 2026-12-07 afternoon); every thread's total is printed beside it.
//   npx tsx bench/instructions.ts --db pmc_base --a .next-a --b .next-b [--paths /sign-in,/x] [--warmup 150]
// Not a benchmark figure: instructions are not time (memory stalls, IPC), so it says which build does less, not how
// many requests/s it serves. Needs valgrind (Debian's package); takes about a minute per route and sample count.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "./lib/args";

const args = parseArgs(process.argv.slice(2), {
  db: "string",
  a: "string",
  b: "string",
  paths: "string",
  warmup: "number",
  requests: "number",
  samples: "number",
  "session-email": "string",
});
process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${String(args.db ?? "pmc_bench")}`;

const { APP_ENV, toolSession } = await import("./lib/context");
const { ROUTES } = await import("./lib/pages");
const { freePort, startServer } = await import("./lib/server");

const warmup = Number(args.warmup ?? 150);
const requests = Number(args.requests ?? 20);
const samples = Number(args.samples ?? 3);
const paths = args.paths ? String(args.paths).split(",") : ["/sign-in", ...ROUTES.map((r) => r.path)];
const session = await toolSession(args["session-email"] ? String(args["session-email"]) : undefined);
const headersOf = (p: string): Record<string, string> => (p === "/sign-in" ? {} : { cookie: session.cookie });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pmc-instructions-"));

// Instrumentation off until a window starts (the start and the warm-up run at valgrind's uninstrumented speed);
// one output file per thread, so the main thread's count is its own file (…-01); V8's generated code rewrites itself.
const callgrind = (name: string) => [
  "valgrind",
  "--tool=callgrind",
  "--instr-atstart=no",
  "--separate-threads=yes",
  "--smc-check=all-non-file",
  `--callgrind-out-file=${path.join(dir, name)}`,
];

const totalOf = (file: string) => Number(/^totals: (\d+)/m.exec(fs.readFileSync(file, "utf8"))?.[1] ?? Number.NaN);

async function get(url: string, p: string): Promise<void> {
  const res = await fetch(url + p, { headers: headersOf(p) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${p}: HTTP ${res.status}`);
}

/** One window: instrumentation on and counters zeroed, `requests` requests, a dump, off; per request. */
async function window(name: string, pid: number, url: string, p: string) {
  const control = (...a: string[]) => execFileSync("callgrind_control", [...a, String(pid)], { stdio: "ignore" });
  for (const f of fs.readdirSync(dir)) if (f.startsWith(`${name}.`)) fs.rmSync(path.join(dir, f));
  control("-i", "on");
  control("-z");
  for (let i = 0; i < requests; i++) await get(url, p);
  control("-d");
  control("-i", "off");
  const files = () => fs.readdirSync(dir).filter((f) => f.startsWith(`${name}.`));
  for (let i = 0; i < 100 && !files().some((f) => f.endsWith("-01")); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500)); // the other threads' files
  const main = totalOf(path.join(dir, files().find((f) => f.endsWith("-01"))!));
  const all = files().reduce((sum, f) => sum + totalOf(path.join(dir, f)), 0);
  return { main: main / requests, all: all / requests };
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const sides = [String(args.a), String(args.b)];
const servers = await Promise.all(
  sides.map(async (dist, i) =>
    startServer(
      { ...process.env, ...APP_ENV, NEXT_DIST_DIR: dist },
      await freePort(),
      [],
      process.cwd(),
      callgrind(i === 0 ? "a" : "b"),
    ),
  ),
);
try {
  console.log(`A = ${sides[0]}   B = ${sides[1]}   (main thread, ${samples} × ${requests} requests, medians)`);
  const counts = new Map<string, { main: number; all: number }[]>();
  for (const p of paths) {
    // Both servers at once: each is single-threaded under valgrind, and the machine has two cores.
    const measured = await Promise.all(
      servers.map(async (srv, i) => {
        for (let r = 0; r < warmup; r++) await get(srv.url, p);
        const windows = [];
        for (let s = 0; s < samples; s++) {
          for (let r = 0; r < 10; r++) await get(srv.url, p);
          windows.push(await window(i === 0 ? "a" : "b", srv.pid, srv.url, p));
        }
        return windows;
      }),
    );
    const [a, b] = measured.map((w) => ({ main: median(w.map((x) => x.main)), all: median(w.map((x) => x.all)) }));
    counts.set(p, [a!, b!]);
    const m = (x: number) => `${(x / 1e6).toFixed(1)}M`.padStart(7);
    const spread = measured.map((w) => w.map((x) => (x.main / 1e6).toFixed(1)).join("/"));
    console.log(
      `${p.padEnd(44)} A ${m(a!.main)} (all ${m(a!.all)}) | B ${m(b!.main)} (all ${m(b!.all)}) | ` +
        `B/A main ${(b!.main / a!.main).toFixed(3)}   [A ${spread[0]} · B ${spread[1]}]`,
    );
  }
  const control = counts.get("/sign-in");
  if (control)
    for (const [p, [a, b]] of counts)
      if (p !== "/sign-in")
        console.log(
          `${p.padEnd(44)} page / control, main thread: A ${(a!.main / control[0]!.main).toFixed(2)}  ` +
            `B ${(b!.main / control[1]!.main).toFixed(2)}`,
        );
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
}
