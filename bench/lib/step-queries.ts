// Step 2 of `npm run bench` (server stopped: nothing competes): the database time of each route's
// query functions, called directly (median of --runs), then EXPLAIN (ANALYZE, BUFFERS) of every
// statement they send, 1M vs 10k.
import { db } from "@/db/client";
import { now } from "@/lib/clock";
import { BENCH_TODAY, type BenchContext, log, noteLoad } from "./context";
import type { Timing } from "./measure";
import { timeIt } from "./measure";
import { guardQueries, layoutQueries, ROUTES, requestQueries } from "./pages";
import { profile } from "./profile";

export type StatementTiming = { route: string; sql: string; mainMs: number; twinMs: number; mainPlan: string };

export async function queriesStep(ctx: BenchContext): Promise<void> {
  const { runs } = ctx.opts;
  log(`Database time of each route's query functions (median of ${runs})`);
  noteLoad(ctx, "queries");
  const ctxOf = (who: "main" | "twin") => ({
    db: db(),
    orgId: ctx.orgs[who].id,
    sessionId: ctx.sessions[who].sessionId,
    today: BENCH_TODAY,
    now: now(),
  });
  const queries: Record<string, Record<string, Timing>> = {};
  for (const who of ["main", "twin"] as const) {
    const c = ctxOf(who);
    queries[`guard@${who}`] = { total: await timeIt(() => guardQueries(c), runs) };
    queries[`layout@${who}`] = { total: await timeIt(() => layoutQueries(c), runs) };
    for (const r of ROUTES) {
      queries[`${r.id}@${who}`] = {
        own: await timeIt(() => r.queries(c), runs),
        total: await timeIt(() => requestQueries(r, c), runs),
      };
    }
  }
  ctx.results.queries = queries;

  log("EXPLAIN ANALYZE of every statement (main vs twin)");
  const statements: StatementTiming[] = [];
  for (const r of [{ id: "layout", queries: layoutQueries }, ...ROUTES]) {
    const m = await profile(ctx.client, (d) => r.queries({ ...ctxOf("main"), db: d }));
    const t = await profile(ctx.client, (d) => r.queries({ ...ctxOf("twin"), db: d }));
    for (const [key, e] of m)
      statements.push({
        route: r.id,
        sql: e.sql.slice(0, 400),
        mainMs: e.executionMs,
        twinMs: t.get(key)?.executionMs ?? NaN,
        mainPlan: e.plan,
      });
  }
  ctx.results.statements = statements;
}
