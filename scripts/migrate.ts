import { closeDatabase, dbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

// `npm run db:migrate`: applies drizzle/ migrations to the configured database.
const handle = dbHandle();
migrateDatabase(handle)
  .then(async () => {
    console.log(`Migrations applied to ${handle.describe}.`);
    await closeDatabase();
  })
  .catch(async (error) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    await closeDatabase().catch(() => {});
    process.exit(1);
  });
