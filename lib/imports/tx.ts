// One import = one transaction on the raw driver (COPY needs it), with a Drizzle instance bound
// to the same transaction for the imports row, the audit row and the after-import hooks. Every
// other verb uses db/transaction.ts; this `db` is the same Drizzle `Db` type, whose own
// transaction() becomes a savepoint here, so a hook runs the ordinary verbs unchanged.
import { once } from "node:events";
import type { Transaction } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Sql, TransactionSql } from "postgres";
import type { Db, Driver } from "@/db/client";
import { drizzlePgliteModule } from "@/db/pglite-modules";
import * as schema from "@/db/schema";

export type CopySink = {
  /** One or more whole CSV lines (each ending in \n). Returns a promise to await when the database is behind. */
  write(line: string): Promise<void> | undefined;
  /** Finishes the COPY; with keep = false nothing more is sent (the transaction will roll back). */
  end(keep: boolean): Promise<void>;
};

export type TxConn = {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  copyIn(table: string, columns: string[]): Promise<CopySink>;
  db: Db;
};

const quote = (id: string) => `"${id}"`;
const copyStatement = (table: string, columns: string[], from: string) =>
  `copy ${quote(table)} (${columns.map(quote).join(", ")}) from ${from} with (format csv)`;

const PG_CHUNK = 64 * 1024; // characters sent per CopyData message
const PGLITE_BATCH = 256 * 1024; // characters (whole rows) per COPY FROM '/dev/blob'

function postgresConn(root: Sql, tx: TransactionSql): TxConn {
  // drizzle-orm's postgres-js driver reads client.options (absent on a transaction's sql).
  const client = Object.assign(tx, { options: root.options }) as unknown as Sql;
  return {
    db: withSavepoints(drizzlePostgres({ client, schema })),
    query: async <T>(text: string, params: unknown[] = []) =>
      (await tx.unsafe(text, params as never[])) as unknown as T[],
    async copyIn(table, columns) {
      const stream = await tx.unsafe(copyStatement(table, columns, "stdin")).writable();
      let buffer = "";
      const send = (chunk: string): Promise<void> | undefined => {
        if (!stream.write(chunk)) return once(stream, "drain").then(() => undefined);
        return undefined;
      };
      return {
        write(line) {
          buffer += line;
          if (buffer.length < PG_CHUNK) return undefined;
          const chunk = buffer;
          buffer = "";
          return send(chunk);
        },
        async end(keep) {
          if (keep && buffer) await send(buffer);
          buffer = "";
          const done = once(stream, "finish");
          stream.end();
          await done;
        },
      };
    },
  };
}

function pgliteConn(tx: Transaction): TxConn {
  return {
    db: withSavepoints(drizzlePgliteModule().drizzle({ client: tx as never, schema }) as unknown as Db),
    query: async <T>(text: string, params: unknown[] = []) => (await tx.query<T>(text, params)).rows,
    async copyIn(table, columns) {
      const statement = copyStatement(table, columns, "'/dev/blob'");
      let lines: string[] = [];
      let size = 0;
      const flush = async () => {
        const blob = new Blob(lines);
        lines = [];
        size = 0;
        await tx.query(statement, [], { blob });
      };
      return {
        write(line) {
          lines.push(line);
          size += line.length;
          return size >= PGLITE_BATCH ? flush() : undefined;
        },
        async end(keep) {
          if (keep && lines.length > 0) await flush();
          lines = [];
        },
      };
    },
  };
}

/** Runs `fn` in one COPY-capable transaction: committed when it returns, rolled back when it throws. */
export async function inCopyTransaction<T>(driver: Driver, fn: (conn: TxConn) => Promise<T>): Promise<T> {
  if (driver.kind === "postgres") {
    return (await driver.sql.begin((tx) => fn(postgresConn(driver.sql, tx)))) as T;
  }
  return driver.pg.transaction((tx) => fn(pgliteConn(tx)));
}

/** Hooks may call db.transaction(): inside the import it becomes a savepoint of the same transaction. */
function withSavepoints(db: Db): Db {
  let n = 0;
  const transaction = async (fn: (tx: Db) => Promise<unknown>) => {
    const name = sql.raw(`import_hook_${++n}`);
    await db.execute(sql`savepoint ${name}`);
    try {
      const result = await fn(proxy);
      await db.execute(sql`release savepoint ${name}`);
      return result;
    } catch (error) {
      await db.execute(sql`rollback to savepoint ${name}`);
      throw error;
    }
  };
  const proxy: Db = new Proxy(db, {
    get: (target, prop, receiver) => (prop === "transaction" ? transaction : Reflect.get(target, prop, receiver)),
  });
  return proxy;
}
