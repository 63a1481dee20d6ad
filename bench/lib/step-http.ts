// The production server of `npm run bench` and step 1: requests/s and p50/p99 (autocannon) of a
// control page and of the signed-in dashboards and JSON endpoints, for the 1M organization and
// its 10k twin. Also the server CPU profiles (one server per profiled route, node --cpu-prof).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsStale } from "../../scripts/server-env";
import { APP_ENV, type BenchContext, fmt, loadavg, log, noteLoad } from "./context";
import { summarizeCpuProfile } from "./cpu-profile";
import { combine, type LoadResult, load, MB, memoryOf, processTree, round } from "./measure";
import { ROUTES } from "./pages";
import { freePort, nextBuild, type Server, startServer } from "./server";

// The control: a trivial dynamic page — server-rendered per request (searchParams, auth()), through
// the proxy like every page, signed out, no database query.
export const CONTROL = {
  id: "control",
  label: "Control: /sign-in (signed-out dynamic page)",
  path: "/sign-in",
  marker: "Sign in",
};

/** What building and starting a server needs (the operator step runs without the main organizations;
 * an --embedded run has no PostgreSQL client and a PGlite folder instead of DATABASE_URL). */
export type ServerContext = Pick<BenchContext, "opts" | "results" | "benchUrl" | "pgliteDir">;
/** What the HTTP step needs besides: the signed-in sessions. */
export type HttpContext = Omit<BenchContext, "client">;

export const serverEnv = (ctx: ServerContext): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...APP_ENV, NEXT_DIST_DIR: ctx.opts.distDir };
  if (!ctx.pgliteDir) return { ...env, DATABASE_URL: ctx.benchUrl };
  delete env.DATABASE_URL; // unset: the embedded database
  return { ...env, PGLITE_DIR: ctx.pgliteDir };
};

let buildChecked = false;

/** Builds into --dist-dir when needed (or asked); once per run. */
export async function ensureBuild(ctx: ServerContext): Promise<void> {
  const { opts } = ctx;
  if (buildChecked) return;
  buildChecked = true;
  process.env.NEXT_DIST_DIR = opts.distDir; // for buildIsStale
  if (opts.skipBuild && fs.existsSync(path.join(opts.distDir, "BUILD_ID")))
    log(`--skip-build: using the existing ${opts.distDir}`);
  else if (opts.rebuild || buildIsStale()) {
    log(`Building (NEXT_DIST_DIR=${opts.distDir} next build)`);
    const t = performance.now();
    await nextBuild(serverEnv(ctx));
    ctx.results.buildSeconds = (performance.now() - t) / 1000;
  } else log(`${opts.distDir} is up to date: not rebuilding (--rebuild to force)`);
}

/** Builds when needed and starts `next start` on a free port. */
export async function buildAndStart(ctx: ServerContext): Promise<Server> {
  await ensureBuild(ctx);
  const port = await freePort();
  log(`Starting next start on port ${port}`);
  return startServer(serverEnv(ctx), port);
}

export const get = async (srv: Server, p: string, cookie?: string) => {
  const res = await fetch(srv.url + p, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { status: res.status, body: await res.text() };
};

/** Every route answers 200 with its content for both organizations before anything is timed. */
export async function checkRoutes(ctx: HttpContext, srv: Server): Promise<void> {
  for (const [who, s] of [
    ["main", ctx.sessions.main],
    ["twin", ctx.sessions.twin],
  ] as const) {
    for (const r of ROUTES) {
      const res = await get(srv, r.path, s.cookie);
      if (res.status !== 200 || !res.body.includes(r.marker))
        throw new Error(
          `${r.path} as ${who}: HTTP ${res.status}, marker ${JSON.stringify(r.marker)} ` +
            `${res.body.includes(r.marker) ? "found" : "missing"}\n${res.body.slice(0, 500)}`,
        );
    }
  }
  const ctl = await get(srv, CONTROL.path);
  if (ctl.status !== 200 || !ctl.body.includes(CONTROL.marker)) throw new Error(`/sign-in: HTTP ${ctl.status}`);
}

export async function httpStep(ctx: HttpContext, srv: Server): Promise<void> {
  const { connections, duration } = ctx.opts;
  const http: Record<string, LoadResult & { loadAverage: number[] }> = {};
  const headers = (cookie?: string): Record<string, string> => (cookie ? { cookie } : {});
  // Every route is warmed under the same load before anything is timed: 20 sequential requests left the JIT
  // cold for whichever route came first, and the control (the smallest page) came first.
  const warm = (p: string, cookie?: string) =>
    round(srv.url + p, { connections, duration: 2, headers: headers(cookie) });
  const show = (key: string, r: LoadResult, la: number[]) => {
    http[key] = { ...r, loadAverage: la };
    log(
      `  ${key.padEnd(18)} ${fmt(r.requestsPerSec, 1).padStart(8)} req/s  p50 ${fmt(r.p50)} ms  p99 ${fmt(r.p99)} ms` +
        (r.non2xx || r.errors ? `  non-2xx ${r.non2xx} errors ${r.errors}` : ""),
    );
  };
  log(
    `HTTP load: autocannon, ${connections} connections × ${duration} s per route (each route's 1M and 10k in rounds ` +
      `A B B A; the control in slices of ${duration / 4} s before the first round and after every round)`,
  );
  noteLoad(ctx, "http");
  await warm(CONTROL.path);
  await warm("/api/health");
  for (const r of ROUTES) {
    await warm(r.path, ctx.sessions.main.cookie);
    await warm(r.path, ctx.sessions.twin.cookie);
  }
  // The control is measured in slices spread over the whole step: one before the first route, then one after every
  // round of every route (1M and 10k in rounds A B B A). Each round is compared with the control slices just before and
  // just after it, so the VM's drift (±25 % within seconds) weighs on a round and its control alike.
  const controlRounds: Awaited<ReturnType<typeof round>>[] = [];
  const controlSlice = async () => {
    const c = await round(srv.url + CONTROL.path, { connections, duration: duration / 4 });
    controlRounds.push(c);
    return c.result.requests.total / c.result.duration;
  };
  let before = await controlSlice();
  show("health", await load(`${srv.url}/api/health`, { connections, duration }), loadavg());
  before = await controlSlice();
  const adjacent: Record<string, number> = {};
  for (const r of ROUTES) {
    const la = loadavg();
    const sides = { main: ctx.sessions.main.cookie, twin: ctx.sessions.twin.cookie };
    const rounds: Record<keyof typeof sides, Awaited<ReturnType<typeof round>>[]> = { main: [], twin: [] };
    const ratios: Record<keyof typeof sides, number[]> = { main: [], twin: [] };
    for (const side of ["main", "twin", "twin", "main"] as const) {
      const rr = await round(srv.url + r.path, { connections, duration: duration / 2, headers: headers(sides[side]) });
      const after = await controlSlice();
      rounds[side].push(rr);
      ratios[side].push(rr.result.requests.total / rr.result.duration / ((before + after) / 2));
      before = after;
    }
    for (const side of ["main", "twin"] as const) {
      show(`${r.id}@${side}`, combine(rounds[side]), la);
      adjacent[`${r.id}@${side}`] = (ratios[side][0]! + ratios[side][1]!) / 2;
      log(`    ${`${r.id}@${side}`.padEnd(18)} ${fmt(adjacent[`${r.id}@${side}`]!, 2)}× the adjacent control slices`);
    }
  }
  ctx.results.httpAdjacent = adjacent;
  show("control", combine(controlRounds), loadavg());
  const slices = controlRounds.map((c) => c.result.requests.total / c.result.duration);
  ctx.results.controlSlices = slices;
  log(`  control slices (req/s): ${slices.map((x) => fmt(x, 0)).join(", ")}`);
  ctx.results.http = http;
  ctx.results.serverPeakHwmMB = Math.max(...processTree(srv.pid).map((pid) => (memoryOf(pid)?.hwm ?? 0) / MB));
}

/**
 * Where the server's time goes: one server per profiled route, started with node --cpu-prof,
 * loaded like above, then stopped (the profile is written at exit; it includes the server's
 * start, about a second of CPU).
 */
export async function profileStep(ctx: BenchContext): Promise<void> {
  const { connections, duration } = ctx.opts;
  const profiled = [
    { key: "control", path: CONTROL.path, cookie: undefined as string | undefined },
    {
      key: "ts-dashboard@main",
      path: ROUTES.find((r) => r.id === "ts-dashboard")!.path,
      cookie: ctx.sessions.main.cookie,
    },
    { key: "sp-area@main", path: ROUTES.find((r) => r.id === "sp-area")!.path, cookie: ctx.sessions.main.cookie },
  ];
  const cpu: Record<string, unknown> = {};
  for (const p of profiled) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pmc-bench-cpu-"));
    const s = await startServer(serverEnv(ctx), await freePort(), ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
    try {
      for (let i = 0; i < 20; i++)
        await (await fetch(s.url + p.path, { headers: p.cookie ? { cookie: p.cookie } : {} })).text();
      const r = await load(s.url + p.path, { connections, duration, headers: p.cookie ? { cookie: p.cookie } : {} });
      await s.stop();
      const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
      if (!file) throw new Error("no .cpuprofile written");
      const summary = summarizeCpuProfile(path.join(dir, file));
      const msPerRequest = (summary.seconds * summary.busyShare * 1000) / (r.requests + 20);
      cpu[p.key] = {
        requests: r.requests,
        requestsPerSec: r.requestsPerSec,
        cpuMsPerRequest: msPerRequest,
        ...summary,
      };
      log(
        `  CPU profile ${p.key}: ${fmt(r.requestsPerSec, 1)} req/s, ${fmt(msPerRequest, 1)} ms of server CPU per request; ${summary.byArea
          .slice(0, 4)
          .map((a) => `${a.area} ${fmt(a.share * 100)}%`)
          .join(", ")}`,
      );
    } finally {
      await s.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  ctx.results.cpuProfiles = cpu;
}
