import postgres, { type Sql } from "postgres";
import { carryTypeHandlers } from "./postgres-internals";

// The PostgreSQL pool (postgres.js 3.4.9), made to survive a server restart or a killed backend
// without restarting the app (SPEC §9). Three things in the driver decide how it recovers:
//
// 1. Reconnect backoff. A connection the server closed reconnects lazily, on its next query, after
//    a wait that grows 3^n/100 s per failed attempt (shared by the pool) up to 20 s: after a 10 s
//    outage a query could wait 20 s more. Here the wait is at most 1 s, so a request made during
//    an outage fails fast with a clean error, and all succeed within ~1 s of the server's return.
// 2. A stale error replayed after reconnect. When a connection is lost with a query in flight and
//    the server had sent a FATAL error (57P01 on a restart or pg_terminate_backend), the driver
//    keeps that error and rejects the first query of the reconnected connection with it — even
//    minutes later, whenever the pool next needs that connection (porsager/postgres#1223, #1215).
// 3. A connection that never comes back. When it is lost inside `sql.begin()`, the driver's own
//    ROLLBACK is written to the closed socket: an uncaught TypeError (Next.js logs it and goes on;
//    porsager/postgres#1133) that leaves a write timer set, so every later reconnect of that
//    connection ends in CONNECT_TIMEOUT, 5 s per query routed to it, for the life of the process.
//
// So (1) is a setting, and for (2) and (3): a pool that loses a connection with a query in flight
// is retired — it finishes what it is running, takes no new query, and a fresh pool (same
// settings, same type parsers) takes its place. A statement outside a transaction that fails with
// a FATAL server error, or that reached a retired pool, is sent once more (the backend ended
// without committing it, or it never left), and so is a transaction whose callback never started.
// A transaction whose callback ran is never re-run here (the verbs decide: lib/offers retries
// serialization failures only). Upgrading postgres.js past these bugs would make (2)–(3) moot
// (3.4.10 fixes neither; 4.x is a rewrite that looks like it does: see the README's upgrade notes).
// The proxy intercepts what drizzle calls (db/postgres-internals.ts lists it, a test checks it).

export const POOL_OPTIONS = {
  max: 10,
  connect_timeout: 5,
  idle_timeout: 30, // idle connections close; each is also replaced after 30–60 min (postgres.js's default max_lifetime)
  backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1) * (0.5 + Math.random() / 2),
  onnotice: () => {},
} as const;

const LOST_IN_FLIGHT = new Set(["CONNECTION_CLOSED", "ECONNRESET", "EPIPE"]);

type ErrorLike = { name?: unknown; code?: unknown; severity?: unknown; severity_local?: unknown } | null | undefined;

/** A FATAL error from the server: its backend ended, and with it the statement in flight. */
export function backendEnded(error: unknown): boolean {
  const e = error as ErrorLike;
  return Boolean(e) && e!.name === "PostgresError" && (e!.severity === "FATAL" || e!.severity_local === "FATAL");
}

/** The connection was lost while a query was on it (as opposed to: none could be made, e.g. 57P03 while starting). */
export function lostInFlight(error: unknown): boolean {
  const code = (error as ErrorLike)?.code;
  return (backendEnded(error) && code !== "57P03") || (typeof code === "string" && LOST_IN_FLIGHT.has(code));
}

/** No connection could be made, or it was lost: the database is away (as opposed to: it refused the work). */
const CANNOT_CONNECT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "CONNECT_TIMEOUT",
  "CONNECTION_ENDED",
  "57P03",
]);

/** The database cannot be reached (now): worth waiting for, unlike an error of the statement itself. */
export function databaseUnreachable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; cause?: unknown } | null | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === "string" && (CANNOT_CONNECT.has(e.code) || LOST_IN_FLIGHT.has(e.code))) return true;
  }
  return false;
}

type Pending = PromiseLike<unknown> & {
  values: () => Pending;
  catch: Promise<unknown>["catch"];
  finally: Promise<unknown>["finally"];
};

export type PoolStats = { retired: number; resent: number };

/** A postgres.js pool with the settings and the recovery above; everything else passes through to the current pool. */
export function openPool(
  url: string,
  overrides: { max?: number; connect_timeout?: number } = {},
): Sql & { stats: PoolStats } {
  const make = () => postgres(url, { ...POOL_OPTIONS, ...overrides });
  let current = make();
  let closing = false;
  const stats: PoolStats = { retired: 0, resent: 0 };

  /** After `error` on `pool`: retire it when it lost a connection in flight (once; later errors of a retired pool are its own). */
  const noteError = (pool: Sql, error: unknown) => {
    if (closing || pool !== current || !lostInFlight(error)) return;
    const fresh = make();
    carryTypeHandlers(pool, fresh);
    current = fresh;
    stats.retired++;
    void pool.end().catch(() => {}); // no timeout: running statements and transactions finish
  };
  /** A statement that never ran (or was aborted by its backend's end) may go once more. */
  const resendable = (pool: Sql, error: unknown) =>
    backendEnded(error) || ((error as ErrorLike)?.code === "CONNECTION_ENDED" && pool !== current && !closing);

  function unsafe(...args: Parameters<Sql["unsafe"]>): Pending {
    let values = false;
    let result: Promise<unknown> | undefined;
    const send = async (): Promise<{ value: unknown } | { error: unknown; pool: Sql }> => {
      const pool = current;
      try {
        const q = pool.unsafe(...args);
        return { value: await (values ? q.values() : q) };
      } catch (error) {
        noteError(pool, error);
        return { error, pool };
      }
    };
    const run = () =>
      (result ??= (async () => {
        let answer = await send();
        if ("error" in answer && resendable(answer.pool, answer.error)) {
          stats.resent++;
          answer = await send();
        }
        if ("error" in answer) throw answer.error;
        return answer.value;
      })());
    const pending: Pending = {
      values: () => ((values = true), pending),
      then: (ok, fail) => run().then(ok, fail),
      catch: (fail) => run().catch(fail),
      finally: (f) => run().finally(f),
    };
    return pending;
  }

  async function begin(...args: unknown[]): Promise<unknown> {
    const fn = args.at(-1) as (tx: unknown) => unknown;
    const head = args.slice(0, -1);
    for (let attempt = 1; ; attempt++) {
      const pool = current;
      let started = false;
      try {
        return await (pool.begin as (...a: unknown[]) => Promise<unknown>)(...head, (tx: unknown) => {
          started = true;
          return fn(tx);
        });
      } catch (error) {
        noteError(pool, error);
        if (started || attempt > 1 || !resendable(pool, error)) throw error;
        stats.resent++;
      }
    }
  }

  const end = async (options?: { timeout?: number }) => {
    closing = true;
    await current.end(options);
  };

  return new Proxy(current, {
    get(_target, key) {
      if (key === "unsafe") return unsafe;
      if (key === "begin") return begin;
      if (key === "end") return end;
      if (key === "stats") return stats;
      const value = Reflect.get(current, key);
      return typeof value === "function" ? value.bind(current) : value;
    },
    apply(_target, thisArg, args) {
      return Reflect.apply(current, thisArg, args);
    },
  }) as Sql & { stats: PoolStats };
}
