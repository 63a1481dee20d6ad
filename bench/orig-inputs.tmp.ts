import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import type { InputRequest, InputValues } from "@/lib/rules/solutions-partner/inputs";
import { endOfMonth, shiftMonth, windowFor } from "@/lib/rules/time";

// SPEC §4.4 values, computed in SQL: one query per request kind, each answering every request
// of that kind at once through a VALUES list (so a page costs six queries, not sixty).
type Req<K extends InputRequest["kind"]> = Extract<InputRequest, { kind: K }>;
const assocs = (list: readonly string[]) => list.join("+");

function valuesList(rows: SQL[]): SQL {
  return sql.join(rows, sql`, `);
}

async function run<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

export type SpDates = { dataThrough: string; end: string; start: string; windowStart: string; months: string[]; lastMonth: string; yearEarlierMonth: string };

export function spDates(dataThrough: string): SpDates {
  const w = windowFor(dataThrough);
  return { dataThrough, end: endOfMonth(w.lastMonth), start: endOfMonth(shiftMonth(w.lastMonth, -12)), windowStart: w.start, months: w.months, lastMonth: w.lastMonth, yearEarlierMonth: w.yearEarlierMonth };
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
  const eligibleAt = (day: string) => sql`c.eligible_from <= ${day}::date and (c.eligible_until is null or c.eligible_until > ${day}::date)`;
  const activeAt = (day: string) => sql`x.deployed_on <= ${day}::date and (x.removed_on is null or x.removed_on > ${day}::date)`;

  const tasks: Promise<void>[] = [];
  if (customers.length) tasks.push(run<{ key: string; at_end: number; at_start: number }>(db, sql`
    with req(key, area, segment, assocs) as (values ${valuesList(customers.map((r) => sql`(${r.key}, ${r.area}, ${r.segment}, ${assocs(r.associations)})`))})
    select req.key, count(distinct c.customer_id) filter (where ${eligibleAt(d.end)})::int as at_end,
           count(distinct c.customer_id) filter (where ${eligibleAt(d.start)})::int as at_start
    from req left join customers c on c.org_id = ${orgId} and c.solution_area = req.area and c.segment::text = req.segment
      and c.association::text = any(string_to_array(req.assocs, '+'))
    group by req.key`).then((rows) => rows.forEach((r) => (out[r.key] = { atEnd: Number(r.at_end), atStart: Number(r.at_start) }))));
  if (certs.length) tasks.push(run<{ key: string; persons: number }>(db, sql`
    with req(key, codes) as (values ${valuesList(certs.map((r) => sql`(${r.key}, ${r.codes.join(",")})`))})
    select req.key, count(distinct p.person_id)::int as persons
    from req left join certifications p on p.org_id = ${orgId} and p.certification_code = any(string_to_array(req.codes, ','))
      and p.earned_on <= ${d.dataThrough}::date and (p.expires_on is null or p.expires_on >= ${d.dataThrough}::date)
    group by req.key`).then((rows) => rows.forEach((r) => (out[r.key] = { persons: Number(r.persons) }))));
  if (usage.length) tasks.push(run<{ key: string; current: string; year_earlier: string; window_total: string }>(db, sql`
    with req(key, area, measure, assocs) as (values ${valuesList(usage.map((r) => sql`(${r.key}, ${r.area}, ${r.measure}, ${assocs(r.associations)})`))})
    select req.key,
      coalesce(sum(u.value) filter (where u.month = ${d.lastMonth}), 0)::text as current,
      coalesce(sum(u.value) filter (where u.month = ${d.yearEarlierMonth}), 0)::text as year_earlier,
      coalesce(sum(u.value) filter (where u.month between ${d.months[0]!} and ${d.lastMonth}), 0)::text as window_total
    from req left join usage u on u.org_id = ${orgId} and u.solution_area = req.area and u.measure = req.measure
      and u.association::text = any(string_to_array(req.assocs, '+'))
    group by req.key`).then((rows) => rows.forEach((r) => (out[r.key] = { current: r.current, yearEarlier: r.year_earlier, windowTotal: r.window_total }))));
  if (deployments.length) tasks.push(run<{ key: string; at_end: number; at_start: number }>(db, sql`
    with req(key, area, assocs) as (values ${valuesList(deployments.map((r) => sql`(${r.key}, ${r.area}, ${assocs(r.associations)})`))})
    select req.key, count(distinct (x.customer_id, x.workload)) filter (where ${activeAt(d.end)})::int as at_end,
           count(distinct (x.customer_id, x.workload)) filter (where ${activeAt(d.start)})::int as at_start
    from req left join deployments x on x.org_id = ${orgId} and x.solution_area = req.area
      and x.association::text = any(string_to_array(req.assocs, '+'))
    group by req.key`).then((rows) => rows.forEach((r) => (out[r.key] = { atEnd: Number(r.at_end), atStart: Number(r.at_start) }))));
  if (azure.length) tasks.push(run<{ key: string; services: number }>(db, sql`
    with req(key, area, assocs, excluded) as (values ${valuesList(azure.map((r) => sql`(${r.key}, ${r.area}, ${assocs(r.associations)}, ${r.excludedWorkloads.join(",")})`))})
    select req.key, count(distinct x.workload)::int as services
    from req left join deployments x on x.org_id = ${orgId} and x.solution_area = req.area
      and x.association::text = any(string_to_array(req.assocs, '+'))
      and x.deployed_on <= ${d.end}::date and (x.removed_on is null or x.removed_on > ${d.windowStart}::date)
      and not (x.workload = any(string_to_array(req.excluded, ',')))
    group by req.key`).then((rows) => rows.forEach((r) => (out[r.key] = { services: Number(r.services) }))));
  if (mix.length) tasks.push(run<{ key: string; smb: number; enterprise: number; total: number }>(db, sql`
    with req(key, area) as (values ${valuesList(mix.map((r) => sql`(${r.key}, ${r.area})`))})
    select req.key, count(distinct c.customer_id) filter (where c.segment = 'smb')::int as smb,
      count(distinct c.customer_id) filter (where c.segment = 'enterprise')::int as enterprise,
      count(distinct c.customer_id)::int as total
    from req left join customers c on c.org_id = ${orgId} and c.solution_area = req.area and ${eligibleAt(d.end)}
    group by req.key`).then((rows) => rows.forEach((r) => (out[r.key] = { smbCustomers: Number(r.smb), enterpriseCustomers: Number(r.enterprise), totalCustomers: Number(r.total) }))));
  // PGlite is one connection: the queries queue there; on a server they run in parallel.
  await Promise.all(tasks);
  return out;
}
