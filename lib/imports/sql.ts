// The SQL of an import. Identifiers come from the kind specs (constants), values are
// parameters; user data only ever reaches the database through COPY into the staging table.
import { type KindSpec, type RollupKind, targetColumns } from "./kinds";

export const STAGING = "import_staging";
const q = (id: string) => `"${id}"`;

/** Staging holds text (validated already), so the COPY itself cannot fail on a value. */
export function createStagingSql(spec: KindSpec): string {
  const cols = targetColumns(spec)
    .map((c) => `${q(c)} text`)
    .join(", ");
  return `create temp table ${STAGING} (_row integer not null, ${cols}) on commit drop`;
}

/**
 * The duplicate check and the merge sort the staged rows by key; with PostgreSQL's default 4 MB
 * they spill to disk from a few hundred thousand rows. For this transaction only.
 */
export const SORT_MEMORY_SQL = "set local work_mem = '64MB'";

/**
 * Taken just before the merge (staging needs no lock): imports of one organization run one at a
 * time, so their rollup rebuilds never collide; a course catalog import (which rebuilds every
 * organization's rollup) waits for all of them and they for it.
 */
export function lockSql(spec: KindSpec): string {
  return spec.shared
    ? "select pg_advisory_xact_lock(7243100, 0)::text"
    : "select pg_advisory_xact_lock_shared(7243100, 0)::text, pg_advisory_xact_lock(7243101, hashtext($1))::text";
}

/** Whether any natural key repeats: a hash aggregate, cheaper than the listing below, which only runs when it does. */
export function anyDuplicateSql(spec: KindSpec): string {
  const key = spec.key.map(q).join(", ");
  return `select 1 as found from ${STAGING} group by ${key} having count(*) > 1 limit 1`;
}

/** Later rows whose natural key repeats an earlier row's (at most 100, with the total). */
export function duplicatesSql(spec: KindSpec): string {
  const key = spec.key.map(q).join(", ");
  return `select _row as "row", first_row as "firstRow", ${key}, count(*) over ()::int as total
    from (select _row, ${key}, min(_row) over (partition by ${key}) as first_row from ${STAGING}) d
    where _row <> first_row order by _row limit 100`;
}

/**
 * Whether the database orders text bytewise (C, POSIX, C.UTF-8): then a sort `collate "C"` gives the
 * primary key's own order at half the cost of the collation's comparisons (1M keys: 1.2 s vs 2.3 s).
 */
export const BYTEWISE_COLLATION_SQL = `select (datcollate in ('C', 'POSIX', 'C.UTF-8', 'C.utf8'))::text as bytewise
  from pg_database where datname = current_database()`;

/** How staged rows are put in key order before the insert (the order only buys locality, never correctness). */
export type KeyOrder = { bytewise: boolean };

/**
 * The insert of staging into the target ($1 = org id), in key order: B-tree locality for the primary key; `where`
 * picks the staged rows.
 */
function insertFromStaging(spec: KindSpec, order: KeyOrder, where = ""): string {
  const cols = targetColumns(spec);
  const perOrg = !spec.shared;
  const insertCols = [...(perOrg ? ["org_id"] : []), ...cols].map(q).join(", ");
  const values = [...(perOrg ? ["$1::uuid"] : []), ...cols.map((c) => `s.${q(c)}::${spec.types[c]}`)].join(", ");
  return `insert into ${q(spec.table)} as t (${insertCols}) select ${values} from ${STAGING} s ${where}
      order by ${spec.key.map((k) => `s.${q(k)}${order.bytewise ? ' collate "C"' : ""}`).join(", ")}`;
}

/**
 * Staging → target by natural key. Rows that would not change are left alone (re-importing the
 * same rows writes nothing); xmax = 0 tells an inserted row from an updated one. $1 = org id.
 */
export function mergeSql(spec: KindSpec, order: KeyOrder): string {
  const cols = targetColumns(spec);
  const conflict = [...(spec.shared ? [] : ["org_id"]), ...spec.key].map(q).join(", ");
  const rest = cols.filter((c) => !spec.key.includes(c));
  const set = rest.map((c) => `${q(c)} = excluded.${q(c)}`).join(", ");
  const changed = `(${rest.map((c) => `t.${q(c)}`).join(", ")}) is distinct from (${rest.map((c) => `excluded.${q(c)}`).join(", ")})`;
  return `with merged as (
      ${insertFromStaging(spec, order)}
      on conflict (${conflict}) do update set ${set} where ${changed}
      returning (t.xmax = 0) as inserted)
    select (count(*) filter (where inserted))::int as inserted, (count(*) filter (where not inserted))::int as updated from merged`;
}

/**
 * A first load: the organization has no rows of this kind (hasRowsSql, under lockSql's lock), so
 * every staged row is new and a plain insert does (no conflict to look for: about 30 % faster than
 * the merge on a million rows). A key repeated within the file fails it on the primary key. It runs
 * once per batch of staged rows: those after row $2 of the file.
 */
export function firstLoadSql(spec: KindSpec, order: KeyOrder): string {
  return insertFromStaging(spec, order, "where s._row > $2::int");
}

/** Whether the organization ($1) has any row of this kind. */
export function hasRowsSql(spec: KindSpec): string {
  return `select 1 as found from ${q(spec.table)} where org_id = $1::uuid limit 1`;
}

const ANSWERED = [1, 2, 3, 4, 5].map((n) => `(s.q${n} is not null)::int`).join(" + ");
const ANSWER_SUM = [1, 2, 3, 4, 5].map((n) => `coalesce(s.q${n}, 0)`).join(" + ");

/** A rollup's rows come `from` a relation (with the kind's alias) `where` its filter holds. */
type Source = { from: (table: string, alias: string) => string; where: (alias: string) => string };

const ROLLUP_SELECT: Record<RollupKind, (src: Source) => string> = {
  completion: (src) => `select c.org_id, to_char(c.redeemed_on, 'YYYY-MM'), 'completion', co.category::text,
      coalesce(co.solution_area, ''), count(*)::int, 0, 0
    from ${src.from("courseware_completions", "c")} join courses co on co.course_code = c.course_code ${src.where("c")}
    group by c.org_id, 2, co.category, co.solution_area`,
  voucher: (
    src,
  ) => `select v.org_id, to_char(v.purchased_on, 'YYYY-MM'), 'voucher', v.level::text, '', count(*)::int, 0, 0
    from ${src.from("exam_vouchers", "v")} ${src.where("v")} group by v.org_id, 2, v.level`,
  survey: (src) => `select s.org_id, to_char(s.completed_on, 'YYYY-MM'), 'survey', co.category::text,
      coalesce(co.solution_area, ''), count(*)::int, coalesce(sum(${ANSWER_SUM}), 0)::int, coalesce(sum(${ANSWERED}), 0)::int
    from ${src.from("mtm_surveys", "s")} join courses co on co.course_code = s.course_code ${src.where("s")}
    group by s.org_id, 2, co.category, co.solution_area`,
};

const LINE_ITEMS: Record<RollupKind, string> = {
  completion: "courseware_completions",
  voucher: "exam_vouchers",
  survey: "mtm_surveys",
};

/**
 * Which line items a rollup rebuilds from: one organization's ($1), every organization with line items of the
 * staged courses (after a course catalog import, whose categories and areas may have changed; other
 * organizations' rollups cannot have changed), or — on a first load, when the organization's rows of the kind are
 * exactly the staged ones — the staging table itself, typed like the target. The last reads 1M rows in about a
 * second: the just-inserted target rows have no statistics yet, so the planner expects none for the organization
 * and walks its date index into a random heap order and an on-disk sort (2.2–2.7 s per 1M rows).
 */
export type RollupScope = "org" | "catalog" | { staged: KindSpec };

const affectedOrgs = (kind: RollupKind) =>
  `(select distinct li.org_id from ${LINE_ITEMS[kind]} li where li.course_code in (select course_code from ${STAGING}))`;
const orgFilter = (alias: string) => `where ${alias}.org_id = $1::uuid`;

function rollupSource(kind: RollupKind, scope: RollupScope): Source {
  const table = (name: string, alias: string) => `${name} ${alias}`;
  if (scope === "org") return { from: table, where: orgFilter };
  if (scope === "catalog") {
    return { from: table, where: (alias) => `where ${alias}.org_id in ${affectedOrgs(kind)}` };
  }
  const { types } = scope.staged;
  const typed = Object.keys(types).map((c) => `${q(c)}::${types[c]} as ${q(c)}`);
  return {
    from: (_, alias) => `(select $1::uuid as org_id, ${typed.join(", ")} from ${STAGING}) ${alias}`,
    where: () => "",
  };
}

/** Rebuilds the ts_monthly rows of one kind for the organizations of `scope` ($1 = the organization, unless "catalog"). */
export function rollupSql(kind: RollupKind, scope: RollupScope): { remove: string; insert: string } {
  return {
    remove: `delete from ts_monthly where kind = '${kind}' and org_id ${scope === "catalog" ? `in ${affectedOrgs(kind)}` : "= $1::uuid"}`,
    insert: `insert into ts_monthly (org_id, month, kind, category, solution_area, items, answer_sum, answer_count)
      ${ROLLUP_SELECT[kind](rollupSource(kind, scope))}`,
  };
}
