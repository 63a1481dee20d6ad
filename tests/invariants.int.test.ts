// SPEC §9 — the SQL invariant suite (tests/invariants.ts) after concurrent purchases, every
// order state change (paid, cancelled, expired, payment confirmed) and hostile imports: 0
// duplicate active orders, 0 orphans, 0 points that are not whole halves, 0 audit gaps. A
// negative control proves each kind of check can fail.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { orders } from "@/db/schema";
import { importCsv } from "@/lib/imports/pipeline";
import { maintainOrg } from "@/lib/offers/maintenance";
import { cancelOrder, confirmPayment, uploadPaymentProof } from "@/lib/offers/payments";
import { purchaseDesignation } from "@/lib/offers/place-order";
import { generateCorpus } from "./fuzz/generator";
import { findViolations, INVARIANT_COUNT } from "./invariants";
import { loadCatalog, REL_TODAY, relOrg, tsForm } from "./reliability/scenario";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const CLI = { kind: "cli" } as const;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("invariants", () => {
  it(`hold (${INVARIANT_COUNT} checks) after concurrent purchases, every order state change and hostile imports`, async () => {
    await loadCatalog();
    const buyer = await relOrg(db(), "inv-buyer");
    // 20 concurrent submissions of one form (double clicks, retries) and 20 of fresh forms: one order
    const same = tsForm(buyer);
    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, () => purchaseDesignation(db(), buyer.as.account_admin, same, REL_TODAY)),
      ...Array.from({ length: 20 }, () => purchaseDesignation(db(), buyer.as.global_admin, tsForm(buyer), REL_TODAY)),
    ]);
    const placed = new Set(results.flatMap((r) => (r.status === "fulfilled" ? [r.value.order.number] : [])));
    expect(placed.size).toBe(1);
    for (const r of results) if (r.status === "rejected") expect(String(r.reason.message)).toMatch(/Already ordered/);
    expect(await db().select().from(orders).where(eq(orders.orgId, buyer.id))).toHaveLength(1);

    // wire transfer: cancelled, then a new one paid after a proof upload
    const wire = await relOrg(db(), "inv-wire", { billing: false });
    const first = await purchaseDesignation(db(), wire.as.account_admin, tsForm(wire, "wire_transfer"), REL_TODAY);
    await cancelOrder(db(), wire.as.account_admin, { orderNumber: first.order.number }, REL_TODAY);
    const second = await purchaseDesignation(db(), wire.as.account_admin, tsForm(wire, "wire_transfer"), REL_TODAY);
    await uploadPaymentProof(
      db(),
      wire.as.account_admin,
      { orderNumber: second.order.number, fileName: "proof.png", bytes: PNG },
      REL_TODAY,
    );
    await confirmPayment(db(), CLI, { orderNumber: second.order.number }, REL_TODAY);

    // wire transfer left unpaid for more than 30 days: expired by maintenance
    const late = await relOrg(db(), "inv-late", { billing: false });
    await purchaseDesignation(db(), late.as.global_admin, tsForm(late, "wire_transfer"), REL_TODAY);
    const { expired } = await maintainOrg(db(), late.id, "2026-12-31");
    expect(expired).toHaveLength(1);

    // hostile imports into the buyer's organization
    for (const c of generateCorpus(60, 88)) {
      await importCsv({
        kind: c.kind,
        orgId: c.kind === "courses" ? null : buyer.id,
        actor: CLI,
        fileName: "fuzz.csv",
        input: typeof c.body === "function" ? c.body() : [c.body],
        today: REL_TODAY,
      });
    }

    expect(await findViolations(db(), REL_TODAY)).toEqual([]);
  });

  it("catch a broken row (negative control)", async () => {
    const org = await relOrg(db(), "inv-broken", { qualified: false });
    await db().execute(sql`insert into orders (number, org_id, offer, kind, term_start, term_end, amount_minor, currency, method, status, idempotency_key, bill_to, placed_by, placed_on, paid_on)
      values ('PMC-999999999', ${org.id}, 'training-services', 'purchase', '2026-11-15', '2027-11-15', 487500, 'USD', 'billing_profile', 'active', 'broken-1', '{}'::jsonb, 'x', '2026-11-15', '2026-11-15'),
             ('PMC-999999998', ${org.id}, 'training-services', 'purchase', '2026-11-15', '2027-11-15', 487500, 'USD', 'billing_profile', 'cancelled', 'broken-2', '{}'::jsonb, 'x', '2026-11-15', null)`);
    const found = (await findViolations(db(), REL_TODAY)).map((v) => v.invariant);
    expect(found).toEqual(
      expect.arrayContaining(["orders without the audit row of their placing", "orders in an impossible state"]),
    );
    await db().execute(sql`delete from orders where number in ('PMC-999999999', 'PMC-999999998')`);
    expect(await findViolations(db(), REL_TODAY)).toEqual([]);
  });
});
