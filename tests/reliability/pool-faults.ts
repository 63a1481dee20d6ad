// Run by pool.int.test.ts in a child process (the driver's own uncaught TypeError on a connection
// lost inside a transaction — porsager/postgres#1133 — is logged and survived, as Next.js does).
// Kills backends in the middle of statements and transactions and prints, as one JSON line, what
// the next statements on the same pool (one connection, so the damaged one is reused) answered.
import postgres from "postgres";
import { openPool } from "@/db/pool";
import { env } from "@/lib/env";

const uncaught: string[] = [];
process.on("uncaughtException", (e) => uncaught.push(String(e).slice(0, 120)));
const url = env().DATABASE_URL!;
const admin = postgres(url, { max: 1, onnotice: () => {} });
const sql = openPool(url, { max: 1 });
const tag = `pool_fault_${process.pid}`;

async function killSleeper(): Promise<number> {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const rows =
      await admin`select pid from pg_stat_activity where query like ${`select pg_sleep(5) as ${tag}%`} and pid <> pg_backend_pid()`;
    if (rows.length) {
      for (const r of rows) await admin`select pg_terminate_backend(${r.pid})`;
      return rows.length;
    }
  }
  return 0;
}

async function timed(what: () => PromiseLike<unknown>): Promise<{ ok: boolean; ms: number; code?: string }> {
  const started = Date.now();
  try {
    await what();
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return {
      ok: false,
      ms: Date.now() - started,
      code: String((error as { code?: string }).code ?? (error as Error).message),
    };
  }
}

const sleep = `select pg_sleep(5) as ${tag}`;
const out: Record<string, unknown> = {};
await sql.unsafe("select 1");
const statement = timed(() => sql.unsafe(sleep));
out.killedStatement = { killed: await killSleeper(), ...(await statement) };
out.afterStatement = await timed(() => sql.unsafe("select 1 as x"));
const transaction = timed(() => sql.begin((tx) => tx.unsafe(sleep)));
out.killedTransaction = { killed: await killSleeper(), ...(await transaction) };
out.afterTransaction = await timed(() => sql.unsafe("select 1 as x"));
out.beginAfterTransaction = await timed(() => sql.begin((tx) => tx.unsafe("select 2 as x")));
out.stats = sql.stats;
out.uncaught = uncaught;
console.log(JSON.stringify(out));
await sql.end({ timeout: 1 });
await admin.end({ timeout: 1 });
process.exit(0);
