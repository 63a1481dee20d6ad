// Header checks (row 1): every required column present, no unknown or repeated column.
// mtm-surveys keeps extra columns as other answers; unnamed columns are allowed only empty.

import type { ImportError } from "./errors";
import { show, textProblem } from "./fields";
import type { KindSpec } from "./kinds";

export type HeaderPlan = {
  /** The CSV columns of the kind that the file has, with their positions. */
  columns: { name: string; index: number }[];
  /** mtm-surveys: extra columns kept in other_answers, under their header as written. */
  extras: { name: string; index: number }[];
  /** Columns without a name: their cells must be empty. */
  unnamed: number[];
  width: number;
};

export function planHeader(spec: KindSpec, record: string[]): { plan: HeaderPlan } | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  if (record.length === 1 && /[;\t]/.test(record[0] ?? "")) {
    const separator = record[0]!.includes(";") ? "semicolons" : "tabs";
    return {
      errors: [
        {
          row: 1,
          message: `The columns are separated by ${separator}, not commas. Save the file as “CSV (comma delimited)” or “CSV UTF-8”. ${expected(spec)}`,
        },
      ],
    };
  }
  const known = new Map(spec.columns.map((c) => [c.name, c]));
  const seen = new Map<string, number>();
  const plan: HeaderPlan = { columns: [], extras: [], unnamed: [], width: record.length };
  record.forEach((raw, index) => {
    const bad = textProblem(raw);
    if (bad) {
      errors.push({ row: 1, message: `The name of column ${index + 1}: ${bad}.` });
      return;
    }
    const name = raw.trim().toLowerCase();
    if (name === "") {
      plan.unnamed.push(index);
      return;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      errors.push({
        row: 1,
        column: name,
        message: `Column ${show(name)} appears twice (columns ${first + 1} and ${index + 1}).`,
      });
      return;
    }
    seen.set(name, index);
    if (known.has(name)) plan.columns.push({ name, index });
    else if (spec.extraColumns)
      plan.extras.push({ name: raw.trim(), index }); // kept as written
    else
      errors.push({
        row: 1,
        column: name,
        message: `Unknown column ${show(name)} (column ${index + 1}). ${expected(spec)}`,
      });
  });
  const missing = spec.columns.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    const list = missing.join(", ");
    errors.push({
      row: 1,
      column: list,
      message: `Missing required column${missing.length > 1 ? "s" : ""} ${list}. ${expected(spec)}`,
    });
  }
  return errors.length > 0 ? { errors } : { plan };
}

function expected(spec: KindSpec): string {
  const cols = spec.columns.map((c) => (c.required ? c.name : `${c.name} (optional)`)).join(", ");
  return `A ${spec.kind} file has the columns ${cols}${spec.extraColumns ? ", and any other answer columns" : ""}.`;
}
