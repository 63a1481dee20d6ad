// The embedded database's modules (PGlite and Drizzle's PGlite driver), loaded on first use only: a process that
// runs on a PostgreSQL server never needs them, and loading them costs about 45 MB of memory (RSS after the import,
// measured with `node --import tsx`). All three come from their CommonJS builds, so that they share one copy.
import { createRequire } from "node:module";
import type * as Pglite from "@electric-sql/pglite";
import type * as DrizzlePglite from "drizzle-orm/pglite";
import type * as PgliteMigrator from "drizzle-orm/pglite/migrator";

const load = createRequire(import.meta.url);

export const pgliteModule = () => load("@electric-sql/pglite") as typeof Pglite;
export const drizzlePgliteModule = () => load("drizzle-orm/pglite") as typeof DrizzlePglite;
export const pgliteMigratorModule = () => load("drizzle-orm/pglite/migrator") as typeof PgliteMigrator;
