import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, designations, orders, spEnrollments } from "@/db/schema";
import { AlreadyOrderedError, DomainError } from "@/lib/errors";
import { saveBillingProfile } from "@/lib/offers/billing-profile";
import { issueOrderKey } from "@/lib/offers/order-key";
import { purchaseDesignation } from "@/lib/offers/place-order";
import { useTestDatabase } from "../test-db";
import { BILLING, form, makeOrg, qualifyTs, recordSp, TODAY } from "./helpers";

useTestDatabase();

async function readyOrg(partnerId: string, opts: { profile?: boolean; country?: string } = {}) {
  const org = await makeOrg(partnerId, { country: opts.country });
  await recordSp(org.id, "security", true, "2026-10-20T10:00:00Z");
  await recordSp(org.id, "modern-work", false, "2026-10-20T10:00:00Z");
  if (opts.profile !== false)
    await saveBillingProfile(db(), org.as.global_admin, { ...BILLING, country: opts.country ?? "US" });
  return org;
}

const ordersOf = (orgId: string) => db().select().from(orders).where(eq(orders.orgId, orgId));

describe("exactly once", () => {
  it("20 concurrent submissions with the same key create one order and all return it", async () => {
    const org = await readyOrg("p-same");
    const input = form(org, "solutions-partner", "purchase");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => purchaseDesignation(db(), org.as.account_admin, input, TODAY)),
    );
    const failures = results.filter((r) => r.status === "rejected");
    expect(failures).toEqual([]);
    const placed = results.map(
      (r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof purchaseDesignation>>>).value,
    );
    expect(new Set(placed.map((p) => p.order.id)).size).toBe(1);
    expect(placed.filter((p) => !p.replay)).toHaveLength(1);
    expect(await ordersOf(org.id)).toHaveLength(1);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "order.purchase")));
    expect(audits).toHaveLength(1);
  });

  for (const method of ["billing_profile", "wire_transfer"] as const) {
    it(`20 concurrent submissions with different keys (${method}) → 1 order and 19 clear refusals`, async () => {
      const org = await readyOrg(`p-diff-${method}`);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          purchaseDesignation(db(), org.as.global_admin, form(org, "solutions-partner", "purchase", method), TODAY),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refusals = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
      expect(refusals).toHaveLength(19);
      for (const e of refusals) {
        expect(e).toBeInstanceOf(AlreadyOrderedError);
        expect((e as Error).message).toMatch(/^Already ordered/);
      }
      expect(await ordersOf(org.id)).toHaveLength(1);
    });
  }
});

describe("purchase by billing profile", () => {
  it("is Active at once, holds the designation one year and enrolls every eligible area", async () => {
    const org = await readyOrg("p-bill");
    const { order } = await purchaseDesignation(
      db(),
      org.as.account_admin,
      { ...form(org, "solutions-partner", "purchase"), amountMinor: 1, orgId: "x" },
      TODAY,
    );
    expect(order).toMatchObject({
      status: "active",
      method: "billing_profile",
      amountMinor: 473000,
      currency: "USD",
      termStart: TODAY,
      termEnd: "2027-11-15",
      paidOn: TODAY,
    });
    expect(order.number).toMatch(/^PMC-\d+$/);
    const [d] = await db().select().from(designations).where(eq(designations.orgId, org.id));
    expect(d).toMatchObject({ status: "active", anniversary: "2027-11-15", offer: "solutions-partner" });
    const areas = await db().select().from(spEnrollments).where(eq(spEnrollments.orgId, org.id));
    expect(areas.map((a) => a.solutionArea)).toEqual(["security"]);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "order.purchase")));
    expect(audit).toMatchObject({
      actor: "account_admin@p-bill.example",
      detail: expect.objectContaining({ orderNumber: order.number, enrolledAreas: ["security"] }),
    });
  });

  it("Training Services is bought on the program's qualification", async () => {
    const org = await readyOrg("p-ts");
    await qualifyTs(org.id);
    const { order } = await purchaseDesignation(
      db(),
      org.as.global_admin,
      form(org, "training-services", "purchase"),
      TODAY,
    );
    expect(order).toMatchObject({ offer: "training-services", amountMinor: 487500, status: "active" });
  });
});

describe("refusals inside the verb (not only the disabled button)", () => {
  it("refuses an organization that does not qualify, even when the verb is called directly", async () => {
    const org = await makeOrg("p-noq");
    await saveBillingProfile(db(), org.as.global_admin, BILLING);
    await recordSp(org.id, "security", false, "2026-10-20T10:00:00Z");
    await recordSp(org.id, "data-ai", true, "2026-05-31T23:00:00Z"); // qualified only before the window (June–November)
    await recordSp(org.id, "data-ai", false, "2026-06-01T00:00:00Z");
    await expect(
      purchaseDesignation(db(), org.as.global_admin, form(org, "solutions-partner", "purchase"), TODAY),
    ).rejects.toThrow(/No solution area was qualified/);
    await expect(
      purchaseDesignation(db(), org.as.global_admin, form(org, "training-services", "purchase"), TODAY),
    ).rejects.toThrow(/does not qualify/);
    expect(await ordersOf(org.id)).toHaveLength(0);
  });

  it("counts an area qualified on the window's first day through an older evaluation", async () => {
    const org = await makeOrg("p-edge");
    await saveBillingProfile(db(), org.as.global_admin, BILLING);
    await recordSp(org.id, "data-ai", true, "2026-04-10T12:00:00Z"); // still the latest on 2026-06-01
    await recordSp(org.id, "data-ai", false, "2026-06-02T08:00:00Z");
    const { order } = await purchaseDesignation(
      db(),
      org.as.global_admin,
      form(org, "solutions-partner", "purchase"),
      TODAY,
    );
    expect(order.status).toBe("active");
  });

  it("refuses an unverified account, a missing billing profile and a method the country lacks", async () => {
    const unverified = await makeOrg("p-unv", { verified: false });
    await recordSp(unverified.id, "security", true, "2026-10-20T10:00:00Z");
    await expect(
      purchaseDesignation(
        db(),
        unverified.as.global_admin,
        form(unverified, "solutions-partner", "purchase", "wire_transfer"),
        TODAY,
      ),
    ).rejects.toThrow(/not verified/);
    const noProfile = await readyOrg("p-noprof", { profile: false });
    await expect(
      purchaseDesignation(db(), noProfile.as.global_admin, form(noProfile, "solutions-partner", "purchase"), TODAY),
    ).rejects.toThrow(/no billing profile/);
    const india = await readyOrg("p-in", { country: "IN" });
    await expect(
      purchaseDesignation(db(), india.as.global_admin, form(india, "solutions-partner", "purchase"), TODAY),
    ).rejects.toThrow(/not offered in your country/);
    const { order } = await purchaseDesignation(
      db(),
      india.as.global_admin,
      form(india, "solutions-partner", "purchase", "wire_transfer"),
      TODAY,
    );
    expect(order.status).toBe("awaiting_payment");
  });

  it("refuses forms without the agreement, and keys not issued for this organization, offer or verb", async () => {
    const org = await readyOrg("p-keys");
    const other = await makeOrg("p-keys-other");
    await expect(
      purchaseDesignation(
        db(),
        org.as.global_admin,
        { ...form(org, "solutions-partner", "purchase"), acceptAgreement: undefined },
        TODAY,
      ),
    ).rejects.toThrow(/accept the agreement/);
    for (const key of [
      issueOrderKey(other.id, "solutions-partner", "purchase"),
      issueOrderKey(org.id, "training-services", "purchase"),
      issueOrderKey(org.id, "solutions-partner", "renewal"),
      "forged.key.value.x.y-abcdefghijklmnop",
      issueOrderKey(org.id, "solutions-partner", "purchase", Date.now() - 13 * 3600_000),
    ]) {
      const error = await purchaseDesignation(
        db(),
        org.as.global_admin,
        form(org, "solutions-partner", "purchase", "billing_profile", key),
        TODAY,
      ).catch((e) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error.message).toMatch(/order form has expired or is not valid/);
    }
    expect(await ordersOf(org.id)).toHaveLength(0);
  });
});
