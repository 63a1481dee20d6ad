// Reads the CSV, checks the header and every row, and streams the valid rows into the staging
// table. After the first error nothing more is staged, but every row is still checked so the
// answer lists every problem (the first 100) and their count.
import type { z } from "zod";
import { csvBatches, csvProblem, type ImportInput } from "./csv";
import type { ErrorList } from "./errors";
import { type Cell, textProblem } from "./fields";
import { type HeaderPlan, planHeader } from "./header";
import { type KindSpec, type RowContext, targetColumns } from "./kinds";
import type { SpoolSink } from "./spool";

type RowSchema = z.ZodType<Record<string, Cell>, Record<string, string>>;
export const PROGRESS_EVERY = 1_000;

// The hot loop runs once per row (a million for a large file): plain loops, no closures per row.
function stagingLine(rowNumber: number, columns: string[], cells: Record<string, Cell>): string {
  let line = String(rowNumber);
  for (const c of columns) {
    const v = cells[c] ?? null;
    line += v === null ? "," : v.includes('"') ? `,"${v.replace(/"/g, '""')}"` : `,"${v}"`;
  }
  return `${line}\n`;
}

function isBlank(record: string[]): boolean {
  for (const f of record) if (f.trim() !== "") return false;
  return true;
}

export async function stageRows(args: {
  input: ImportInput;
  spec: KindSpec;
  ctx: RowContext;
  sink: SpoolSink;
  errors: ErrorList;
  onProgress?: (rows: number) => void;
  /** Stops the reading (with the signal's reason) when the import has failed elsewhere. */
  signal?: AbortSignal;
}): Promise<number> {
  const { spec, sink, errors, onProgress } = args;
  const schema = spec.rowSchema(args.ctx);
  const columns = targetColumns(spec);
  let plan: HeaderPlan | null = null;
  let header: string[] | null = null;
  let rowNumber = 0;
  let rows = 0;
  try {
    for await (const batch of csvBatches(args.input)) {
      args.signal?.throwIfAborted();
      for (const record of batch) {
        rowNumber++;
        if (!plan) {
          const planned = planHeader(spec, record);
          if ("errors" in planned) {
            for (const e of planned.errors) errors.add(e);
            return 0;
          }
          plan = planned.plan;
          header = record.map((h) => h.trim().toLowerCase());
          continue;
        }
        if (isBlank(record)) continue; // blank lines are skipped (but keep their row number)
        rows++;
        const cells = checkRow(spec, schema, plan, record, rowNumber, errors);
        if (cells && errors.count === 0) {
          const wait = sink.write(stagingLine(rowNumber, columns, cells), rowNumber);
          if (wait) await wait; // only when the database is behind
        }
        if (onProgress && rows % PROGRESS_EVERY === 0) onProgress(rows);
      }
    }
  } catch (error) {
    const problem = csvProblem(error, header);
    if (!problem) throw error;
    errors.add(problem);
    return rows;
  }
  if (!plan)
    errors.add({
      row: 1,
      message: "The file is empty: it needs a header row with the column names, then one row per record.",
    });
  else if (rows === 0) errors.add({ row: 2, message: "The file has a header row but no data rows." });
  onProgress?.(rows);
  return rows;
}

/** The normalized cells of one row, or null after adding its errors. */
function checkRow(
  spec: KindSpec,
  schema: RowSchema,
  plan: HeaderPlan,
  record: string[],
  row: number,
  errors: ErrorList,
): Record<string, Cell> | null {
  const before = errors.count; // the row is bad when it added any
  if (record.length < plan.width) {
    errors.add({ row, message: `This row has ${record.length} values but the header has ${plan.width} columns.` });
    return null;
  }
  for (let i = plan.width; i < record.length; i++) {
    if (record[i]!.trim() !== "") {
      const message = `This row has a value in column ${i + 1}, beyond the ${plan.width} columns of the header.`;
      errors.add({ row, message });
      return null;
    }
  }
  for (const i of plan.unnamed)
    if (record[i]!.trim() !== "")
      errors.add({ row, message: `This row has a value in column ${i + 1}, which has no name in the header.` });

  const input: Record<string, string> = {};
  for (const c of spec.columns) input[c.name] = ""; // optional columns the file leaves out
  for (const { name, index } of plan.columns) input[name] = record[index]!;
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      errors.add({ row, column: issue.path.length > 0 ? String(issue.path[0]) : undefined, message: issue.message });

  let otherAnswers: string | null = null;
  if (spec.extraColumns) {
    const answers: Record<string, string> = {};
    for (const { name, index } of plan.extras) {
      const value = record[index]!;
      const bad = textProblem(value);
      if (bad) errors.add({ row, column: name, message: bad });
      else if (value.trim() !== "") answers[name] = value.trim();
    }
    if (Object.keys(answers).length > 0) otherAnswers = JSON.stringify(answers);
  }
  if (errors.count !== before || !parsed.success) return null;
  return spec.extraColumns ? { ...parsed.data, other_answers: otherAnswers } : parsed.data;
}
