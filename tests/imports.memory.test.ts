// SPEC §6/§9: a large import streams — memory stays bounded whatever the file size.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, dbHandle, openDatabase, useDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { useTestDatabase } from "./test-db";
import { count, createOrg, expectOk, importCourses, query, runImport } from "./fixtures/csv/helpers";

// PostgreSQL: the usual test database. PGlite: a database folder on disk, as the app runs it
// (an in-memory PGlite keeps the table files in this process's memory, which is not the point).
const onServer = Boolean(process.env.DATABASE_URL);
if (onServer) useTestDatabase();
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

/** The embedded engine's own WebAssembly memory (its buffers and caches), 0 on a server. */
function engineBytes(): number {
  const driver = dbHandle().driver;
  if (driver.kind !== "pglite") return 0;
  return (driver.pg as unknown as { mod?: { wasmMemory?: WebAssembly.Memory } }).mod?.wasmMemory?.buffer.byteLength ?? 0;
}

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
    const before = process.memoryUsage();
    const engineBefore = engineBytes();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    let progressCalls = 0;
    const started = performance.now();
    const result = await expectOk(runImport("courseware-completions", org, completionsFile(ROWS), {
      onProgress: () => {
        progressCalls++;
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
        if (progressCalls % 20 === 0) console.log(JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round((v - (before as any)[k]) / MB)]))));
      },
    }));
    const seconds = (performance.now() - started) / 1000;
    console.log("engine growth MB", (engineBytes() - engineBefore) / MB, engineBefore / MB);
    const rssGrowth = (peakRss - before.rss) / MB;
    const heapGrowth = (peakHeap - before.heapUsed) / MB;
    console.log(`${ROWS} rows in ${seconds.toFixed(2)} s; peak growth rss ${rssGrowth.toFixed(1)} MB, heap ${heapGrowth.toFixed(1)} MB (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`);

    expect(result).toMatchObject({ rows: ROWS, inserted: ROWS, updated: 0 });
    expect(progressCalls).toBeGreaterThanOrEqual(ROWS / 1000);
    expect(await count("courseware_completions", `org_id = '${org}'`)).toBe(ROWS);
    const [rollup] = await query<{ n: number }>(`select sum(items)::int as n from ts_monthly where org_id = '${org}' and kind = 'completion'`);
    expect(Number(rollup!.n)).toBe(ROWS);
    expect(heapGrowth).toBeLessThan(150);
    expect(rssGrowth).toBeLessThan(150);
  }, 180_000);
});
