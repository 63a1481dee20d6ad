// Child process of the import benchmark: imports one CSV file through the app's import path
// (importCsv, exactly as the web upload and the CLI do) and reports its own time and peak memory.
// The parent also samples /proc/<pid>/status while it runs.
//   node --import tsx bench/lib/import-child.ts FILE ORG_ID TODAY DATA_THROUGH
import fs from "node:fs";
import { closeDatabase } from "@/db/client";
import { afterImport } from "@/lib/imports/after-import";
import { importCsv } from "@/lib/imports/pipeline";
import { memoryOf } from "./measure";

const [file, orgId, today, dataThrough] = process.argv.slice(2);
if (!file || !orgId || !today || !dataThrough) throw new Error("usage: import-child FILE ORG_ID TODAY DATA_THROUGH");
const started = performance.now();
const result = await importCsv({
  kind: "courseware-completions",
  orgId,
  actor: { kind: "cli" },
  fileName: "bench-import.csv",
  today,
  dataThrough,
  input: fs.createReadStream(file, { highWaterMark: 64 * 1024 }),
  afterImport,
});
const seconds = (performance.now() - started) / 1000;
await closeDatabase();
const mem = memoryOf(process.pid);
process.stdout.write(
  `${JSON.stringify({
    ok: result.ok,
    rows: result.ok ? result.rows : 0,
    inserted: result.ok ? result.inserted : 0,
    updated: result.ok ? result.updated : 0,
    errors: result.ok ? [] : result.errors.slice(0, 3),
    seconds,
    vmHwm: mem?.hwm ?? 0,
  })}\n`,
);
