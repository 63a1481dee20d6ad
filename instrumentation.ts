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
