// SPEC §9 — invariants the data must satisfy whatever happened before (concurrent purchases,
// hostile imports, database faults, two app instances). Each is an SQL query answering the rows
// that break it: 0 rows everywhere is a pass. Used by tests/invariants.int.test.ts and by
// scripts/reliability.ts after the load, fault and fuzz runs.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { loadTrainingServices } from "@/db/queries/training-services";
import { toTrainingServicesJson } from "@/lib/api/training-services-json";

export const INVARIANTS: { name: string; sql: string }[] = [
  // exactly once: one open-or-active order per organization, offer and term; one awaiting per offer
  {
    name: "duplicate active orders",
    sql: `select org_id, offer, term_start, count(*)::int as n from orders where status in ('awaiting_payment', 'active') group by 1, 2, 3 having count(*) > 1`,
  },
  {
    name: "two orders awaiting payment",
    sql: `select org_id, offer, count(*)::int as n from orders where status = 'awaiting_payment' group by 1, 2 having count(*) > 1`,
  },
  {
    name: "duplicate idempotency keys",
    sql: `select idempotency_key, count(*)::int as n from orders group by 1 having count(*) > 1`,
  },
  {
    name: "orders in an impossible state",
    sql: `select number from orders where amount_minor <= 0 or term_end <= term_start or (status = 'active' and paid_on is null) or (status = 'awaiting_payment' and (method <> 'wire_transfer' or expires_on is null or paid_on is not null)) or (status in ('cancelled', 'expired') and closed_on is null)`,
  },
  // orphans: rows that name another organization's parent, or a parent that is not there
  {
    name: "payment proofs of another organization's order",
    sql: `select p.id from payment_proofs p left join orders o on o.id = p.order_id where o.id is null or o.org_id <> p.org_id`,
  },
  {
    name: "enrollments outside their order",
    sql: `select e.order_id, e.solution_area from sp_enrollments e left join orders o on o.id = e.order_id where o.id is null or o.org_id <> e.org_id or o.offer <> 'solutions-partner'`,
  },
  {
    name: "designations without a paid order",
    sql: `select d.org_id, d.offer from designations d where not exists (select 1 from orders o where o.org_id = d.org_id and o.offer = d.offer and o.paid_on is not null)`,
  },
  {
    name: "sessions of disabled or missing users",
    sql: `select s.id from sessions s left join users u on u.id = s.user_id where u.id is null or u.disabled_at is not null`,
  },
  {
    name: "audit rows naming a user of another organization",
    sql: `select a.id from audit_log a join users u on u.id = a.actor_user_id where a.org_id is distinct from u.org_id`,
  },
  {
    name: "imports of the shared catalog with an organization, or of an organization's data without one",
    sql: `select id, kind from imports where (kind = 'courses') <> (org_id is null)`,
  },
  {
    name: "line items of a missing organization",
    sql: `select 'customers' as t, org_id from customers where org_id not in (select id from organizations) union all select 'certifications', org_id from certifications where org_id not in (select id from organizations) union all select 'ts_monthly', org_id from ts_monthly where org_id not in (select id from organizations)`,
  },
  // exact arithmetic: rollup counts are whole and never negative; answers within 1..5 on average
  {
    name: "rollups that are not whole, non-negative counts",
    sql: `select org_id, month, kind from ts_monthly where items < 0 or answer_count < 0 or answer_sum < answer_count or answer_sum > 5 * answer_count`,
  },
  { name: "evaluation totals outside 0..100", sql: `select id from sp_evaluations where total < 0 or total > 100` },
  // audit: every order state change has its audit row (written in the same transaction)
  {
    name: "orders without the audit row of their placing",
    sql: `select o.number from orders o where not exists (select 1 from audit_log a where a.org_id = o.org_id and a.action in ('order.purchase', 'order.renew') and a.detail->>'orderNumber' = o.number)`,
  },
  {
    name: "cancelled orders without their audit row",
    sql: `select o.number from orders o where o.status = 'cancelled' and not exists (select 1 from audit_log a where a.org_id = o.org_id and a.action = 'order.cancel' and a.detail->>'orderNumber' = o.number)`,
  },
  {
    name: "expired orders without their audit row",
    sql: `select o.number from orders o where o.status = 'expired' and not exists (select 1 from audit_log a where a.org_id = o.org_id and a.action = 'order.expire' and a.detail->>'orderNumber' = o.number)`,
  },
  {
    name: "wire transfers paid without their audit row",
    sql: `select o.number from orders o where o.method = 'wire_transfer' and o.paid_on is not null and not exists (select 1 from audit_log a where a.org_id = o.org_id and a.action = 'order.payment_confirm' and a.detail->>'orderNumber' = o.number)`,
  },
  {
    name: "imports without their audit row",
    sql: `select i.id from imports i where not exists (select 1 from audit_log a where a.action = 'import' and a.detail->>'importId' = i.id::text)`,
  },
];

export type Violation = { invariant: string; rows: number; sample: unknown[] };

/** Every invariant's breaking rows (none is a pass), plus Training Services points that are not whole halves. */
export async function findViolations(db: Db, today: string): Promise<Violation[]> {
  const out: Violation[] = [];
  for (const inv of INVARIANTS) {
    const rows = rowsOf(await db.execute(sql.raw(inv.sql)));
    if (rows.length) out.push({ invariant: inv.name, rows: rows.length, sample: rows.slice(0, 3) });
  }
  // points are exact halves (SPEC §2): as the app computes them for every organization
  const orgs = rowsOf<{ id: string }>(await db.execute(sql`select id from organizations`));
  const notHalves: unknown[] = [];
  for (const { id } of orgs) {
    const ts = toTrainingServicesJson(await loadTrainingServices(db, id, today)) as unknown as {
      base: Record<string, { points?: number }>;
      areas: Record<string, { surveyCompletions: { points: number } }>;
    };
    const points = [
      ...Object.values(ts.base).map((c) => c.points),
      ...Object.values(ts.areas).map((a) => a.surveyCompletions.points),
    ].filter((p): p is number => typeof p === "number");
    for (const p of points) if (!Number.isInteger(p * 2) || p < 0) notHalves.push({ org: id, points: p });
  }
  if (notHalves.length)
    out.push({ invariant: "points that are not whole halves", rows: notHalves.length, sample: notHalves.slice(0, 3) });
  return out;
}

/** How many invariants are checked (SQL ones + the points check). */
export const INVARIANT_COUNT = INVARIANTS.length + 1;
