// SPEC §6, §9 — the spooled rows into the target table, inside the import's transaction: COPY into
// staging, then, under the organization's import lock, either a first load (the organization has
// no rows of this kind: a plain insert in key order) or the merge by natural key. A key repeated
// within the file is refused with the same row-numbered errors either way.
import { pgError } from "@/db/transaction";
import { ErrorList, Rejected } from "./errors";
import { show } from "./fields";
import { type KindSpec, targetColumns } from "./kinds";
import type { Spool } from "./spool";
import {
  anyDuplicateSql,
  BYTEWISE_COLLATION_SQL,
  createStagingSql,
  duplicatesSql,
  firstLoadSql,
  hasRowsSql,
  type KeyOrder,
  lockSql,
  mergeSql,
  SORT_MEMORY_SQL,
  STAGING,
} from "./sql";
import type { TxConn } from "./tx";

export type Loaded = { inserted: number; updated: number; firstLoad: boolean };

/** `rows` = the rows in the spool. Throws Rejected when a natural key repeats within the file. */
export async function loadRows(conn: TxConn, spec: KindSpec, orgId: string | null, spool: Spool, rows: number) {
  await conn.query(createStagingSql(spec));
  await conn.query(SORT_MEMORY_SQL);
  const sink = await conn.copyIn(STAGING, ["_row", ...targetColumns(spec)]);
  let copied = false;
  try {
    await spool.copyInto(sink);
    copied = true;
  } finally {
    await sink.end(copied);
  }
  // Staging needs no lock; from here to the commit, no other import of this organization (or of
  // the shared catalog) runs, so "no rows of this kind" stays true until this one commits.
  const params = spec.shared ? [] : [orgId];
  const [collation] = await conn.query<{ bytewise: string }>(BYTEWISE_COLLATION_SQL);
  const order: KeyOrder = { bytewise: collation?.bytewise === "true" };
  await conn.query(lockSql(spec), params);
  if (!spec.shared && (await conn.query(hasRowsSql(spec), params)).length === 0) {
    await firstLoad(conn, spec, params, order);
    return { inserted: rows, updated: 0, firstLoad: true } satisfies Loaded;
  }
  await rejectDuplicates(conn, spec);
  const [merged] = await conn.query<{ inserted: number; updated: number }>(mergeSql(spec, order), params);
  return { inserted: Number(merged?.inserted ?? 0), updated: Number(merged?.updated ?? 0), firstLoad: false };
}

/**
 * No duplicate check beforehand (a hash aggregate over every staged row): a repeated key fails the
 * insert on the primary key; the savepoint then undoes it and the listing below names the rows.
 */
async function firstLoad(conn: TxConn, spec: KindSpec, params: unknown[], order: KeyOrder): Promise<void> {
  await conn.query("savepoint import_first_load");
  try {
    await conn.query(firstLoadSql(spec, order), params);
  } catch (error) {
    if (pgError(error).code !== "23505") throw error;
    await conn.query("rollback to savepoint import_first_load");
    await rejectDuplicates(conn, spec);
    throw error; // not a key repeated within the file: unexpected (the org had no rows under the lock)
  }
  await conn.query("release savepoint import_first_load");
}

async function rejectDuplicates(conn: TxConn, spec: KindSpec): Promise<void> {
  if ((await conn.query(anyDuplicateSql(spec))).length === 0) return;
  const dups = await conn.query<Record<string, string> & { row: number; firstRow: number; total: number }>(
    duplicatesSql(spec),
  );
  if (dups.length === 0) return;
  const errors = new ErrorList();
  for (const d of dups) {
    const values = spec.key.map((k) => show(d[k] ?? "")).join(", ");
    errors.add({
      row: d.row,
      column: spec.key.join(", "),
      message: `Same ${spec.key.join(" + ")} as row ${d.firstRow} (${values}): each appears once per file.`,
    });
  }
  errors.count = Number(dups[0]!.total);
  throw new Rejected(errors);
}
