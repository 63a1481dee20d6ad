// SPEC §10 Organizations list: every organization with its programs' summary (org_status), its
// designations, renewal due, orders awaiting payment and last import. Filtered, searched, sorted
// and paged in one SQL statement; the filters and the search each have an index (EXPLAIN in the
// operator notes). The CSV export reads the same rows, filters and order without the page.
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, rowsOf } from "@/db/client";
import type { JsonProp } from "@/lib/json-prop";
import { type PackedOrgRow, SHOWN_ORG_FIELDS } from "@/lib/operator/org-row-fields";
import { addDays } from "@/lib/rules/time";

export const ORG_FILTERS = {
  unverified: "Unverified",
  "renewal-due": "Renewal due within 30 days",
  "qualified-not-purchased": "Qualified but not purchased",
  "awaiting-payment": "Awaiting payment",
  "stale-data": "Data older than 45 days",
} as const;
export type OrgFilter = keyof typeof ORG_FILTERS;

export const ORG_SORTS = {
  name: "Name",
  "partner-id": "Partner ID",
  country: "Country",
  "data-through": "Data through",
  "last-import": "Last import",
  "renewal-due": "Renewal due",
  awaiting: "Awaiting payment",
} as const;
export type OrgSort = keyof typeof ORG_SORTS;
/** Rows per page the operator can choose; the first is the default (a page fits a screen or two, SPEC §9 fast pages). */
export const ORG_PAGE_SIZES = [25, 50, 100] as const;
export type OrgPageSize = (typeof ORG_PAGE_SIZES)[number];
export const DEFAULT_ORG_PAGE_SIZE: OrgPageSize = ORG_PAGE_SIZES[0];

const filterKeys = Object.keys(ORG_FILTERS) as [OrgFilter, ...OrgFilter[]];
const sortKeys = Object.keys(ORG_SORTS) as [OrgSort, ...OrgSort[]];

/** The list's query string, parsed at the boundary: anything unknown falls back to the default. */
export const orgListQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  filter: z
    .union([z.enum(filterKeys), z.array(z.enum(filterKeys))])
    .transform((f) => (Array.isArray(f) ? [...new Set(f)] : [f]))
    .catch([]),
  sort: z.enum(sortKeys).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .refine((n): n is OrgPageSize => (ORG_PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_ORG_PAGE_SIZE),
});
export type OrgListQuery = z.infer<typeof orgListQuery>;

export type OrgListRow = {
  id: string;
  partnerId: string;
  name: string;
  country: string;
  verified: boolean;
  tsQualified: boolean | null;
  tsBadges: string[];
  tsDataThrough: string | null;
  spAreasQualified: number | null;
  spDataThrough: string | null;
  dataThrough: string | null;
  lastImportAt: string | null;
  held: { offer: string; anniversary: string }[];
  renewalDue: string | null;
  awaiting: number;
};

const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(q: OrgListQuery, today: string): SQL[] {
  const soon = addDays(today, 30);
  const where: SQL[] = [];
  if (q.q) {
    // Prefix matches, so that each side uses its text_pattern_ops index.
    where.push(sql`(lower(o.name) like ${likePrefix(q.q.toLowerCase())} or o.partner_id like ${likePrefix(q.q)})`);
  }
  const heldActive = (org: SQL, offer: string) =>
    sql`exists (select 1 from designations d where d.org_id = ${org} and d.offer = ${offer} and d.status = 'active' and d.anniversary >= ${today})`;
  for (const f of q.filter) {
    if (f === "unverified") where.push(sql`not o.verified`);
    if (f === "renewal-due")
      where.push(
        sql`exists (select 1 from designations d where d.org_id = o.id and d.status = 'active' and d.anniversary between ${today} and ${soon})`,
      );
    if (f === "qualified-not-purchased")
      // A union of two anti-joins, each on its partial index, instead of an OR that runs both
      // subqueries for every organization. `is true` keeps it a hashed subplan (built once, a hash
      // probe per row), so the page can still walk the name index and stop after a page of rows.
      where.push(sql`(o.id in (
        select q.org_id from org_status q where q.ts_qualified and not ${heldActive(sql`q.org_id`, "training-services")}
        union all
        select q.org_id from org_status q where q.sp_areas_qualified > 0
          and not ${heldActive(sql`q.org_id`, "solutions-partner")})) is true`);
    if (f === "awaiting-payment")
      where.push(sql`exists (select 1 from orders w where w.org_id = o.id and w.status = 'awaiting_payment')`);
    if (f === "stale-data") where.push(sql`s.data_through < ${addDays(today, -45)}`);
  }
  return where;
}

function orderBy(q: OrgListQuery): SQL {
  const dir = sql.raw(q.dir === "desc" ? "desc" : "asc");
  const key: Record<OrgSort, SQL> = {
    name: sql`o.name`,
    "partner-id": sql`o.partner_id`,
    country: sql`o.country`,
    "data-through": sql`s.data_through`,
    "last-import": sql`s.last_import_at`,
    "renewal-due": sql`r.renewal_due`,
    awaiting: sql`a.awaiting`,
  };
  return sql`${key[q.sort]} ${dir} nulls last, o.name, o.id`;
}

const whereOf = (where: SQL[]) => (where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``);

/** Each field of a row as SQL over the statement's FROM (`from`), under its name in `OrgListRow`. */
const COLUMNS: Record<keyof OrgListRow, SQL> = {
  id: sql`o.id`,
  partnerId: sql`o.partner_id`,
  name: sql`o.name`,
  country: sql`o.country`,
  verified: sql`o.verified`,
  tsQualified: sql`s.ts_qualified`,
  tsBadges: sql`coalesce(s.ts_badges, '{}')`,
  tsDataThrough: sql`s.ts_data_through::text`,
  spAreasQualified: sql`s.sp_areas_qualified::int`,
  spDataThrough: sql`s.sp_data_through::text`,
  dataThrough: sql`s.data_through::text`,
  lastImportAt: sql`to_char(s.last_import_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI')`,
  held: sql`h.held`,
  renewalDue: sql`r.renewal_due`,
  awaiting: sql`a.awaiting`,
};

/** A page row: the shown fields as one JSON array, in `SHOWN_ORG_FIELDS` order (lib/operator/org-row-fields.ts). */
const PACKED_ROW = sql`json_build_array(${sql.join(
  SHOWN_ORG_FIELDS.map((f) => COLUMNS[f]),
  sql`, `,
)})::text`;

/** An export row: every field as a column named as in `OrgListRow`. */
const NAMED_COLUMNS = sql.join(
  Object.entries(COLUMNS).map(([name, column]) => sql`${column} as ${sql.identifier(name)}`),
  sql`, `,
);

// The designations and orders of a row are lateral subqueries, so that the select list (columns, or one JSON array
// per row) and the sort read the same values. Under a page's limit on an index order, PostgreSQL runs them for the
// page's rows only (a nested loop under the Limit).
function from(q: OrgListQuery, today: string): SQL {
  const soon = addDays(today, 30);
  return sql`from organizations o
    left join org_status s on s.org_id = o.id
    cross join lateral (select coalesce(json_agg(json_build_object('offer', d.offer, 'anniversary', d.anniversary::text)
        order by d.offer), '[]'::json) as held
      from designations d where d.org_id = o.id and d.status = 'active' and d.anniversary >= ${today}) h
    cross join lateral (select min(d.anniversary)::text as renewal_due from designations d
      where d.org_id = o.id and d.status = 'active' and d.anniversary between ${today} and ${soon}) r
    cross join lateral (select count(*)::int as awaiting from orders w
      where w.org_id = o.id and w.status = 'awaiting_payment') a
    ${whereOf(conditions(q, today))}`;
}

function countStatement(q: OrgListQuery, today: string): SQL {
  const where = conditions(q, today);
  // Unfiltered, the count needs no join: an index-only scan of organizations.
  if (!where.length) return sql`select count(*)::int as total from organizations o`;
  return sql`select count(*)::int as total from organizations o left join org_status s on s.org_id = o.id
    ${whereOf(where)}`;
}

type Raw = Omit<OrgListRow, "held"> & { held: OrgListRow["held"] | string }; // json: parsed by postgres.js, text on PGlite

// Each field named: a rest spread (`{ a, ...rest }`) of a 15-column row takes V8's slow generic copy.
function toRow(r: Raw): OrgListRow {
  return {
    id: r.id,
    partnerId: r.partnerId,
    name: r.name,
    country: r.country,
    verified: r.verified,
    tsQualified: r.tsQualified,
    tsBadges: r.tsBadges,
    tsDataThrough: r.tsDataThrough,
    spAreasQualified: r.spAreasQualified,
    spDataThrough: r.spDataThrough,
    dataThrough: r.dataThrough,
    lastImportAt: r.lastImportAt,
    held: typeof r.held === "string" ? JSON.parse(r.held) : r.held,
    renewalDue: r.renewalDue,
    awaiting: r.awaiting,
  };
}

export type OrgListPage = { rows: JsonProp<PackedOrgRow[]>; shown: number; total: number; pages: number };

/**
 * One page of the list: its rows as PostgreSQL packed them, one JSON array each (lib/operator/org-row-fields.ts),
 * joined into one JSON text the page hands to the browser unparsed. The total rides on the page as an uncorrelated
 * scalar subquery (PostgreSQL runs it once, an InitPlan): one round trip, not two. Not a window count
 * (count(*) over ()): that would run every selected row's lateral subqueries, where the page needs 25 to 100.
 */
export async function listOrganizations(db: Db, q: OrgListQuery, today: string): Promise<OrgListPage> {
  const raw = rowsOf<{ total: number; packed: string }>(
    await db.execute(sql`select (${countStatement(q, today)}) as total, ${PACKED_ROW} as packed ${from(q, today)}
      order by ${orderBy(q)} limit ${q.size} offset ${(q.page - 1) * q.size}`),
  );
  // An empty page (nothing selected, or a page past the end) has no row to carry the total.
  const total = raw[0]?.total ?? rowsOf<{ total: number }>(await db.execute(countStatement(q, today)))[0]?.total ?? 0;
  const rows = `[${raw.map((r) => r.packed).join(",")}]` as JsonProp<PackedOrgRow[]>;
  return { rows, shown: raw.length, total, pages: Math.max(1, Math.ceil(total / q.size)) };
}

/** Every organization the filters and search select, for the CSV export (no page). */
export async function listOrganizationsForExport(db: Db, q: OrgListQuery, today: string): Promise<OrgListRow[]> {
  return rowsOf<Raw>(await db.execute(sql`select ${NAMED_COLUMNS} ${from(q, today)} order by ${orderBy(q)}`)).map(
    toRow,
  );
}
