// SPEC §6/§9: a large import streams — memory stays bounded whatever the file size.
// Run alone to see the figures: npx vitest run tests/imports.memory
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, useDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";
import { count, createOrg, expectOk, importCourses, query, runImport } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

// PostgreSQL: the usual test database. PGlite: a database folder on disk, as the app runs it
// (an in-memory PGlite keeps its table files in this process's memory, which is not the point).
if (env().DATABASE_URL) useTestDatabase();
else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pmc-import-mem-"));
  beforeAll(async () => {
    const handle = openDatabase({ dir: path.join(dir, "pglite") });
    await migrateDatabase(handle);
    useDatabase(handle);
  });
  afterAll(async () => {
    await closeDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

// Measure live memory, not garbage that V8 has not collected yet.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const ROWS = 100_000;
const MB = 1024 * 1024;

/** The file as a stream of ~64 KiB chunks, generated on the fly (never one big string). */
async function* completionsFile(rows: number): AsyncGenerator<string> {
  yield "achievement_code,course_code,redeemed_on\n";
  const courses = ["AZ-900T00", "AZ-104T00", "PL-300T00", "SC-200T00"];
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    chunk += `ACH-${String(i).padStart(8, "0")},${courses[i % 4]},2026-${month}-${day}\n`;
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

describe("a 100k-row completions import", () => {
  it("streams with bounded memory and lands every row", async () => {
    const org = await createOrg("memory-1");
    await importCourses();
    gc();
    const before = process.memoryUsage();
    const peak = { rss: 0, heap: 0 };
    const started = performance.now();
    const result = await expectOk(
      runImport("courseware-completions", org, completionsFile(ROWS), {
        onProgress: (rows) => {
          if (rows % 10_000 !== 0) return;
          gc();
          const m = process.memoryUsage();
          peak.rss = Math.max(peak.rss, (m.rss - before.rss) / MB);
          peak.heap = Math.max(peak.heap, (m.heapUsed - before.heapUsed) / MB);
        },
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const where = env().DATABASE_URL ? "PostgreSQL" : "PGlite (folder)";
    console.log(
      `${ROWS} rows in ${seconds.toFixed(2)} s on ${where}; peak growth: rss ${peak.rss.toFixed(1)} MB, heap ${peak.heap.toFixed(1)} MB`,
    );

    expect(result).toMatchObject({ rows: ROWS, inserted: ROWS, updated: 0 });
    expect(await count("courseware_completions", `org_id = '${org}'`)).toBe(ROWS);
    const [rollup] = await query<{ n: number }>(
      `select sum(items)::int as n from ts_monthly where org_id = '${org}' and kind = 'completion'`,
    );
    expect(Number(rollup!.n)).toBe(ROWS);
    expect(peak.heap).toBeLessThan(50);
    expect(peak.rss).toBeLessThan(150);
  }, 180_000);
});
