// SPEC §6, §9 — the spooled rows into the target table, inside the import's transaction. Under the organization's
// import lock: either a first load (the organization has no rows of this kind: plain inserts in key order) or the
// merge by natural key. The staging COPY follows the validator: each batch of rows it has checked is copied into
// staging and, on a first load, inserted at once, so that on PostgreSQL the database inserts while Node still
// checks the later rows. A key repeated within the file is refused with the same row-numbered errors either way.
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

export type Loaded = { rows: number; inserted: number; updated: number; firstLoad: boolean };

/**
 * `validated` = the validator writing into the spool: its row count, or Rejected when the file has errors (then
 * what was inserted rolls back with the transaction). Throws Rejected when a natural key repeats within the file.
 */
export async function loadRows(
  conn: TxConn,
  spec: KindSpec,
  orgId: string | null,
  spool: Spool,
  validated: Promise<number>,
): Promise<Loaded> {
  await conn.query(createStagingSql(spec));
  await conn.query(SORT_MEMORY_SQL);
  const [collation] = await conn.query<{ bytewise: string }>(BYTEWISE_COLLATION_SQL);
  const order: KeyOrder = { bytewise: collation?.bytewise === "true" };
  // From here to the commit, no other import of this organization (or of the shared catalog) runs, so "no rows of
  // this kind" stays true until this one commits.
  const params = spec.shared ? [] : [orgId];
  await conn.query(lockSql(spec), params);
  const firstLoad = !spec.shared && (await conn.query(hasRowsSql(spec), params)).length === 0;
  const insert = firstLoad ? firstLoader(conn, spec, [orgId, 0], order) : null;
  let staged = 0; // blocks copied into staging
  for (;;) {
    const p = spool.progress();
    if (p.done && !p.kept) break; // the file has errors: validated rejects
    if (p.blocks > staged) {
      await copyIntoStaging(conn, spec, spool, staged, p.blocks);
      staged = p.blocks;
      await insert?.through(p.lastRow);
      continue;
    }
    if (p.done) break;
    await spool.changed();
  }
  const rows = await validated;
  if (insert) {
    await insert.finish();
    return { rows, inserted: rows, updated: 0, firstLoad: true };
  }
  await rejectDuplicates(conn, spec);
  const [merged] = await conn.query<{ inserted: number; updated: number }>(mergeSql(spec, order), params);
  return { rows, inserted: Number(merged?.inserted ?? 0), updated: Number(merged?.updated ?? 0), firstLoad: false };
}

async function copyIntoStaging(conn: TxConn, spec: KindSpec, spool: Spool, from: number, to: number): Promise<void> {
  const sink = await conn.copyIn(STAGING, ["_row", ...targetColumns(spec)]);
  let copied = false;
  try {
    await spool.copyBlocks(sink, from, to);
    copied = true;
  } finally {
    await sink.end(copied);
  }
}

/**
 * The first load's inserts, one per batch of staged rows (params = [org id, last row inserted]). No duplicate check
 * beforehand (a hash aggregate over every staged row): a repeated key fails an insert on the primary key; its
 * savepoint then undoes that batch, no later batch is inserted, and once every row is staged the listing names the
 * repeated rows.
 */
function firstLoader(conn: TxConn, spec: KindSpec, params: [string | null, number], order: KeyOrder) {
  let refused: unknown = null;
  return {
    async through(lastRow: number): Promise<void> {
      if (refused) return;
      await conn.query("savepoint import_first_load");
      try {
        await conn.query(firstLoadSql(spec, order), params);
        await conn.query("release savepoint import_first_load");
        params[1] = lastRow;
      } catch (error) {
        if (pgError(error).code !== "23505") throw error;
        await conn.query("rollback to savepoint import_first_load");
        refused = error;
      }
    },
    async finish(): Promise<void> {
      if (!refused) return;
      await rejectDuplicates(conn, spec);
      throw refused; // not a key repeated within the file: unexpected (the org had no rows under the lock)
    },
  };
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
