import type { DbHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { databaseUnreachable } from "./pool";

// A server started before its database (a host reboot, a deploy that starts both at once) must
// not stay broken: Next.js keeps a failed instrumentation hook for the life of the process, and
// every request then answers 500 until someone restarts the app. So when the database cannot be
// reached, the schema update goes on in the background, retried with a growing wait (at most
// 10 s); requests meanwhile fail cleanly (/api/health: 503) and succeed once it is done.
// Any other failure (a migration that does not apply) still stops the server at once.

type Log = (level: "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;

export type StartupOptions = { log: Log; maxWaitMs?: number };

/**
 * Brings the schema up to date now when the database answers ("ready"); when it cannot be
 * reached, keeps trying in the background and returns "waiting" with a promise of readiness.
 */
export async function prepareDatabase(
  handle: DbHandle,
  o: StartupOptions,
): Promise<{ state: "ready" | "waiting"; ready: Promise<void> }> {
  const maxWaitMs = o.maxWaitMs ?? 10_000;
  const migrate = async (attempts: number) => {
    await migrateDatabase(handle);
    o.log("info", "database ready", { database: handle.describe, attempts });
  };
  try {
    await migrate(1);
    return { state: "ready", ready: Promise.resolve() };
  } catch (error) {
    if (!databaseUnreachable(error)) throw error;
    o.log("warn", "database unreachable at start: requests fail cleanly (health 503) until it answers; retrying", {
      database: handle.describe,
      code: (error as { code?: string }).code,
    });
  }
  const ready = (async () => {
    for (let attempt = 2; ; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(maxWaitMs, 250 * 2 ** (attempt - 1))));
      try {
        return await migrate(attempt);
      } catch (error) {
        if (databaseUnreachable(error)) continue;
        o.log("error", "database schema update failed", {
          code: (error as { code?: string }).code,
          message: (error as Error).message,
        });
        return; // a broken migration is not healed by waiting; requests keep failing cleanly
      }
    }
  })();
  return { state: "waiting", ready };
}
