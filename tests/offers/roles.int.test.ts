import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { billingProfiles, orders } from "@/db/schema";
import { pgError } from "@/db/transaction";
import type { Caller } from "@/lib/auth/caller";
import type { Role } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/errors";
import { saveBillingProfile } from "@/lib/offers/billing-profile";
import { cancelOrder, confirmPayment, uploadPaymentProof } from "@/lib/offers/payments";
import { purchaseDesignation, renewDesignation } from "@/lib/offers/place-order";
import { useTestDatabase } from "../test-db";
import { BILLING, CLI, form, makeOrg, PNG_BYTES, recordSp, type TestOrg, TODAY } from "./helpers";

useTestDatabase();

let n = 0;
async function org(): Promise<TestOrg> {
  const o = await makeOrg(`roles-${++n}`);
  await recordSp(o.id, "security", true, "2025-11-20T10:00:00Z");
  await saveBillingProfile(db(), o.as.global_admin, BILLING);
  return o;
}
async function awaiting(o: TestOrg) {
  return (
    await purchaseDesignation(db(), o.as.global_admin, form(o, "solutions-partner", "purchase", "wire_transfer"), TODAY)
  ).order.number;
}

type Verb = { name: string; allowed: (Role | "cli")[]; run: (o: TestOrg, caller: Caller) => Promise<unknown> };
const VERBS: Verb[] = [
  {
    name: "purchaseDesignation",
    allowed: ["account_admin", "global_admin"],
    run: (o, c) => purchaseDesignation(db(), c, form(o, "solutions-partner", "purchase"), TODAY),
  },
  {
    name: "renewDesignation",
    allowed: ["account_admin", "global_admin"],
    run: async (o, c) => {
      await purchaseDesignation(db(), o.as.global_admin, form(o, "solutions-partner", "purchase"), "2025-12-01");
      return renewDesignation(db(), c, form(o, "solutions-partner", "renewal"), TODAY);
    },
  },
  {
    name: "cancelOrder",
    allowed: ["account_admin", "global_admin"],
    run: async (o, c) => cancelOrder(db(), c, { orderNumber: await awaiting(o) }, TODAY),
  },
  {
    name: "uploadPaymentProof",
    allowed: ["account_admin", "global_admin"],
    run: async (o, c) =>
      uploadPaymentProof(db(), c, { orderNumber: await awaiting(o), fileName: "p.png", bytes: PNG_BYTES }, TODAY),
  },
  {
    name: "confirmPayment",
    allowed: ["cli"],
    run: async (o, c) => confirmPayment(db(), c, { orderNumber: await awaiting(o) }, TODAY),
  },
  {
    name: "saveBillingProfile",
    allowed: ["global_admin"],
    run: (_o, c) => saveBillingProfile(db(), c, { ...BILLING, billingName: "Changed" }),
  },
];
const CALLERS: (Role | "cli")[] = ["member", "partner_admin", "account_admin", "global_admin", "cli"];

describe("every role for every verb (the verbs check the role themselves)", () => {
  for (const verb of VERBS) {
    for (const who of CALLERS) {
      const allowed = verb.allowed.includes(who);
      it(`${verb.name} by ${who}: ${allowed ? "allowed" : "refused"}`, async () => {
        const o = await org();
        const caller: Caller = who === "cli" ? CLI : o.as[who];
        const before = await db().select().from(orders).where(eq(orders.orgId, o.id));
        const result = verb.run(o, caller);
        if (allowed) {
          await expect(result).resolves.toBeTruthy();
        } else {
          const error = await result.then(
            () => null,
            (e) => e,
          );
          expect(error).toBeInstanceOf(ForbiddenError);
          expect(error.message).toMatch(/Your role does not allow this|Only an operator/);
          const [profile] = await db().select().from(billingProfiles).where(eq(billingProfiles.orgId, o.id));
          expect(profile!.billingName).toBe(BILLING.billingName);
          const after = await db().select().from(orders).where(eq(orders.orgId, o.id));
          // Only the setup (an order placed by a global admin) may have changed the orders.
          expect(after.filter((a) => a.placedBy !== `global_admin@${o.partnerId}.example`)).toEqual(
            before.filter((a) => a.placedBy !== `global_admin@${o.partnerId}.example`),
          );
          expect(
            after.every(
              (a) => a.status !== "cancelled" && (a.method !== "wire_transfer" || a.status === "awaiting_payment"),
            ),
          ).toBe(true);
        }
      });
    }
  }
});

describe("billing profile", () => {
  it("refuses a full card number in the payment instrument and keeps the masked description", async () => {
    const o = await makeOrg("bp-card");
    await expect(
      saveBillingProfile(db(), o.as.global_admin, { ...BILLING, paymentInstrument: "4111 1111 1111 1111" }),
    ).rejects.toThrow(/masked description only/);
    expect(await db().select().from(billingProfiles).where(eq(billingProfiles.orgId, o.id))).toHaveLength(0);
    const saved = await saveBillingProfile(db(), o.as.global_admin, {
      ...BILLING,
      paymentInstrument: "Visa ending 1111",
    });
    expect(saved.paymentInstrument).toBe("Visa ending 1111");
  });
});

describe("database backstops", () => {
  it("refuses a second open order for the same organization and offer even without the verbs", async () => {
    const o = await org();
    const number = await awaiting(o);
    const [first] = await db().select().from(orders).where(eq(orders.number, number));
    const { id: _id, number: _n, idempotencyKey: _k, placedAt: _p, ...rest } = first!;
    const error = await db()
      .insert(orders)
      .values({ ...rest, number: "PMC-0", idempotencyKey: "another" })
      .then(
        () => null,
        (e) => e,
      );
    expect(pgError(error)).toMatchObject({ code: "23505" });
  });
});
