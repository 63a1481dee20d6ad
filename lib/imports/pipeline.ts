// SPEC §6 — the all-or-nothing streaming import, shared by the web upload and the CLI.
// The upload is received with no transaction open (spool.ts), so that the sender's pace never holds a database
// connection. Then one transaction: every row checked, COPY into staging from the spool as the rows are checked, a
// first load or a merge by natural key (load.ts), the ts_monthly rollup, the imports row, the audit row and the
// after-import hooks. Any error → nothing written. After a large merge, ANALYZE of the target table (after the commit).
import { sql } from "drizzle-orm";
import { type Db, dbHandle } from "@/db/client";
import { imports } from "@/db/schema";
import { bumpDataVersion } from "@/db/writes/data-version";
import { writeAudit } from "@/lib/audit";
import { actorName, type Caller, callerOrgId } from "@/lib/auth/caller";
import { DomainError } from "@/lib/errors";
import { logUnexpected } from "@/lib/log";
import { unsupportedDataThrough } from "@/lib/rules/programs";
import { defaultDataThrough, isValidIsoDate } from "@/lib/rules/time";
import { type ImportKind, successMessage } from "./columns";
import type { ImportInput } from "./csv";
import { ErrorList, type ImportError, InputError, Rejected } from "./errors";
import { show } from "./fields";
import { planHeader } from "./header";
import { type KindSpec, kindSpec } from "./kinds";
import { loadRows } from "./load";
import { assertMayImport } from "./policy";
import { createSpool, type Spool } from "./spool";
import { type RollupScope, rollupSql } from "./sql";
import { inCopyTransaction, type TxConn } from "./tx";
import { rowContext, validate } from "./validate";

export type { ImportInput } from "./csv";
export type { ImportError } from "./errors";

export type AfterImportContext = {
  /** Drizzle bound to the import's transaction: what it writes commits or rolls back with the import. */
  db: Db;
  kind: ImportKind;
  orgId: string | null;
  dataThrough: string;
  today: string;
  importId: number;
  rows: number;
  actor: Caller;
};

export type ImportOptions = {
  kind: ImportKind;
  /** The organization the rows belong to; null for the shared course catalog. */
  orgId: string | null;
  actor: Caller;
  fileName: string;
  input: ImportInput;
  /** YYYY-MM-DD; default: the last day of the month before `today`. */
  dataThrough?: string;
  today: string;
  onProgress?: (rows: number) => void;
  afterImport?: (ctx: AfterImportContext) => Promise<void>;
  /** Run every step and hook, then roll back: what the import would do (the operator's catalog preview, SPEC §10). */
  dryRun?: boolean;
};

/** Thrown after a dry run's last step so that its transaction rolls back; carries the would-be result. */
class DryRunDone extends Error {
  constructor(readonly result: ImportSuccess) {
    super("dry run");
  }
}

export type ImportSuccess = {
  ok: true;
  kind: ImportKind;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  dataThrough: string;
  importId: number;
  message: string;
};
export type ImportFailure = {
  ok: false;
  errors: ImportError[];
  errorCount: number;
  message: string;
  /** true when the failure was ours (database down…), not the file's. */
  internal?: boolean;
};
export type ImportResult = ImportSuccess | ImportFailure;

const NOTHING = "Nothing was imported.";

export async function importCsv(options: ImportOptions): Promise<ImportResult> {
  assertMayImport(options.actor, options.kind);
  const spec = kindSpec(options.kind);
  if (spec.shared && options.orgId !== null)
    throw new DomainError("The course catalog is shared by all organizations: import it without an organization.");
  // A token acts for its organization only, never on what every organization shares.
  if (spec.shared && options.actor.kind === "token")
    throw new DomainError(
      "The course catalog is maintained by the operator: an API token cannot import it.",
      undefined,
      "forbidden",
    );
  if (!spec.shared && !options.orgId) throw new DomainError(`An import of ${spec.kind} needs an organization.`);
  const dataThrough = options.dataThrough || defaultDataThrough(options.today);
  if (!isValidIsoDate(dataThrough)) {
    return failure(
      list({
        row: 0,
        column: "data_through",
        message: `${show(dataThrough)} is not a valid "data through" date (expected YYYY-MM-DD).`,
      }),
    );
  }
  const tooEarly = unsupportedDataThrough(spec.kind, dataThrough);
  if (tooEarly) return failure(list({ row: 0, column: "data_through", message: tooEarly }));
  const fileName = cleanFileName(options.fileName);
  const o = { ...options, fileName, dataThrough };
  let result: ImportSuccess;
  let spool: Spool | undefined;
  try {
    spool = await createSpool();
    result = await load(spool, spec, o);
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    if (error instanceof Rejected) return failure(error.list);
    if (error instanceof InputError) return failure(list({ row: 0, message: error.message }));
    if (error instanceof DomainError) return failure(list({ row: 0, message: error.message })); // from a hook
    const ref = logUnexpected(error, { op: "import", kind: spec.kind, orgId: options.orgId, fileName });
    return {
      ...failure(list({ row: 0, message: `The import failed on our side (reference ${ref}). ${NOTHING}` })),
      internal: true,
    };
  } finally {
    await spool?.remove().catch((error) => logUnexpected(error, { op: "import-spool-remove" }));
  }
  if (needsAnalyze(result)) await analyze(spec);
  return result;
}

/** Rows an import must insert or update before it runs ANALYZE on its table. */
export const ANALYZE_AFTER_ROWS = 10_000;

export function needsAnalyze(r: Pick<ImportSuccess, "inserted" | "updated">): boolean {
  return r.inserted + r.updated > ANALYZE_AFTER_ROWS;
}

/**
 * SPEC §9 (fast at any size): without fresh statistics the planner believes an organization that has just imported
 * a million rows still has none, until autovacuum gets to the table (a minute or more), and picks
 * plans that cost seconds per query (the download's keyset pages: 0.8–1.3 s instead of 15–50 ms).
 * Run after the commit, on the pool (PostgreSQL) or the one connection (PGlite): inside the
 * transaction it would hold the table's SHARE UPDATE EXCLUSIVE lock until the commit, making
 * concurrent large imports into the same table wait for each other. The import is committed
 * already, so a failure here is logged, not reported.
 */
async function analyze(spec: KindSpec): Promise<void> {
  try {
    await dbHandle().db.execute(sql.raw(`analyze "${spec.table}"`));
  } catch (error) {
    logUnexpected(error, { op: "import-analyze", table: spec.table });
  }
}

type Options = ImportOptions & { dataThrough: string };

/**
 * On PostgreSQL the upload is first received whole into the spool (no connection held while the sender sends), then
 * checked inside the transaction while the database already inserts the rows checked so far (load.ts): Node and the
 * database work at once. The embedded database runs in this thread, so there the rows are checked first, at the
 * sender's pace, and the transaction (which every other request waits for) only loads them.
 */
async function load(spool: Spool, spec: KindSpec, o: Options): Promise<ImportSuccess> {
  const { driver } = dbHandle();
  const ctx = await rowContext(spec, o.dataThrough);
  const check = (input: ImportInput, signal?: AbortSignal) =>
    validate({ input, spec, ctx, sink: spool.sink, onProgress: o.onProgress, signal });
  if (driver.kind === "pglite") {
    const validated = Promise.resolve(await check(o.input));
    return inCopyTransaction(driver, (conn) => run(conn, spec, o, spool, validated));
  }
  const input = await spool.receive(o.input, (record) => {
    const planned = planHeader(spec, record);
    if ("errors" in planned) throw new Rejected(ErrorList.of(planned.errors));
  });
  const stop = new AbortController();
  const validated = check(input, stop.signal);
  validated.catch(() => {}); // awaited in the transaction, or below when the transaction fails first
  try {
    return await inCopyTransaction(driver, (conn) => run(conn, spec, o, spool, validated));
  } finally {
    stop.abort(new Error("import stopped"));
    await validated.catch(() => {});
  }
}

async function run(
  conn: TxConn,
  spec: KindSpec,
  o: Options,
  spool: Spool,
  validated: Promise<number>,
): Promise<ImportSuccess> {
  const merged = await loadRows(conn, spec, o.orgId, spool, validated);
  const { rows } = merged;
  const params = spec.shared ? [] : [o.orgId];
  const scope: RollupScope = spec.shared ? "catalog" : merged.firstLoad ? { staged: spec } : "org";
  for (const kind of spec.rollup) {
    const sql = rollupSql(kind, scope);
    await conn.query(sql.remove, params);
    await conn.query(sql.insert, params);
  }
  const [row] = await conn.db
    .insert(imports)
    .values({
      orgId: o.orgId,
      kind: spec.kind,
      fileName: o.fileName,
      rowCount: rows,
      dataThrough: o.dataThrough,
      importedBy: actorName(o.actor),
    })
    .returning({ id: imports.id });
  const importId = row!.id;
  const { inserted, updated } = merged;
  await writeAudit(conn.db, {
    orgId: o.orgId ?? callerOrgId(o.actor), // a catalog import is audited in the importer's org
    actor: o.actor,
    action: "import",
    detail: { kind: spec.kind, fileName: o.fileName, rows, inserted, updated, dataThrough: o.dataThrough, importId },
  });
  await o.afterImport?.({
    db: conn.db,
    kind: spec.kind,
    orgId: o.orgId,
    dataThrough: o.dataThrough,
    today: o.today,
    importId,
    rows,
    actor: o.actor,
  });
  // Last, so the organization's row is locked only for the commit (offers verbs lock it too). A catalog import is
  // versioned by its own imports row (db/queries/data-version.ts).
  if (o.orgId) await bumpDataVersion(conn.db, o.orgId);
  const result: ImportSuccess = {
    ok: true,
    kind: spec.kind,
    rows,
    inserted,
    updated,
    unchanged: rows - inserted - updated,
    dataThrough: o.dataThrough,
    importId,
    message: successMessage(rows, o.dataThrough),
  };
  if (o.dryRun) throw new DryRunDone(result);
  return result;
}

const list = (error: ImportError): ErrorList => ErrorList.of([error]);

function failure(errors: ErrorList): ImportFailure {
  return { ok: false, errors: errors.items, errorCount: errors.count, message: NOTHING };
}

/** The name as shown in the history: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return clean || "upload.csv";
}
