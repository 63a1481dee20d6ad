import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { csvCellsSql } from "@/lib/csv";
import { type AreaSlug, isAreaSlug } from "@/lib/rules/areas";
import type { Window } from "@/lib/rules/time";

// The line items behind a Training Services criterion, in the window, in key order: on PostgreSQL
// as one `COPY (select …) TO STDOUT` (tsLineItemCsvSql, streamed by lib/csv.ts csvCopyResponse),
// on PGlite in pages (keyset by natural key); both stream a million rows with bounded memory and
// give the same bytes (tests/csv-download.test.ts).
export type TsLineItemKind = "courseware" | "exam-vouchers" | "surveys";

export const TS_LINE_ITEM_COLUMNS: Record<TsLineItemKind, string[]> = {
  courseware: ["achievement_code", "course_code", "redeemed_on"],
  "exam-vouchers": ["voucher_id", "exam_code", "level", "purchased_on"],
  surveys: ["survey_id", "course_code", "completed_on", "q1", "q2", "q3", "q4", "q5"],
};

const KEYS = ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"];

/** One page of rows as arrays, read without Drizzle's per-field row mapping (SPEC §9, fast at any size: for a 1M-row
 * download that mapping was a quarter of the server's CPU). Dates come as text (YYYY-MM-DD). */
async function page(db: Db, query: SQL, width: number): Promise<unknown[][]> {
  const keys = KEYS.slice(0, width);
  return rowsOf<Record<string, unknown>>(await db.execute(query)).map((r) => keys.map((k) => r[k]));
}

export async function* tsLineItemPages(
  db: Db,
  orgId: string,
  kind: TsLineItemKind,
  window: Pick<Window, "start" | "end">,
  area: AreaSlug | null,
  pageSize = 5000,
): AsyncGenerator<unknown[][]> {
  const fetchPage = (last: string): Promise<unknown[][]> => {
    if (kind === "courseware") {
      return page(
        db,
        sql`select t.achievement_code as c0, t.course_code as c1, t.redeemed_on::text as c2
        from courseware_completions t
        where t.org_id = ${orgId} and t.redeemed_on between ${window.start}::date and ${window.end}::date and t.achievement_code > ${last}
        order by t.achievement_code limit ${pageSize}`,
        3,
      );
    }
    if (kind === "exam-vouchers") {
      return page(
        db,
        sql`select t.voucher_id as c0, t.exam_code as c1, t.level::text as c2, t.purchased_on::text as c3
        from exam_vouchers t
        where t.org_id = ${orgId} and t.purchased_on between ${window.start}::date and ${window.end}::date and t.voucher_id > ${last}
        order by t.voucher_id limit ${pageSize}`,
        4,
      );
    }
    return page(
      db,
      sql`select t.survey_id as c0, t.course_code as c1, t.completed_on::text as c2,
        t.q1::int as c3, t.q2::int as c4, t.q3::int as c5, t.q4::int as c6, t.q5::int as c7
      from mtm_surveys t join courses co on co.course_code = t.course_code
      where t.org_id = ${orgId} and t.completed_on between ${window.start}::date and ${window.end}::date and t.survey_id > ${last}
        and co.category <> 'fundamentals'${area ? sql` and co.solution_area = ${area}` : sql``}
      order by t.survey_id limit ${pageSize}`,
      8,
    );
  };
  let next: Promise<unknown[][]> | null = fetchPage("");
  while (next) {
    const rows = await next;
    next = null;
    if (rows.length === 0) return;
    if (rows.length === pageSize) {
      // Read ahead: the database fetches the next page while the caller writes this one out (at
      // most two pages in memory). An abandoned read-ahead's error is dropped; an awaited one throws.
      next = fetchPage(String(rows[rows.length - 1]![0]));
      next.catch(() => {});
    }
    yield rows;
  }
}

// COPY takes no bind parameters: the values go in as literals, each checked to be what it claims.
function literal(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) throw new Error(`not a ${what}: ${JSON.stringify(value)}`);
  return `'${value}'`;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The same rows as tsLineItemPages, in the same order, as the select of csvCopyResponse (cells
 * formula-neutralized in SQL by csvCellsSql, quoted by COPY). The cells are computed over a
 * subquery that selects and orders the plain columns (a subquery with ORDER BY is planned on its
 * own): planned with the cell expressions, whose width makes a parallel sequential scan + sort look
 * cheaper, the COPY sent its first byte only after sorting every row (4 s for 1M rows); this way
 * it gets the plain query's plan (the primary key's index scan) and streams from the first row.
 */
export function tsLineItemCsvSql(
  orgId: string,
  kind: TsLineItemKind,
  window: Pick<Window, "start" | "end">,
  area: AreaSlug | null,
): string {
  const org = `${literal(orgId, UUID, "uuid")}::uuid`;
  const between = `between ${literal(window.start, DATE, "date")}::date and ${literal(window.end, DATE, "date")}::date`;
  // A { date } column goes out as COPY writes a date: never NULL, never a formula (the import
  // takes YYYY-MM-DD only), so it needs no per-cell check (a third of a courseware row's cells).
  const select = (columns: (string | { date: string })[], from: string) => {
    const exprs = columns.map((c) => (typeof c === "string" ? c : c.date));
    const cells = exprs.map((c, i) => `${c} as c${i}`).join(", ");
    const out = columns.map((c, i) => (typeof c === "string" ? csvCellsSql([`s.c${i}`]) : `s.c${i}`)).join(", ");
    return `select ${out} from (select ${cells} ${from} order by c0) s order by s.c0`;
  };
  if (kind === "courseware") {
    return select(
      ["t.achievement_code", "t.course_code", { date: "t.redeemed_on" }],
      `from courseware_completions t where t.org_id = ${org} and t.redeemed_on ${between}`,
    );
  }
  if (kind === "exam-vouchers") {
    return select(
      ["t.voucher_id", "t.exam_code", "t.level::text", { date: "t.purchased_on" }],
      `from exam_vouchers t where t.org_id = ${org} and t.purchased_on ${between}`,
    );
  }
  if (area !== null && !isAreaSlug(area)) throw new Error(`not a solution area: ${JSON.stringify(area)}`);
  return select(
    [
      "t.survey_id",
      "t.course_code",
      { date: "t.completed_on" },
      "t.q1::text",
      "t.q2::text",
      "t.q3::text",
      "t.q4::text",
      "t.q5::text",
    ],
    `from mtm_surveys t join courses co on co.course_code = t.course_code
    where t.org_id = ${org} and t.completed_on ${between} and co.category <> 'fundamentals'${area ? ` and co.solution_area = '${area}'` : ""}`,
  );
}
