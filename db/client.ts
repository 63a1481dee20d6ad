import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import { env } from "@/lib/env";
import { lockDataDir } from "./pglite-lock";
import { drizzlePgliteModule, pgliteModule } from "./pglite-modules";
import { openPool } from "./pool";
import * as schema from "./schema";

// One database per process: postgres.js when DATABASE_URL is set, else embedded PGlite.
// Both speak the same Drizzle API; the PGlite instance is typed as the postgres-js one.
export type Db = PostgresJsDatabase<typeof schema>;
export type Driver = { kind: "postgres"; sql: Sql } | { kind: "pglite"; pg: PGlite };
export type DbHandle = { db: Db; driver: Driver; describe: string; close: () => Promise<void> };
export type DbConfig = { url?: string; dir?: string };

export function openDatabase(config: DbConfig): DbHandle {
  if (config.url) {
    const sql = openPool(config.url); // restart-proof settings: db/pool.ts
    const db = drizzlePostgres(sql, { schema });
    const safe = config.url.replace(/\/\/[^@]*@/, "//");
    return {
      db,
      driver: { kind: "postgres", sql },
      describe: `PostgreSQL ${safe}`,
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dir = config.dir ?? "memory://";
  let release = () => {};
  if (!dir.startsWith("memory://")) {
    release = lockDataDir(dir);
    fs.mkdirSync(path.resolve(/*turbopackIgnore: true*/ dir), { recursive: true }); // PGlite creates only the last folder
  }
  const pg = new (pgliteModule().PGlite)(dir);
  const db = drizzlePgliteModule().drizzle(pg, { schema }) as unknown as Db;
  return {
    db,
    driver: { kind: "pglite", pg },
    describe: `embedded PGlite ${dir}`,
    close: async () => {
      await pg.close();
      release();
    },
  };
}

const g = globalThis as unknown as { __pmcDb?: DbHandle };

/** The process's database, opened on first use from the environment (cached on globalThis for dev reloads). */
export function dbHandle(): DbHandle {
  if (!g.__pmcDb) {
    const e = env();
    g.__pmcDb = openDatabase(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dir: e.PGLITE_DIR });
  }
  return g.__pmcDb;
}

export function db(): Db {
  return dbHandle().db;
}

/** Tests and scripts that open a database explicitly make it the process's database. */
export function useDatabase(handle: DbHandle): void {
  g.__pmcDb = handle;
}

export async function closeDatabase(): Promise<void> {
  const h = g.__pmcDb;
  g.__pmcDb = undefined;
  if (h) await h.close();
}

/** Rows of a raw `db.execute(sql…)`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
