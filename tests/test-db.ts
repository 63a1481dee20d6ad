import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { closeDatabase, type DbHandle, openDatabase, useDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";

// Integration tests run on a real database: a fresh PostgreSQL database per test file when
// DATABASE_URL names a server (created here, dropped after), else an in-memory PGlite.
export async function createTestDatabase(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const server = env().DATABASE_URL;
  if (!server) {
    const handle = openDatabase({ dir: "memory://" });
    await migrateDatabase(handle);
    return { handle, drop: () => handle.close() };
  }
  const name = `pmc_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString() });
  await migrateDatabase(handle);
  return {
    handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Registers a database for the current test file and makes it the process's database. */
export function useTestDatabase(): { handle: () => DbHandle } {
  let current: { handle: DbHandle; drop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
    useDatabase(current.handle);
  });
  afterAll(async () => {
    await closeDatabase();
    if (current) await current.drop().catch(() => {});
  });
  return { handle: () => current!.handle };
}
