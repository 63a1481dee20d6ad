// Bench data for the operator's Organizations list (SPEC §10): N small organizations written by
// plain SQL (generate_series), not through the app's verbs and imports — only the rows the list
// reads: organizations, org_status, designations, orders awaiting payment and imports. Row i is a
// function of i alone (hashint4), so two runs at the same N hold the same data, and a larger N
// holds the smaller one's organizations plus more. It runs on PostgreSQL and PGlite alike.
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { type OrgListQuery, orgListQuery } from "@/db/queries/operator-orgs";

export const OP_PARTNER_PREFIX = "OPB-";

/** The list's variants the benchmark loads: unfiltered (25 rows, the default, and 50), a name search, each filter alone. */
export const OP_VARIANTS: { id: string; label: string; params: Record<string, string> }[] = [
  { id: "all", label: "unfiltered, sorted by name", params: {} },
  { id: "all-50", label: "unfiltered, 50 rows per page", params: { size: "50" } },
  { id: "search", label: "search “contoso” (name prefix)", params: { q: "contoso" } },
  { id: "unverified", label: "filter: unverified", params: { filter: "unverified" } },
  { id: "renewal-due", label: "filter: renewal due within 30 days", params: { filter: "renewal-due" } },
  {
    id: "qualified-not-purchased",
    label: "filter: qualified but not purchased",
    params: { filter: "qualified-not-purchased" },
  },
  { id: "awaiting-payment", label: "filter: awaiting payment", params: { filter: "awaiting-payment" } },
  { id: "stale-data", label: "filter: data older than 45 days", params: { filter: "stale-data" } },
];

export const variantQuery = (params: Record<string, string>): OrgListQuery => orgListQuery.parse(params);
export const variantPath = (params: Record<string, string>, base = "/operator"): string => {
  const s = new URLSearchParams(params).toString();
  return s ? `${base}?${s}` : base;
};

/**
 * Adds organizations 1..n with the OPB- partner IDs to a database that has none yet. About: 90 %
 * verified; 80 % with data (org_status and two imports), of which half qualify for Training
 * Services and 30 % 1–3 Solutions Partner areas, data through 15–104 days before today; 30 % hold
 * Training Services and 20 % Solutions Partner (anniversaries over the next year); 5 % have a
 * wire order awaiting payment.
 */
export async function fillOperatorOrgs(db: Db, n: number, today: string): Promise<void> {
  if ((await benchOrgCount(db)) > 0) throw new Error(`this database already holds ${OP_PARTNER_PREFIX} organizations`);
  // r(i, k): a reproducible number in 0..999 per organization i and field k.
  const r = (k: number) => sql.raw(`mod(abs(hashint4(g.i * 31 + ${k})), 1000)`);
  await db.execute(sql`
    insert into organizations (partner_id, name, country, verified)
    select ${OP_PARTNER_PREFIX} || lpad(g.i::text, 6, '0'),
      (array['Contoso','Fabrikam','Northwind','Tailspin','Litware','Adatum','Proseware','Wingtip','Woodgrove',
        'Alpine'])[1 + mod(${r(1)}, 10)] || ' ' || (array['Learning','Consulting','Systems','Training','Cloud'])
        [1 + mod(${r(2)}, 5)] || ' ' || g.i,
      (array['US','DE','FR','GB','NL','JP','BR','IN'])[1 + mod(${r(3)}, 8)],
      ${r(4)} >= 100
    from generate_series(1, ${n}::int) g(i)
  `);
  const orgs = sql`(select o.id, substr(o.partner_id, ${OP_PARTNER_PREFIX.length + 1})::int as i
    from organizations o where o.partner_id like ${`${OP_PARTNER_PREFIX}%`}) g`;
  const day = (offset: SQL) => sql`(${today}::date + (${offset})::int)`;
  await db.execute(sql`
    insert into org_status (org_id, ts_qualified, ts_badges, ts_data_through, sp_areas_qualified, sp_data_through,
      data_through, last_import_at)
    select g.id, ${r(5)} < 500, case when ${r(5)} < 500 then array['training-services'] else '{}'::text[] end,
      ${day(sql`-15 - mod(${r(6)}, 90)`)}, greatest(0, mod(${r(7)}, 10) - 6), ${day(sql`-15 - mod(${r(6)}, 90)`)},
      ${day(sql`-15 - mod(${r(6)}, 90)`)}, ${day(sql`-10 - mod(${r(6)}, 90)`)}::timestamptz
    from ${orgs} where ${r(8)} < 800`);
  await db.execute(sql`
    insert into imports (org_id, kind, file_name, row_count, data_through, imported_by, at)
    select s.org_id, k.kind, 'bench-' || k.kind || '.csv', 100, s.data_through, 'bench', s.last_import_at
    from org_status s join organizations o on o.id = s.org_id
      cross join (values ('courseware-completions'), ('customers')) k(kind)
    where o.partner_id like ${`${OP_PARTNER_PREFIX}%`}`);
  await db.execute(sql`
    insert into designations (org_id, offer, status, anniversary, held_since)
    select g.id, x.offer::offer, 'active', ${day(sql`mod(${r(10)}, 365)`)}, ${day(sql`mod(${r(10)}, 365) - 365`)}
    from ${orgs} cross join (values ('training-services', 0, 300), ('solutions-partner', 500, 700)) x(offer, lo, hi)
    where ${r(9)} >= x.lo and ${r(9)} < x.hi`);
  await db.execute(sql`
    insert into orders (number, org_id, offer, kind, term_start, term_end, amount_minor, currency, method, status,
      idempotency_key, bank_reference, bill_to, placed_by, placed_on, expires_on)
    select 'PMC-B' || lpad(g.i::text, 6, '0'), g.id, 'solutions-partner', 'purchase', ${day(sql`-mod(${r(12)}, 20)`)},
      ${day(sql`365 - mod(${r(12)}, 20)`)}, 50000, 'USD', 'wire_transfer', 'awaiting_payment',
      'bench-op-' || g.i, 'RF00PMCB' || g.i, '{}'::jsonb, 'bench@bench.example', ${day(sql`-mod(${r(12)}, 20)`)},
      ${day(sql`30 - mod(${r(12)}, 20)`)}
    from ${orgs} where ${r(11)} < 50`);
}

/** How many bench organizations the database holds. */
export async function benchOrgCount(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from organizations
      where partner_id like ${`${OP_PARTNER_PREFIX}%`}`),
  );
  return row?.n ?? 0;
}
