import { migrateDatabase } from "./migrate";
import type { DbHandle } from "./client";

// A server started before its database (a host reboot, a deploy that starts both at once) must
// not stay broken: Next.js keeps a failed instrumentation hook for the life of the process, and
// every request then answers 500 until someone restarts the app. So when the database cannot be
// reached, the schema update goes on in the background, retried with a growing wait (at most
// 10 s); requests meanwhile fail cleanly (/api/health: 503) and succeed once it is done.
// Any other failure (a migration that does not apply) still stops the server at once.

/** Codes of "no connection could be made" (as opposed to: the server refused the work). */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "ECONNRESET", "57P03"]);

export function databaseUnreachable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | null | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && UNREACHABLE.has(e.code)) return true;
  }
  return false;
}

type Log = (level: "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;

export type StartupOptions = { log: Log; maxWaitMs?: number };

/**
 * Brings the schema up to date now when the database answers ("ready"); when it cannot be
 * reached, keeps trying in the background and returns "waiting" with a promise of readiness.
 */
export async function prepareDatabase(handle: DbHandle, o: StartupOptions): Promise<{ state: "ready" | "waiting"; ready: Promise<void> }> {
  const maxWaitMs = o.maxWaitMs ?? 10_000;
  try {
    await migrateDatabase(handle);
    o.log("info", "database ready", { database: handle.describe });
    return { state: "ready", ready: Promise.resolve() };
  } catch (error) {
    if (!databaseUnreachable(error)) throw error;
    o.log("warn", "database unreachable at start: requests fail cleanly (health 503) until it answers; retrying", { database: handle.describe, code: (error as { code?: string }).code });
  }
  const ready = (async () => {
    for (let attempt = 1; ; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(maxWaitMs, 250 * 2 ** attempt)));
      try {
        await migrateDatabase(handle);
        o.log("info", "database ready", { database: handle.describe, attempts: attempt + 1 });
        return;
      } catch (error) {
        if (!databaseUnreachable(error)) {
          o.log("error", "database schema update failed", { code: (error as { code?: string }).code, message: (error as Error).message });
          return; // a broken migration is not healed by waiting; requests keep failing cleanly
        }
      }
    }
  })();
  return { state: "waiting", ready };
}
