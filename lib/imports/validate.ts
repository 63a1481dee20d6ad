// SPEC §6 — every row of a file checked into the spool: the rules' context (the course catalog, the certification
// catalog of the file's date) and the one rule that the spool's sink always ends, so that a COPY following it stops.
import { sql } from "drizzle-orm";
import { dbHandle, rowsOf } from "@/db/client";
import { catalogFor } from "@/lib/rules/solutions-partner/certification-catalog";
import { ErrorList, Rejected } from "./errors";
import type { KindSpec, RowContext } from "./kinds";
import { stageRows } from "./rows";

export async function rowContext(spec: KindSpec, dataThrough: string): Promise<RowContext> {
  return {
    courseCode: spec.needsCourses ? await courseCodes() : () => undefined,
    catalog: catalogFor(dataThrough),
  };
}

/** Reads and checks every row into the spool's sink; throws Rejected on a bad file. The sink always ends. */
export async function validate(args: Omit<Parameters<typeof stageRows>[0], "errors">): Promise<number> {
  const errors = new ErrorList();
  let rows = 0;
  try {
    rows = await stageRows({ ...args, errors });
  } finally {
    await args.sink.end(errors.count === 0);
  }
  if (errors.count > 0) throw new Rejected(errors);
  return rows;
}

/**
 * The course catalog is small: loaded once per import, before the transaction, and matched case-insensitively.
 * Courses are never deleted, so a code known here is still known at the merge.
 */
async function courseCodes(): Promise<(upper: string) => string | undefined> {
  const rows = rowsOf<{ code: string }>(await dbHandle().db.execute(sql`select course_code as code from courses`));
  const map = new Map(rows.map((r) => [r.code.toUpperCase(), r.code]));
  return (upper) => map.get(upper);
}
