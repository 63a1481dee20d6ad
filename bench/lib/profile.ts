// Where the database time goes: capture the SQL a query function sends (Drizzle's logger on the
// same postgres.js client), then run each statement under EXPLAIN ANALYZE.
import { drizzle } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";

export type Statement = { text: string; params: unknown[] };
export type Explained = { sql: string; executionMs: number; planningMs: number; plan: string };

/** Runs fn with a Db that records every statement it sends (the statements still run). */
export async function captureStatements(client: Sql, fn: (db: Db) => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const db = drizzle(client, {
    schema,
    logger: { logQuery: (text, params) => void statements.push({ text, params }) },
  });
  await fn(db);
  return statements;
}

export async function explain(client: Sql, s: Statement): Promise<Explained> {
  const rows = (await client.unsafe(`explain (analyze, buffers) ${s.text}`, s.params as never[])) as unknown as {
    "QUERY PLAN": string;
  }[];
  const lines = rows.map((r) => r["QUERY PLAN"]);
  const ms = (label: string) => Number(lines.find((l) => l.startsWith(label))?.match(/([\d.]+) ms/)?.[1] ?? NaN);
  return {
    sql: s.text.replace(/\s+/g, " ").trim(),
    executionMs: ms("Execution Time"),
    planningMs: ms("Planning Time"),
    plan: lines.filter((l) => !l.startsWith("Planning") && !l.startsWith("Execution")).join("\n"),
  };
}

/** EXPLAIN ANALYZE of every statement fn sends; statements are keyed by their text and occurrence. */
export async function profile(client: Sql, fn: (db: Db) => Promise<unknown>): Promise<Map<string, Explained>> {
  const out = new Map<string, Explained>();
  const seen = new Map<string, number>();
  for (const s of await captureStatements(client, fn)) {
    const n = (seen.get(s.text) ?? 0) + 1;
    seen.set(s.text, n);
    out.set(`${s.text}#${n}`, await explain(client, s));
  }
  return out;
}
