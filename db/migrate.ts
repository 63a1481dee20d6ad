import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DbHandle } from "./client";
import { pgliteMigratorModule } from "./pglite-modules";

const migrationsFolder = path.join(process.cwd(), "drizzle");

/** Applies drizzle/ migrations. On a server, an advisory lock keeps concurrent app instances from racing. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.driver.kind === "pglite") {
    await pgliteMigratorModule().migrate(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const reserved = await handle.driver.sql.reserve();
  try {
    await reserved`select pg_advisory_lock(7243001)`;
    await migratePostgres(handle.db, { migrationsFolder });
  } finally {
    await reserved`select pg_advisory_unlock(7243001)`;
    reserved.release();
  }
}
