import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import type { InputRequest, InputValues } from "@/lib/rules/solutions-partner/inputs";
import { endOfMonth, shiftMonth, windowFor } from "@/lib/rules/time";

// SPEC §4.4 values, computed in SQL: one query per request kind, each answering every request
// of that kind at once through a VALUES list (so a page costs six queries, not sixty).
// Each query reads the organization's line items once (SPEC §9, fast at any size): rows are first reduced to one
// per counted thing (customer, deployment, Azure service) carrying a bit mask of the associations
// it has at each date, those are counted per (area, masks), and every request sums the counts whose
// mask meets its own. No COUNT(DISTINCT) per request and no join filter evaluated per request × row.
type Req<K extends InputRequest["kind"]> = Extract<InputRequest, { kind: K }>;
const assocs = (list: readonly string[]) => list.join("+");

const ASSOCIATION_BITS: Record<string, number> = { cpor: 1, dpor: 2, csp: 4, pal: 8 };
/** The request's associations as a bit mask (an unknown association matches nothing). */
const maskOf = (list: readonly string[]) => list.reduce((m, a) => m | (ASSOCIATION_BITS[a] ?? 0), 0);
/** The bit of a row's association, in SQL. */
const associationBit = (alias: string) =>
  sql.raw(
    `(case ${alias}.association::text ${Object.entries(ASSOCIATION_BITS)
      .map(([a, b]) => `when '${a}' then ${b}`)
      .join(" ")} else 0 end)`,
  );

function valuesList(rows: SQL[]): SQL {
  return sql.join(rows, sql`, `);
}

async function run<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

export type SpDates = {
  dataThrough: string;
  end: string;
  start: string;
  windowStart: string;
  months: string[];
  lastMonth: string;
  yearEarlierMonth: string;
  /**
   * The day certifications must still be valid and counting on: data_through, or the day after the
   * 90-day horizon when asking who would remain (SPEC §4.6). Certifications are always those earned
   * on or before data_through: one earned later never offsets one that expires.
   */
  certificationsValidOn?: string;
};

export function spDates(dataThrough: string): SpDates {
  const w = windowFor(dataThrough);
  return {
    dataThrough,
    end: endOfMonth(w.lastMonth),
    start: endOfMonth(shiftMonth(w.lastMonth, -12)),
    windowStart: w.start,
    months: w.months,
    lastMonth: w.lastMonth,
    yearEarlierMonth: w.yearEarlierMonth,
  };
}

export async function loadSpInputs(db: Db, orgId: string, requests: InputRequest[], d: SpDates): Promise<InputValues> {
  const by = <K extends InputRequest["kind"]>(k: K) => requests.filter((r): r is Req<K> => r.kind === k);
  const out: InputValues = {};
  const customers = by("customers");
  const certs = by("certifications");
  const usage = by("usage");
  const deployments = by("deployments");
  const azure = by("azure-services");
  const mix = by("segment-mix");
  const eligibleAt = (day: string) =>
    sql`c.eligible_from <= ${day}::date and (c.eligible_until is null or c.eligible_until > ${day}::date)`;
  const activeAt = (day: string) =>
    sql`x.deployed_on <= ${day}::date and (x.removed_on is null or x.removed_on > ${day}::date)`;

  const tasks: Promise<void>[] = [];
  if (customers.length)
    tasks.push(
      run<{ key: string; at_end: number; at_start: number }>(
        db,
        sql`
    with req(key, area, segment, mask) as (values ${valuesList(customers.map((r) => sql`(${r.key}, ${r.area}, ${r.segment}, ${maskOf(r.associations)}::int)`))}),
    per_customer as (
      select c.solution_area as area, c.segment::text as segment,
        bit_or(${associationBit("c")}) filter (where ${eligibleAt(d.end)}) as at_end,
        bit_or(${associationBit("c")}) filter (where ${eligibleAt(d.start)}) as at_start
      from customers c where c.org_id = ${orgId} and (${eligibleAt(d.end)} or ${eligibleAt(d.start)})
      group by c.solution_area, c.segment, c.customer_id),
    cust as (select area, segment, at_end, at_start, count(*) as n from per_customer group by 1, 2, 3, 4)
    select req.key, coalesce(sum(cust.n) filter (where cust.at_end & req.mask <> 0), 0)::int as at_end,
           coalesce(sum(cust.n) filter (where cust.at_start & req.mask <> 0), 0)::int as at_start
    from req left join cust on cust.area = req.area and cust.segment = req.segment
    group by req.key`,
      ).then((rows) => rows.forEach((r) => (out[r.key] = { atEnd: Number(r.at_end), atStart: Number(r.at_start) }))),
    );
  if (certs.length) {
    // SPEC §4.3 corrections: one row per (request, credential, exam list, exam). A person holds a
    // credential when every exam of one of its lists is valid; the credential counts through its
    // counts-until day. Exam codes are unique per person (the table's key), so count(*) = exams held.
    const validOn = d.certificationsValidOn ?? d.dataThrough;
    const wanted = certs.flatMap((r) =>
      r.credentials.flatMap((c) =>
        c.earnedBy.flatMap((list, alt) =>
          list.map(
            (exam) => sql`(${r.key}, ${c.code}, ${alt}::int, ${exam}, ${list.length}::int, ${c.countsUntil}::date)`,
          ),
        ),
      ),
    );
    tasks.push(
      run<{ key: string; persons: number }>(
        db,
        sql`
    with req(key) as (values ${valuesList(certs.map((r) => sql`(${r.key})`))}),
    wanted(key, credential, alt, code, exams, counts_until) as (values ${valuesList(wanted.length ? wanted : [sql`('', '', 0, '', 1, null::date)`])}),
    held as (select p.person_id, p.certification_code as code from certifications p where p.org_id = ${orgId}
      and p.earned_on <= ${d.dataThrough}::date and (p.expires_on is null or p.expires_on >= ${validOn}::date)),
    holds as (
      select wanted.key, held.person_id from wanted join held on held.code = wanted.code
      where wanted.counts_until is null or wanted.counts_until >= ${validOn}::date
      group by wanted.key, wanted.credential, wanted.alt, wanted.exams, held.person_id
      having count(*) = wanted.exams)
    select req.key, count(distinct holds.person_id)::int as persons
    from req left join holds on holds.key = req.key
    group by req.key`,
      ).then((rows) => rows.forEach((r) => (out[r.key] = { persons: Number(r.persons) }))),
    );
  }
  if (usage.length)
    tasks.push(
      run<{ key: string; current: string; year_earlier: string; window_total: string }>(
        db,
        sql`
    with req(key, area, measure, assocs) as (values ${valuesList(usage.map((r) => sql`(${r.key}, ${r.area}, ${r.measure}, ${assocs(r.associations)})`))})
    select req.key,
      coalesce(sum(u.value) filter (where u.month = ${d.lastMonth}), 0)::text as current,
      coalesce(sum(u.value) filter (where u.month = ${d.yearEarlierMonth}), 0)::text as year_earlier,
      coalesce(sum(u.value) filter (where u.month between ${d.months[0]!} and ${d.lastMonth}), 0)::text as window_total
    from req left join usage u on u.org_id = ${orgId} and u.solution_area = req.area and u.measure = req.measure
      and u.association::text = any(string_to_array(req.assocs, '+'))
    group by req.key`,
      ).then((rows) =>
        rows.forEach(
          (r) => (out[r.key] = { current: r.current, yearEarlier: r.year_earlier, windowTotal: r.window_total }),
        ),
      ),
    );
  if (deployments.length) {
    // SPEC §4.3 corrections: Business Applications counts a (customer, workload) pair only through
    // its workload family's associations (`ovr`: the mask per request and workload, else the
    // request's); Modern Work and Security count customers (tenants), each once.
    const overrides = deployments.flatMap((r) =>
      r.workloadAssociations.map((w) => sql`(${r.key}, ${w.workload}, ${maskOf(w.associations)}::int)`),
    );
    tasks.push(
      run<{ key: string; at_end: number; at_start: number }>(
        db,
        sql`
    with req(key, area, mask, unit) as (values ${valuesList(deployments.map((r) => sql`(${r.key}, ${r.area}, ${maskOf(r.associations)}::int, ${r.unit})`))}),
    ovr(key, workload, mask) as (values ${valuesList(overrides.length ? overrides : [sql`('', '', 0)`])}),
    per_pair as (
      select x.solution_area as area, x.customer_id, x.workload,
        coalesce(bit_or(${associationBit("x")}) filter (where ${activeAt(d.end)}), 0) as at_end,
        coalesce(bit_or(${associationBit("x")}) filter (where ${activeAt(d.start)}), 0) as at_start
      from deployments x where x.org_id = ${orgId} and (${activeAt(d.end)} or ${activeAt(d.start)})
      group by x.customer_id, x.solution_area, x.workload),
    dep as (
      select 'customer-workload' as unit, area, workload, at_end, at_start, count(*) as n
      from per_pair group by area, workload, at_end, at_start
      union all
      select 'customer', area, null, at_end, at_start, count(*) from (
        select area, bit_or(at_end) as at_end, bit_or(at_start) as at_start from per_pair group by area, customer_id
      ) c group by area, at_end, at_start)
    select req.key,
      coalesce(sum(dep.n) filter (where dep.at_end & coalesce(ovr.mask, req.mask) <> 0), 0)::int as at_end,
      coalesce(sum(dep.n) filter (where dep.at_start & coalesce(ovr.mask, req.mask) <> 0), 0)::int as at_start
    from req left join dep on dep.area = req.area and dep.unit = req.unit
      left join ovr on ovr.key = req.key and ovr.workload = dep.workload
    group by req.key`,
      ).then((rows) => rows.forEach((r) => (out[r.key] = { atEnd: Number(r.at_end), atStart: Number(r.at_start) }))),
    );
  }
  if (azure.length)
    tasks.push(
      run<{ key: string; services: number }>(
        db,
        sql`
    with req(key, area, mask, excluded) as (values ${valuesList(azure.map((r) => sql`(${r.key}, ${r.area}, ${maskOf(r.associations)}::int, ${r.excludedWorkloads.join(",")})`))}),
    svc as (
      select x.solution_area as area, x.workload, bit_or(${associationBit("x")}) as mask
      from deployments x where x.org_id = ${orgId}
        and x.deployed_on <= ${d.end}::date and (x.removed_on is null or x.removed_on > greatest(x.deployed_on, ${d.windowStart}::date))
      group by x.solution_area, x.workload)
    select req.key, count(*) filter (where svc.mask & req.mask <> 0 and not (svc.workload = any(string_to_array(req.excluded, ','))))::int as services
    from req left join svc on svc.area = req.area
    group by req.key`,
      ).then((rows) => rows.forEach((r) => (out[r.key] = { services: Number(r.services) }))),
    );
  if (mix.length)
    tasks.push(
      run<{ key: string; smb: number; enterprise: number; total: number }>(
        db,
        sql`
    with req(key, area) as (values ${valuesList(mix.map((r) => sql`(${r.key}, ${r.area})`))}),
    per_customer as (
      select c.solution_area as area, bool_or(c.segment = 'smb') as smb, bool_or(c.segment = 'enterprise') as enterprise
      from customers c where c.org_id = ${orgId} and ${eligibleAt(d.end)}
      group by c.customer_id, c.solution_area),
    cust as (select area, smb, enterprise, count(*) as n from per_customer group by 1, 2, 3)
    select req.key, coalesce(sum(cust.n) filter (where cust.smb), 0)::int as smb,
      coalesce(sum(cust.n) filter (where cust.enterprise), 0)::int as enterprise, coalesce(sum(cust.n), 0)::int as total
    from req left join cust on cust.area = req.area
    group by req.key`,
      ).then((rows) =>
        rows.forEach(
          (r) =>
            (out[r.key] = {
              smbCustomers: Number(r.smb),
              enterpriseCustomers: Number(r.enterprise),
              totalCustomers: Number(r.total),
            }),
        ),
      ),
    );
  // PGlite is one connection: the queries queue there; on a server they run in parallel.
  await Promise.all(tasks);
  return out;
}
