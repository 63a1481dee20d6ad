import { and, asc, eq, gte, lt, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perDb } from "@/db/prepared";
import { dataScope } from "@/db/queries/data-version";
import { designations, orders, spEnrollments } from "@/db/schema";
import { type DbOrTx, inTransaction, type Tx } from "@/db/transaction";
import { bumpDataVersion } from "@/db/writes/data-version";
import { writeAudit } from "@/lib/audit";
import { derived } from "@/lib/cache";
import type { AreaSlug } from "@/lib/rules/areas";
import { purchaseEligibilityWindow } from "@/lib/rules/offers";
import { spEligibleAreas } from "./eligibility";
import { lockOrg } from "./lock-org";

// Expiries of unpaid orders, lapses of unrenewed designations and Solutions Partner areas that
// became eligible during a held term: applied whenever offers state is read (and by
// `npm run cli -- maintenance`), so no page shows a stale status. Each change writes its audit row.
/** Audit rows of automatic changes (expiries, lapses, enrollments at no charge) name "system". */
const SYSTEM = { kind: "system" } as const;

export type MaintenanceResult = { expired: string[]; lapsed: string[]; enrolled: AreaSlug[] };

/** The Solutions Partner term covering today (on an anniversary day: the term that ends then). */
export async function currentSpTerm(q: DbOrTx, orgId: string, today: string) {
  const [order] = await q
    .select({ id: orders.id, number: orders.number, termEnd: orders.termEnd })
    .from(orders)
    .where(
      and(
        eq(orders.orgId, orgId),
        eq(orders.offer, "solutions-partner"),
        eq(orders.status, "active"),
        lte(orders.termStart, today),
        gte(orders.termEnd, today),
      ),
    )
    .orderBy(asc(orders.termEnd))
    .limit(1);
  return order ?? null;
}

async function lateAreas(
  q: DbOrTx,
  orgId: string,
  today: string,
): Promise<{ orderId: string; number: string; areas: AreaSlug[] } | null> {
  const term = await currentSpTerm(q, orgId, today);
  if (!term) return null;
  const [eligible, enrolled] = await Promise.all([
    spEligibleAreas(q, orgId, purchaseEligibilityWindow(today)),
    q.select({ area: spEnrollments.solutionArea }).from(spEnrollments).where(eq(spEnrollments.orderId, term.id)),
  ]);
  const have = new Set(enrolled.map((e) => e.area));
  const areas = eligible.filter((a) => !have.has(a));
  return areas.length ? { orderId: term.id, number: term.number, areas } : null;
}

/** Runs inside a transaction that already holds the organization's lock. */
export async function maintainInTx(tx: Tx, orgId: string, today: string): Promise<MaintenanceResult> {
  const expired = await tx
    .update(orders)
    .set({ status: "expired", closedOn: today })
    .where(and(eq(orders.orgId, orgId), eq(orders.status, "awaiting_payment"), lt(orders.expiresOn, today)))
    .returning({ number: orders.number, offer: orders.offer, expiresOn: orders.expiresOn });
  for (const o of expired)
    await writeAudit(tx, {
      orgId,
      actor: SYSTEM,
      action: "order.expire",
      detail: { orderNumber: o.number, offer: o.offer, payBy: o.expiresOn },
    });

  const lapsed = await tx
    .update(designations)
    .set({ status: "lapsed", updatedAt: sql`now()` })
    .where(and(eq(designations.orgId, orgId), eq(designations.status, "active"), lt(designations.anniversary, today)))
    .returning({ offer: designations.offer, anniversary: designations.anniversary });
  for (const d of lapsed)
    await writeAudit(tx, {
      orgId,
      actor: SYSTEM,
      action: "designation.lapse",
      detail: { offer: d.offer, anniversary: d.anniversary },
    });

  const late = await lateAreas(tx, orgId, today);
  let enrolled: AreaSlug[] = [];
  if (late) {
    const rows = await tx
      .insert(spEnrollments)
      .values(
        late.areas.map((area) => ({
          orderId: late.orderId,
          orgId,
          solutionArea: area,
          enrolledOn: today,
          atNoCharge: true,
        })),
      )
      .onConflictDoNothing()
      .returning({ area: spEnrollments.solutionArea });
    enrolled = rows.map((r) => r.area as AreaSlug);
    for (const area of enrolled)
      await writeAudit(tx, {
        orgId,
        actor: SYSTEM,
        action: "designation.area_enroll",
        detail: {
          offer: "solutions-partner",
          area,
          orderNumber: late.number,
          atNoCharge: true,
        },
      });
  }
  if (expired.length || lapsed.length || enrolled.length) await bumpDataVersion(tx, orgId);
  return { expired: expired.map((o) => o.number), lapsed: lapsed.map((d) => d.offer), enrolled };
}

/** Cheap checks first (one statement); the locked transaction only when something is due. */
export async function maintainOrg(db: Db, orgId: string, today: string): Promise<MaintenanceResult> {
  // Whether anything is due is kept per data version and day (lib/cache.ts): every write to orders, designations and
  // enrollments bumps the version in its transaction, and what falls due otherwise moves only with the day.
  const due = await derived(await dataScope(db, orgId, today), "maintenance-due", () => isDue(db, orgId, today));
  if (!due) return { expired: [], lapsed: [], enrolled: [] };
  return inTransaction(db, async (tx) => {
    await lockOrg(tx, orgId);
    return maintainInTx(tx, orgId, today);
  });
}

async function isDue(db: Db, orgId: string, today: string): Promise<boolean> {
  const [due] = await dueQuery(db).execute({ orgId, today });
  // Late enrollments need a current Solutions Partner term: without one, no query more.
  return Boolean(due?.expire || due?.lapse || (due?.spTerm && (await lateAreas(db, orgId, today))));
}

// Every offers and Solutions Partner page runs it: built once per database (db/prepared.ts).
const dueQuery = perDb((db) => {
  const org = sql.placeholder("orgId");
  const today = sql.placeholder("today");
  return db
    .select({
      expire: sql<boolean>`exists (select 1 from ${orders} where ${orders.orgId} = ${org}
        and ${orders.status} = 'awaiting_payment' and ${orders.expiresOn} < ${today})`,
      lapse: sql<boolean>`exists (select 1 from ${designations} where ${designations.orgId} = ${org}
        and ${designations.status} = 'active' and ${designations.anniversary} < ${today})`,
      spTerm: sql<boolean>`exists (select 1 from ${orders} where ${orders.orgId} = ${org}
        and ${orders.offer} = 'solutions-partner' and ${orders.status} = 'active'
      and ${orders.termStart} <= ${today} and ${orders.termEnd} >= ${today})`,
    })
    .from(sql`(select 1) as one`)
    .prepare("maintenance_due");
});

/** `npm run cli -- maintenance`: every organization with orders or designations. */
export async function runMaintenance(db: Db, today: string): Promise<MaintenanceResult & { organizations: number }> {
  const orgs = await db.selectDistinct({ orgId: orders.orgId }).from(orders);
  const total: MaintenanceResult & { organizations: number } = {
    expired: [],
    lapsed: [],
    enrolled: [],
    organizations: orgs.length,
  };
  for (const { orgId } of orgs) {
    const r = await maintainOrg(db, orgId, today);
    total.expired.push(...r.expired);
    total.lapsed.push(...r.lapsed);
    total.enrolled.push(...r.enrolled);
  }
  return total;
}
