// The operator step of `npm run bench` (SPEC §10 Organizations list, SPEC §9 "fast at any size"): two
// databases of their own, one with --op-orgs-small organizations (default 100) and one with --op-orgs
// (default 10,000), filled with bench data (bench/lib/operator-data.ts), each served by its own
// `next start` from the same build. An operator signed in on each; the list is loaded unfiltered, with a
// search and with each filter, small and large in rounds A B B A; the control (/sign-in) in slices before the
// first round and after every round. Then the CSV export once per database, the database time of the
// list's query function (median of --runs) and EXPLAIN (ANALYZE, BUFFERS) of each statement it sends.
import postgres from "postgres";
import { type DbHandle, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { listOrganizations } from "@/db/queries/operator-orgs";
import { createOperator } from "@/lib/users/verbs";
import { BENCH_TODAY, fmt, log, noteLoad, PASSWORD, type Session, sessionOf, short } from "./context";
import { CLI_ACTOR } from "./load";
import { combine, type LoadResult, median, type Round, round, type Timing, timeIt } from "./measure";
import { fillOperatorOrgs, OP_VARIANTS, variantPath, variantQuery } from "./operator-data";
import { profile } from "./profile";
import { freePort, type Server, startServer } from "./server";
import { CONTROL, ensureBuild, get, type ServerContext, serverEnv } from "./step-http";

export const OPERATOR_EMAIL = "bench-operator@bench.example";
export const EXPORT_PATH = "/operator/organizations/export";

type Scale = "small" | "large";
export type OperatorResults = {
  orgs: Record<Scale, number>;
  control: LoadResult;
  http: Record<string, Record<Scale, LoadResult & { total: number }>>;
  /** Each variant's requests/s over the mean of the control slices just before and after each of its rounds. */
  adjacent?: Record<string, Record<Scale, number>>;
  controlSlices?: number[];
  dbMs: Record<string, Record<Scale, Timing>>;
  export: Record<Scale, { ms: number; rows: number; bytes: number }>;
  statements: { variant: string; sql: string; smallMs: number; largeMs: number; largePlan: string }[];
  /** The page's size in bytes (HTML with its inline RSC payload): what the server renders per request. */
  pageBytes: Record<string, Record<Scale, number>>;
};

/** The operator step's database for n organizations: created, migrated and filled unless --reuse-data finds it filled. */
async function operatorDatabase(o: {
  admin: postgres.Sql;
  server: string;
  name: string;
  orgs: number;
  reuse: boolean;
}): Promise<{ handle: DbHandle; url: string }> {
  const marker = `operator-orgs=${o.orgs};today=${BENCH_TODAY}`;
  const url = new URL(o.server);
  url.pathname = `/${o.name}`;
  let filled = false;
  if (o.reuse && (await o.admin`select 1 from pg_database where datname = ${o.name}`).length) {
    const probe = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const [row] = await probe`select obj_description('public.organizations'::regclass) as note`.catch(() => [{}]);
    await probe.end();
    filled = (row as { note?: string }).note === marker;
  }
  if (!filled) {
    await o.admin.unsafe(`drop database if exists ${o.name} with (force)`);
    await o.admin.unsafe(`create database ${o.name}`);
  }
  const handle = openDatabase({ url: url.toString() });
  await migrateDatabase(handle);
  if (!filled) {
    const t = performance.now();
    await fillOperatorOrgs(handle.db, o.orgs, BENCH_TODAY);
    await createOperator(handle.db, CLI_ACTOR, { name: "Bench operator", email: OPERATOR_EMAIL, password: PASSWORD });
    const client = sqlOf(handle);
    await client.unsafe("vacuum analyze");
    await client.unsafe(`comment on table organizations is '${marker}'`);
    log(`  ${o.name}: ${fmt(o.orgs)} organizations written in ${fmt((performance.now() - t) / 1000, 1)} s`);
  } else log(`  Reusing ${o.name} (${marker})`);
  return { handle, url: url.toString() };
}

const sqlOf = (h: DbHandle) => (h.driver as { kind: "postgres"; sql: postgres.Sql }).sql;

/** The list's status line names the count: proof the page rendered the list, not a redirect or an error. */
const rendersList = (body: string, total: number) =>
  body.replaceAll("<!-- -->", "").includes(`${total} organization${total === 1 ? "" : "s"}`);

export async function operatorStep(ctx: ServerContext & { server: string }): Promise<void> {
  const { opts } = ctx;
  const admin = postgres(ctx.server, { max: 1, onnotice: () => {} });
  const scales: Record<Scale, number> = { small: opts.opOrgsSmall, large: opts.opOrgs };
  log(`Operator organizations list: ${fmt(scales.small)} vs ${fmt(scales.large)} organizations`);
  const dbs = {} as Record<Scale, { handle: DbHandle; url: string; session: Session; srv?: Server }>;
  for (const scale of ["small", "large"] as const) {
    const name = `${opts.dbName}_op${short(scales[scale]).toLowerCase()}`;
    const d = await operatorDatabase({ admin, server: ctx.server, name, orgs: scales[scale], reuse: opts.reuseData });
    dbs[scale] = { ...d, session: await sessionOf(d.handle.db, OPERATOR_EMAIL) };
  }
  const totals: Record<string, Record<Scale, number>> = {};
  for (const v of OP_VARIANTS) {
    const q = variantQuery(v.params);
    totals[v.id] = { small: 0, large: 0 };
    for (const scale of ["small", "large"] as const)
      totals[v.id]![scale] = (await listOrganizations(dbs[scale].handle.db, q, BENCH_TODAY)).total;
  }

  await ensureBuild(ctx);
  let loaded: Pick<OperatorResults, "control" | "http" | "adjacent" | "controlSlices">;
  let exported: OperatorResults["export"];
  const pageBytes: OperatorResults["pageBytes"] = {};
  try {
    for (const scale of ["small", "large"] as const)
      dbs[scale].srv = await startServer({ ...serverEnv(ctx), DATABASE_URL: dbs[scale].url }, await freePort());
    const srv = (s: Scale) => dbs[s].srv!;
    for (const v of OP_VARIANTS)
      for (const scale of ["small", "large"] as const) {
        const res = await get(srv(scale), variantPath(v.params), dbs[scale].session.cookie);
        if (res.status !== 200 || !rendersList(res.body, totals[v.id]![scale]))
          throw new Error(
            `/operator ${v.id} at ${scale}: HTTP ${res.status}, not ${totals[v.id]![scale]} organizations`,
          );
        pageBytes[v.id] = { ...pageBytes[v.id]!, [scale]: Buffer.byteLength(res.body) };
      }
    log(
      `  page size (bytes, 100 / 10k): ${OP_VARIANTS.map((v) => `${v.id} ${pageBytes[v.id]!.small} / ${pageBytes[v.id]!.large}`).join(", ")}`,
    );
    loaded = await httpRounds(ctx, totals, srv, (s) => dbs[s].session.cookie);
    exported = {
      small: await exportOnce(srv("small"), dbs.small.session),
      large: await exportOnce(srv("large"), dbs.large.session),
    };
    log(
      `  CSV export: ${fmt(exported.small.rows)} rows in ${fmt(exported.small.ms)} ms, ${fmt(exported.large.rows)} rows in ${fmt(exported.large.ms)} ms`,
    );
  } finally {
    for (const d of Object.values(dbs)) await d.srv?.stop().catch(() => {});
  }

  // Database time with the servers stopped: nothing competes.
  noteLoad(ctx, "operatorQueries");
  const dbMs: OperatorResults["dbMs"] = {};
  const statements: OperatorResults["statements"] = [];
  for (const v of OP_VARIANTS) {
    const q = variantQuery(v.params);
    const run =
      (s: Scale) =>
      (d = dbs[s].handle.db) =>
        listOrganizations(d, q, BENCH_TODAY);
    dbMs[v.id] = {
      small: await timeIt(run("small"), opts.runs),
      large: await timeIt(run("large"), opts.runs),
    };
    const small = await profile(sqlOf(dbs.small.handle), run("small"));
    const large = await profile(sqlOf(dbs.large.handle), run("large"));
    for (const [key, e] of large)
      statements.push({
        variant: v.id,
        sql: e.sql.slice(0, 400),
        smallMs: small.get(key)?.executionMs ?? NaN,
        largeMs: e.executionMs,
        largePlan: e.plan,
      });
    log(
      `  DB ${v.id.padEnd(24)} ${fmt(dbMs[v.id]!.small.median, 2)} ms vs ${fmt(dbMs[v.id]!.large.median, 2)} ms (median of ${opts.runs}); EXPLAIN at ${short(scales.large)}: ${[
        ...large.values(),
      ]
        .map((e) => `${fmt(e.executionMs, 2)} ms`)
        .join(" + ")}`,
    );
  }
  ctx.results.operator = {
    orgs: scales,
    ...loaded,
    export: exported,
    dbMs,
    statements,
    pageBytes,
  } satisfies OperatorResults;
  for (const d of Object.values(dbs)) await d.handle.close();
  await admin.end();
}

async function httpRounds(
  ctx: ServerContext,
  totals: Record<string, Record<Scale, number>>,
  srv: (s: Scale) => Server,
  cookie: (s: Scale) => string,
): Promise<Pick<OperatorResults, "control" | "http" | "adjacent" | "controlSlices">> {
  const { connections, duration } = ctx.opts;
  const headers = (s: Scale) => ({ cookie: cookie(s) });
  // As in the HTTP step (step-http.ts): every path warmed under the same load first (until 2026-12-08, 20 sequential
  // requests, which left the JIT coldest for the first variant, the unfiltered list), and the control measured in
  // slices before the first round and after every round, on the large server, whose figures the targets read.
  const warm = (s: Scale, p: string, h?: Record<string, string>) =>
    round(srv(s).url + p, { connections, duration: 2, headers: h });
  noteLoad(ctx, "operator");
  log(
    `  autocannon, ${connections} connections × ${duration} s per variant (small and large in rounds A B B A; ` +
      `the control in slices of ${duration / 4} s before the first round and after every round)`,
  );
  for (const scale of ["small", "large"] as const) {
    await warm(scale, CONTROL.path);
    for (const v of OP_VARIANTS) await warm(scale, variantPath(v.params), headers(scale));
  }
  const controlRounds: Round[] = [];
  const controlSlice = async () => {
    const c = await round(srv("large").url + CONTROL.path, { connections, duration: duration / 4 });
    controlRounds.push(c);
    return c.result.requests.total / c.result.duration;
  };
  const http: OperatorResults["http"] = {};
  const adjacent: NonNullable<OperatorResults["adjacent"]> = {};
  let before = await controlSlice();
  for (const v of OP_VARIANTS) {
    const path = variantPath(v.params);
    const rounds: Record<Scale, Round[]> = { small: [], large: [] };
    const ratios: Record<Scale, number[]> = { small: [], large: [] };
    for (const scale of ["small", "large", "large", "small"] as const) {
      const r = await round(srv(scale).url + path, { connections, duration: duration / 2, headers: headers(scale) });
      const after = await controlSlice();
      rounds[scale].push(r);
      ratios[scale].push(r.result.requests.total / r.result.duration / ((before + after) / 2));
      before = after;
    }
    const [small, large] = [combine(rounds.small), combine(rounds.large)];
    http[v.id] = { small: { ...small, total: totals[v.id]!.small }, large: { ...large, total: totals[v.id]!.large } };
    adjacent[v.id] = { small: median(ratios.small), large: median(ratios.large) };
    const side = (r: LoadResult) => `${fmt(r.requestsPerSec, 1)} req/s p50 ${fmt(r.p50)} ms`;
    const failed = small.non2xx + large.non2xx;
    log(
      `  ${v.id.padEnd(24)} small ${side(small)} · large ${side(large)} · large ${fmt(adjacent[v.id]!.large, 2)}× ` +
        `the adjacent control slices${failed ? ` non-2xx ${failed}` : ""}`,
    );
  }
  const controlSlices = controlRounds.map((c) => c.result.requests.total / c.result.duration);
  const result = { control: combine(controlRounds), http, adjacent, controlSlices };
  log(`  control ${fmt(result.control.requestsPerSec, 1)} req/s p50 ${fmt(result.control.p50)} ms`);
  log(`  control slices (req/s): ${controlSlices.map((x) => fmt(x, 0)).join(", ")}`);
  return result;
}

async function exportOnce(srv: Server, session: Session) {
  const t = performance.now();
  const res = await get(srv, EXPORT_PATH, session.cookie);
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`${EXPORT_PATH}: HTTP ${res.status}`);
  return { ms, rows: res.body.trimEnd().split("\n").length - 1, bytes: Buffer.byteLength(res.body) };
}
