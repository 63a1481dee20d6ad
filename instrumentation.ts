// Runs once in each server process (not during `next build`): check the configuration,
// then bring the database schema up to date (STACK.md).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, assertProductionReady } = await import("./lib/env");
  assertProductionReady(env());
  const { dbHandle } = await import("./db/client");
  const { migrateDatabase } = await import("./db/migrate");
  const handle = dbHandle();
  await migrateDatabase(handle);
  const { log } = await import("./lib/log");
  log("info", "database ready", { database: handle.describe });
}

// Errors Next.js catches while rendering a page, a route handler or an action (issue #8): one
// structured JSON line with the reference shown to the user (the digest), the route and the
// error — never the request headers (cookies) or body.
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routerKind?: string; routePath?: string; routeType?: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/log");
  const e = error as { name?: string; message?: string; stack?: string; digest?: string };
  log("error", "request error", {
    ref: e?.digest ?? null,
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    error: { name: e?.name, message: e?.message, stack: e?.stack },
  });
}
