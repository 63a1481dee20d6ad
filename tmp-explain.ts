import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { orgListQuery, orgListStatement } from "@/db/queries/operator-orgs";

const server = "postgres://postgres@127.0.0.1:5432/postgres";
const name = "pmc_explain_wt15";
const admin = postgres(server, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.unsafe(`create database ${name}`);
const url = new URL(server); url.pathname = `/${name}`;
const h = openDatabase({ url: url.toString() });
await migrateDatabase(h);
const s = (h.driver as { sql: postgres.Sql }).sql;
const N = 5000;
await s.unsafe(`insert into organizations (partner_id, name, country, verified)
  select (2000000 + g)::text, 'Org ' || md5(g::text), 'US', g % 10 <> 0 from generate_series(1, ${N}) g`);
await s.unsafe(`insert into org_status (org_id, ts_qualified, ts_data_through, sp_areas_qualified, sp_data_through, data_through, last_import_at)
  select id, (random() < 0.05), date '2026-10-31' - (random()*120)::int, (random()*2)::int, date '2026-10-31', date '2026-10-31' - (random()*120)::int, now() - random() * interval '90 days' from organizations`);
await s.unsafe(`insert into designations (org_id, offer, status, anniversary, held_since)
  select id, 'solutions-partner', 'active', date '2026-11-15' + (random()*365)::int, date '2026-01-01' from organizations where random() < 0.3`);
await s.unsafe(`insert into orders (number, org_id, offer, kind, term_start, term_end, amount_minor, currency, method, status, idempotency_key, bill_to, placed_by, placed_on, expires_on)
  select 'PMC-' || nextval('order_number_seq'), id, 'training-services', 'purchase', '2026-11-01', '2027-11-01', 487500, 'USD', 'wire_transfer', 'awaiting_payment', md5(random()::text), '{}', 'x', '2026-11-01', '2026-12-01' from organizations where random() < 0.02`);
await s.unsafe("analyze");
const today = "2026-11-15";
const cases: Record<string, unknown> = {
  "no filter (name order)": {},
  "search name prefix 'org ab'": { q: "Org ab" },
  "search partner id prefix '20012'": { q: "20012" },
  unverified: { filter: "unverified" },
  "renewal due within 30 days": { filter: "renewal-due" },
  "qualified but not purchased": { filter: "qualified-not-purchased" },
  "awaiting payment": { filter: "awaiting-payment" },
  "data older than 45 days": { filter: "stale-data" },
};
for (const [label, input] of Object.entries(cases)) {
  const q = orgListQuery.parse(input);
  const stmt = orgListStatement(q, today);
  const res = await h.db.execute(sql`explain (analyze, costs off, timing off, summary on) ${stmt}`);
  console.log(`\n### ${label}\n`);
  console.log((res as unknown as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]).join("\n"));
}
await h.close();
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.end();
