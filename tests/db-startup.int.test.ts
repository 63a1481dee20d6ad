// A server started before its database waits for it (db/startup.ts, instrumentation.ts): the
// schema update goes on in the background until the database answers, instead of a failed
// start hook that leaves the process answering 500 for good. Real connections throughout: the
// database "comes up" when a TCP relay to the test server opens on the port the app was given.
import net from "node:net";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/bench/lib/server";
import { type DbHandle, openDatabase, rowsOf } from "@/db/client";
import { databaseUnreachable } from "@/db/pool";
import { prepareDatabase } from "@/db/startup";
import { env } from "@/lib/env";
import { useTestDatabase } from "./test-db";

const testDb = useTestDatabase();
const server = env().DATABASE_URL;

describe("telling an unreachable database from a failing one", () => {
  it("a refused connection is unreachable; an SQL error is not", async () => {
    const nobody = postgres(`postgres://postgres@127.0.0.1:${await freePort()}/x`, {
      max: 1,
      connect_timeout: 2,
      onnotice: () => {},
    });
    const refused = await nobody`select 1`.then(
      () => null,
      (e: unknown) => e,
    );
    await nobody.end();
    expect(refused).not.toBeNull();
    expect(databaseUnreachable(refused)).toBe(true);
    const bad = await testDb
      .handle()
      .db.execute(sql`selec 1`)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(bad).not.toBeNull();
    expect(databaseUnreachable(bad)).toBe(false);
  });
});

// Needs a server to relay to (the embedded PGlite has no port); CI runs this file on both.
describe.skipIf(!server)("a server started before PostgreSQL", () => {
  const name = `pmc_startup_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = server ? postgres(server, { max: 1, onnotice: () => {} }) : null;
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c().catch(() => {}); // in order: the handle before its relay
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  it("answers 'waiting', then migrates in the background once the database answers", async () => {
    await admin!.unsafe(`create database ${name}`);
    const port = await freePort();
    const target = new URL(server!);
    const url = new URL(server!);
    url.host = `127.0.0.1:${port}`;
    url.pathname = `/${name}`;
    const handle: DbHandle = openDatabase({ url: url.toString() });
    cleanups.push(() => handle.close());
    const logs: string[] = [];
    const started = await prepareDatabase(handle, {
      log: (level, msg) => logs.push(`${level}: ${msg}`),
      maxWaitMs: 300,
    });
    expect(started.state).toBe("waiting");
    expect(logs.join("\n")).toMatch(/^warn: database unreachable at start/m);

    const relay = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      client.pipe(upstream).pipe(client);
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
    });
    await new Promise<void>((r) => relay.listen(port, "127.0.0.1", r));
    cleanups.push(() => new Promise((r) => relay.close(r)));

    await started.ready;
    expect(logs.at(-1)).toBe("info: database ready");
    const [tables] = rowsOf<{ n: number }>(
      await handle.db.execute(
        sql`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name in ('organizations', 'users', 'imports')`,
      ),
    );
    expect(tables!.n).toBe(3);
  }, 30_000);

  it("a database that answers but refuses the work still fails the start at once", async () => {
    const url = new URL(server!);
    url.pathname = `/${name}_missing`; // 3D000: no such database, a configuration error
    const handle = openDatabase({ url: url.toString() });
    cleanups.push(() => handle.close());
    await expect(prepareDatabase(handle, { log: () => {} })).rejects.toMatchObject({ code: "3D000" });
  });
});
