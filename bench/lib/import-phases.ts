// Where an import's time goes: the same steps as lib/imports/pipeline.ts, timed one by one.
//   parse      csv-parse of the file (Node)
//   validate   parse + every row checked by the kind's zod schema and written as a staging line (Node, no database)
//   stage      COPY of those lines into the temporary staging table (PostgreSQL)
//   firstLoad  the first-load insert into the target table (keys, index, foreign keys), the
//              organization having none of the kind (lib/imports/load.ts)
//   firstRollup the ts_monthly rebuild of a first load, from the staged rows (lib/imports/sql.ts)
//   duplicates the duplicate-key check over staging (the merge path only)
//   merge      INSERT … ON CONFLICT of the same rows again, into the rows the first load wrote
//   rollup     the ts_monthly rebuild of the organization
// The database steps run in one transaction that is rolled back, so nothing stays.
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Sql } from "postgres";
import { csvBatches } from "@/lib/imports/csv";
import { ErrorList } from "@/lib/imports/errors";
import { kindSpec, type RowContext } from "@/lib/imports/kinds";
import { stageRows } from "@/lib/imports/rows";
import {
  anyDuplicateSql,
  BYTEWISE_COLLATION_SQL,
  createStagingSql,
  duplicatesSql,
  firstLoadSql,
  lockSql,
  mergeSql,
  rollupSql,
  SORT_MEMORY_SQL,
  STAGING,
} from "@/lib/imports/sql";
import { catalogFor } from "@/lib/rules/solutions-partner/certification-catalog";

export type ImportPhases = Record<
  "parse" | "validate" | "stage" | "firstLoad" | "firstRollup" | "duplicates" | "merge" | "rollup",
  number
>;

const seconds = (t: number) => (performance.now() - t) / 1000;

export async function importPhases(
  client: Sql,
  file: string,
  orgId: string,
  dataThrough: string,
): Promise<ImportPhases> {
  const spec = kindSpec("courseware-completions");
  const codes = (await client`select course_code as code from courses`).map((r) => String(r.code));
  const byUpper = new Map(codes.map((c) => [c.toUpperCase(), c]));
  const ctx: RowContext = { courseCode: (upper) => byUpper.get(upper), catalog: catalogFor(dataThrough) };
  const read = () => fs.createReadStream(file, { highWaterMark: 64 * 1024 });

  let t = performance.now();
  let records = 0;
  for await (const batch of csvBatches(read())) records += batch.length;
  const parse = seconds(t);

  // Validation into memory-free sinks, keeping the staging lines' total only.
  t = performance.now();
  const errors = new ErrorList();
  await stageRows({ input: read(), spec, ctx, errors, sink: { write: () => undefined, end: async () => {} } });
  const validate = seconds(t);
  if (errors.count > 0 || records < 2)
    throw new Error(`import phases: the file does not validate (${JSON.stringify(errors.items.slice(0, 2))})`);

  const phases: ImportPhases = {
    ...{ parse, validate, stage: 0, firstLoad: 0, firstRollup: 0 },
    ...{ duplicates: 0, merge: 0, rollup: 0 },
  };
  // The staging lines stageRows sends (row number, then every cell quoted), written to a file first
  // so that the timed COPY is PostgreSQL's work only.
  const stagingFile = `${file}.staging`;
  async function* lines(): AsyncGenerator<string> {
    let row = 0;
    for await (const batch of csvBatches(read())) {
      let chunk = "";
      for (const r of batch) {
        if (++row === 1) continue;
        chunk += `${row},${r.map((v) => `"${v.replace(/"/g, '""')}"`).join(",")}\n`;
      }
      yield chunk;
    }
  }
  await pipeline(Readable.from(lines()), fs.createWriteStream(stagingFile));
  await client
    .begin(async (tx) => {
      await tx.unsafe(createStagingSql(spec));
      await tx.unsafe(SORT_MEMORY_SQL);
      t = performance.now();
      const copy = await tx
        .unsafe(
          `copy ${STAGING} (_row, ${Object.keys(spec.types)
            .map((c) => `"${c}"`)
            .join(", ")}) from stdin with (format csv)`,
        )
        .writable();
      await pipeline(fs.createReadStream(stagingFile, { highWaterMark: 64 * 1024 }), copy);
      phases.stage = seconds(t);
      await tx.unsafe(lockSql(spec), [orgId]);
      const [collation] = await tx.unsafe<{ bytewise: string }[]>(BYTEWISE_COLLATION_SQL);
      const order = { bytewise: collation?.bytewise === "true" };
      t = performance.now();
      await tx.unsafe(firstLoadSql(spec, order), [orgId, 0]);
      phases.firstLoad = seconds(t);
      t = performance.now();
      for (const kind of spec.rollup) {
        const r = rollupSql(kind, { staged: spec });
        await tx.unsafe(r.remove, [orgId]);
        await tx.unsafe(r.insert, [orgId]);
      }
      phases.firstRollup = seconds(t);
      t = performance.now();
      if ((await tx.unsafe(anyDuplicateSql(spec))).length > 0) await tx.unsafe(duplicatesSql(spec));
      phases.duplicates = seconds(t);
      t = performance.now();
      await tx.unsafe(mergeSql(spec, order), [orgId]);
      phases.merge = seconds(t);
      t = performance.now();
      for (const kind of spec.rollup) {
        const r = rollupSql(kind, "org");
        await tx.unsafe(r.remove, [orgId]);
        await tx.unsafe(r.insert, [orgId]);
      }
      phases.rollup = seconds(t);
      throw new RollBack();
    })
    .catch((error) => {
      if (!(error instanceof RollBack)) throw error;
    })
    .finally(() => fs.rmSync(stagingFile, { force: true }));
  return phases;
}

class RollBack extends Error {}
