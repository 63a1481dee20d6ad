import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, designations, orders, spEnrollments } from "@/db/schema";
import { cacheStats } from "@/lib/cache";
import { resetEnvCache } from "@/lib/env";
import { maintainOrg } from "@/lib/offers/maintenance";
import { cancelOrder, uploadPaymentProof } from "@/lib/offers/payments";
import { purchaseDesignation, renewDesignation } from "@/lib/offers/place-order";
import { loadOfferCards } from "@/lib/offers/state";
import { isValidCreditorReference } from "@/lib/rules/offers";
import { addDays } from "@/lib/rules/time";
import { useTestDatabase } from "../test-db";
import { commandsForTest } from "./cli-io";
import { form, makeOrg, PDF_BYTES, PNG_BYTES, recordSp, TODAY } from "./helpers";

useTestDatabase();
beforeAll(() => {
  process.env.APP_TODAY = "2026-11-20"; // the CLI reads the app clock
  resetEnvCache();
});
afterAll(() => {
  delete process.env.APP_TODAY;
  resetEnvCache();
});

async function wireOrder(partnerId: string, today = TODAY) {
  const org = await makeOrg(partnerId);
  await recordSp(org.id, "security", true, `${addDays(today, -5)}T10:00:00Z`);
  const { order } = await purchaseDesignation(
    db(),
    org.as.account_admin,
    form(org, "solutions-partner", "purchase", "wire_transfer"),
    today,
  );
  return { org, order };
}

describe("wire transfer", () => {
  it("awaits payment with a bank reference, takes a proof, and turns Active on `orders confirm-payment`", async () => {
    const { org, order } = await wireOrder("w-flow");
    expect(order).toMatchObject({
      status: "awaiting_payment",
      method: "wire_transfer",
      expiresOn: "2026-12-15",
      paidOn: null,
    });
    expect(isValidCreditorReference(order.bankReference!)).toBe(true);
    expect(await db().select().from(designations).where(eq(designations.orgId, org.id))).toHaveLength(0);

    await expect(
      uploadPaymentProof(
        db(),
        org.as.account_admin,
        { orderNumber: order.number, fileName: "x.png", bytes: new TextEncoder().encode("not an image") },
        TODAY,
      ),
    ).rejects.toThrow(/PDF, PNG or JPEG/);
    await expect(
      uploadPaymentProof(
        db(),
        org.as.account_admin,
        { orderNumber: order.number, fileName: "big.pdf", bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x25) },
        TODAY,
      ),
    ).rejects.toThrow(/larger than 5 MB/);
    const proof = await uploadPaymentProof(
      db(),
      org.as.account_admin,
      { orderNumber: order.number, fileName: "../../receipt.exe.png", bytes: PNG_BYTES },
      TODAY,
    );
    expect(proof.fileName).toBe("receipt.exe.png");
    await uploadPaymentProof(
      db(),
      org.as.global_admin,
      { orderNumber: order.number, fileName: "swift.pdf", bytes: PDF_BYTES },
      TODAY,
    );

    const cli = commandsForTest();
    expect(await cli.run(["orders", "confirm-payment", order.number])).toBe(0);
    expect(cli.output()).toContain(`Order ${order.number} is active`);
    const [paid] = await db().select().from(orders).where(eq(orders.id, order.id));
    expect(paid).toMatchObject({ status: "active", paidOn: "2026-11-20", termEnd: "2027-11-15" });
    expect((await db().select().from(designations).where(eq(designations.orgId, org.id)))[0]).toMatchObject({
      status: "active",
      anniversary: "2027-11-15",
    });
    expect(
      (await db().select().from(spEnrollments).where(eq(spEnrollments.orgId, org.id))).map((e) => e.solutionArea),
    ).toEqual(["security"]);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "order.payment_confirm")));
    expect(audit).toMatchObject({ actor: "cli" });
    const card = (
      await loadOfferCards(db(), { orgId: org.id, role: "account_admin", verified: true, country: "US" }, "2026-11-20")
    ).cards[0]!;
    expect(card).toMatchObject({ offer: "solutions-partner", status: "active" });

    expect(await cli.run(["orders", "confirm-payment", order.number])).toBe(0);
    expect(cli.output()).toContain("already active");
    expect(await cli.run(["orders", "confirm-payment", "PMC-999999999"])).toBe(1);
    expect(await cli.run(["orders", "confirm-payment"])).toBe(2);
    await expect(
      uploadPaymentProof(
        db(),
        org.as.account_admin,
        { orderNumber: order.number, fileName: "late.png", bytes: PNG_BYTES },
        TODAY,
      ),
    ).rejects.toThrow(/no longer awaiting payment/);
  });

  it("expires an unpaid order after 30 days when state is read, and then allows a new order", async () => {
    const { org, order } = await wireOrder("w-expire");
    const ctx = { orgId: org.id, role: "account_admin" as const, verified: true, country: "US" };
    expect((await loadOfferCards(db(), ctx, "2026-12-15")).cards[0]!.status).toBe("awaiting_payment");
    expect((await loadOfferCards(db(), ctx, "2026-12-16")).cards[0]!.status).toBe("ready_to_buy");
    const [expired] = await db().select().from(orders).where(eq(orders.id, order.id));
    expect(expired).toMatchObject({ status: "expired", closedOn: "2026-12-16" });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "order.expire")));
    expect(audits).toHaveLength(1);
    const cli = commandsForTest();
    expect(await cli.run(["orders", "confirm-payment", order.number])).toBe(1);
    const again = await purchaseDesignation(
      db(),
      org.as.account_admin,
      form(org, "solutions-partner", "purchase", "wire_transfer"),
      "2026-12-16",
    );
    expect(again.order.status).toBe("awaiting_payment");
  });

  it("checks what is due once per data version and day, and again after a write or on a new day", async () => {
    const { org, order } = await wireOrder("w-due-cache");
    const checks = () => cacheStats().computed;
    const before = checks();
    expect(await maintainOrg(db(), org.id, "2026-12-15")).toEqual({ expired: [], lapsed: [], enrolled: [] });
    await maintainOrg(db(), org.id, "2026-12-15");
    expect(checks() - before).toBe(1); // the second read of the same version and day runs no check
    await cancelOrder(db(), org.as.account_admin, { orderNumber: order.number }, "2026-12-15"); // bumps the version
    const { order: next } = await purchaseDesignation(
      db(),
      org.as.account_admin,
      form(org, "solutions-partner", "purchase", "wire_transfer"),
      "2026-12-15",
    );
    const afterWrites = checks();
    await maintainOrg(db(), org.id, "2026-12-15");
    expect(checks() - afterWrites).toBe(1); // a new version: checked again
    expect((await maintainOrg(db(), org.id, "2027-01-15")).expired).toEqual([next.number]); // a new day
  });

  it("`maintenance` expires unpaid orders of every organization", async () => {
    const { order } = await wireOrder("w-maint", "2026-10-01");
    const cli = commandsForTest();
    expect(await cli.run(["maintenance"])).toBe(0);
    expect(cli.output()).toContain(`expired ${order.number}`);
  });

  it("cancels an awaiting order once; then a new order may be placed", async () => {
    const { org, order } = await wireOrder("w-cancel");
    await expect(
      purchaseDesignation(
        db(),
        org.as.account_admin,
        form(org, "solutions-partner", "purchase", "wire_transfer"),
        TODAY,
      ),
    ).rejects.toThrow(/Already ordered: order PMC-\d+ .* awaits payment/);
    const other = await makeOrg("w-cancel-other");
    await expect(cancelOrder(db(), other.as.global_admin, { orderNumber: order.number }, TODAY)).rejects.toThrow(
      /No order .* in your organization/,
    );
    const cancelled = await cancelOrder(db(), org.as.global_admin, { orderNumber: order.number }, TODAY);
    expect(cancelled).toMatchObject({ status: "cancelled", closedOn: TODAY });
    await expect(cancelOrder(db(), org.as.global_admin, { orderNumber: order.number }, TODAY)).rejects.toThrow(
      /no longer awaiting payment/,
    );
    const cli = commandsForTest();
    expect(await cli.run(["orders", "confirm-payment", order.number])).toBe(1);
    const again = await purchaseDesignation(
      db(),
      org.as.account_admin,
      form(org, "solutions-partner", "purchase", "wire_transfer"),
      TODAY,
    );
    expect(again.order.status).toBe("awaiting_payment");
  });

  it("a wire renewal confirmed after the anniversary still renews from the previous anniversary", async () => {
    const { org, order } = await wireOrder("w-renew", "2025-11-25");
    const cli = commandsForTest();
    process.env.APP_TODAY = "2025-11-30";
    resetEnvCache();
    expect(await cli.run(["orders", "confirm-payment", order.number])).toBe(0);
    const { order: renewal } = await renewDesignation(
      db(),
      org.as.account_admin,
      form(org, "solutions-partner", "renewal", "wire_transfer"),
      "2026-11-20",
    );
    expect(renewal).toMatchObject({ status: "awaiting_payment", termStart: "2026-11-25", termEnd: "2027-11-25" });
    process.env.APP_TODAY = "2026-11-28";
    resetEnvCache();
    expect(
      (
        await loadOfferCards(
          db(),
          { orgId: org.id, role: "account_admin", verified: true, country: "US" },
          "2026-11-28",
        )
      ).cards[0]!.status,
    ).toBe("awaiting_payment");
    expect(await cli.run(["orders", "confirm-payment", renewal.number])).toBe(0);
    expect((await db().select().from(designations).where(eq(designations.orgId, org.id)))[0]).toMatchObject({
      status: "active",
      anniversary: "2027-11-25",
    });
    process.env.APP_TODAY = "2026-11-20";
    resetEnvCache();
  });
});
