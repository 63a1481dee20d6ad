// Runs once in each server process (not during `next build`): check the configuration,
// then bring the database schema up to date (STACK.md), now or as soon as the database answers.
// NEXT_RUNTIME is Next.js's own build-time switch (inlined per runtime so the edge bundle drops the
// Node.js branch); it is not configuration, so it is read here rather than through lib/env.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, assertProductionReady } = await import("./lib/env");
  assertProductionReady(env());
  const { dbHandle } = await import("./db/client");
  const { prepareDatabase } = await import("./db/startup");
  const { log, scrubError } = await import("./lib/log");
  // A database that cannot be reached yet is waited for in the background (db/startup.ts); a
  // failed hook would leave every request of this process answering 500 for good.
  const started = await prepareDatabase(dbHandle(), { log });
  // SPEC §12: every app server sends what is due on a timer (NOTIFY_INTERVAL_MINUTES); with the
  // embedded database that is the demo server itself. Several servers may: notify is exactly-once.
  const { db } = await import("./db/client");
  const { startNotifier } = await import("./lib/notifications/run");
  void started.ready.then(() => startNotifier(db));
  // SPEC §10: organizations whose data predates the operator's summary table are summarized once.
  const { backfillOrgStatus } = await import("./lib/operator/status");
  const { today } = await import("./lib/clock");
  void started.ready
    .then(() => backfillOrgStatus(db(), today()))
    .then((n) => n && log("info", "operator summary backfilled", { organizations: n }))
    .catch((error: unknown) => log("error", "operator summary backfill failed", { error: (error as Error).message }));
  // Next.js prints errors it catches with console.error; query errors quote their parameters
  // (session ids, hashes): print them without (our own JSON line is written by onRequestError).
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => print(...args.map(scrubError));
}

// Errors Next.js catches while rendering a page, a route handler or an action (SPEC §9): one
// structured JSON line with the reference shown to the user (the digest), the route and the
// error — never the request headers (cookies) or body.
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routerKind?: string; routePath?: string; routeType?: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { describeError, log } = await import("./lib/log");
  log("error", "request error", {
    ref: (error as { digest?: string } | null)?.digest ?? null,
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    error: describeError(error),
  });
}
