import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, designations, imports, orders, tsMonthly } from "@/db/schema";
import { AlreadyOrderedError } from "@/lib/errors";
import { saveBillingProfile } from "@/lib/offers/billing-profile";
import { loadSpEnrollment } from "@/lib/offers/enrollment";
import { purchaseDesignation, renewDesignation } from "@/lib/offers/place-order";
import { loadOfferCards } from "@/lib/offers/state";
import { useTestDatabase } from "../test-db";
import { BILLING, form, makeOrg, qualifyTs, recordSp } from "./helpers";

useTestDatabase();

/** An org that bought Solutions Partner on 2025-12-01 (anniversary 2026-12-01; window opens 2026-11-01). */
async function heldOrg(partnerId: string) {
  const org = await makeOrg(partnerId);
  await saveBillingProfile(db(), org.as.global_admin, BILLING);
  await recordSp(org.id, "security", true, "2025-11-20T09:00:00Z");
  await purchaseDesignation(db(), org.as.global_admin, form(org, "solutions-partner", "purchase"), "2025-12-01");
  return org;
}

const anniversaryOf = async (orgId: string, offer: "solutions-partner" | "training-services" = "solutions-partner") =>
  (
    await db()
      .select()
      .from(designations)
      .where(and(eq(designations.orgId, orgId), eq(designations.offer, offer)))
  )[0];

describe("renewal", () => {
  it("renew racing renew moves the anniversary exactly once, from the previous anniversary", async () => {
    const org = await heldOrg("r-race");
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        renewDesignation(
          db(),
          i % 2 ? org.as.account_admin : org.as.global_admin,
          form(org, "solutions-partner", "renewal"),
          "2026-11-15",
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AlreadyOrderedError);
    expect((await anniversaryOf(org.id))!.anniversary).toBe("2027-12-01");
    const renewals = await db()
      .select()
      .from(orders)
      .where(and(eq(orders.orgId, org.id), eq(orders.kind, "renewal")));
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({ termStart: "2026-12-01", termEnd: "2027-12-01", status: "active" });
  });

  it("is refused the day before the window opens and accepted on its first day", async () => {
    const org = await heldOrg("r-open");
    await expect(
      renewDesignation(db(), org.as.global_admin, form(org, "solutions-partner", "renewal"), "2026-10-31"),
    ).rejects.toThrow(/opens on 2026-11-01/);
    await expect(
      purchaseDesignation(db(), org.as.global_admin, form(org, "solutions-partner", "purchase"), "2026-10-31"),
    ).rejects.toThrow(/Already ordered: your organization holds/);
    const { order } = await renewDesignation(
      db(),
      org.as.global_admin,
      form(org, "solutions-partner", "renewal"),
      "2026-11-01",
    );
    expect(order.termEnd).toBe("2027-12-01");
  });

  it("is accepted on the anniversary itself; the day after the designation lapses and only a fresh purchase is possible", async () => {
    const last = await heldOrg("r-last");
    await renewDesignation(db(), last.as.global_admin, form(last, "solutions-partner", "renewal"), "2026-12-01");
    expect((await anniversaryOf(last.id))!.anniversary).toBe("2027-12-01");

    const late = await heldOrg("r-late");
    await expect(
      renewDesignation(db(), late.as.global_admin, form(late, "solutions-partner", "renewal"), "2026-12-02"),
    ).rejects.toThrow(/lapsed on 2026-12-01/);
    expect(await anniversaryOf(late.id)).toMatchObject({ status: "lapsed", anniversary: "2026-12-01" });
    const lapses = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, late.id), eq(auditLog.action, "designation.lapse")));
    expect(lapses).toHaveLength(1);
    expect(lapses[0]!.actor).toBe("system");
    const { order } = await purchaseDesignation(
      db(),
      late.as.global_admin,
      form(late, "solutions-partner", "purchase"),
      "2026-12-02",
    );
    expect(order).toMatchObject({ kind: "purchase", termStart: "2026-12-02", termEnd: "2027-12-02" });
    expect(await anniversaryOf(late.id)).toMatchObject({ status: "active", anniversary: "2027-12-02" });
  });

  it("Training Services renews only while the organization still qualifies", async () => {
    const org = await makeOrg("r-ts");
    await saveBillingProfile(db(), org.as.global_admin, BILLING);
    await qualifyTs(org.id, "2025-10-31", "2025-09");
    await purchaseDesignation(db(), org.as.global_admin, form(org, "training-services", "purchase"), "2025-11-20");
    // A later import empties the rollup (the app changes ts_monthly only inside an import, which
    // commits an imports row: the Training Services figures are versioned by it).
    await db().delete(tsMonthly).where(eq(tsMonthly.orgId, org.id));
    await db().insert(imports).values({
      orgId: org.id,
      kind: "courseware-completions",
      fileName: "c.csv",
      rowCount: 0,
      dataThrough: "2025-10-31",
      importedBy: "test",
    });
    await expect(
      renewDesignation(db(), org.as.global_admin, form(org, "training-services", "renewal"), "2026-11-15"),
    ).rejects.toThrow(/does not qualify/);
    await qualifyTs(org.id, "2026-10-31", "2026-09");
    const { order } = await renewDesignation(
      db(),
      org.as.global_admin,
      form(org, "training-services", "renewal"),
      "2026-11-15",
    );
    expect(order).toMatchObject({ termStart: "2026-11-20", termEnd: "2027-11-20" });
  });
});

describe("Solutions Partner enrollment per area (SPEC §4.5)", () => {
  it("enrolls an area that becomes eligible later at no charge, with the same anniversary", async () => {
    const org = await heldOrg("e-late");
    expect((await loadSpEnrollment(db(), org.id, "2026-02-01"))["data-ai"]).toEqual({
      enrolled: false,
      renewalDue: false,
      anniversary: null,
    });
    await recordSp(org.id, "data-ai", true, "2026-03-01T10:00:00Z");
    const e = await loadSpEnrollment(db(), org.id, "2026-03-05");
    expect(e["data-ai"]).toEqual({ enrolled: true, renewalDue: false, anniversary: "2026-12-01" });
    expect(e.security).toEqual({ enrolled: true, renewalDue: false, anniversary: "2026-12-01" });
    await loadSpEnrollment(db(), org.id, "2026-03-06");
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "designation.area_enroll")));
    expect(audits).toHaveLength(1);
    expect(await db().select().from(orders).where(eq(orders.orgId, org.id))).toHaveLength(1); // no charge
  });

  it("shows renewal due inside the window; at renewal an area no longer eligible lapses at the anniversary", async () => {
    const org = await heldOrg("e-renew");
    await recordSp(org.id, "data-ai", true, "2025-11-25T10:00:00Z");
    await recordSp(org.id, "data-ai", false, "2026-01-15T10:00:00Z");
    expect((await loadSpEnrollment(db(), org.id, "2025-12-10"))["data-ai"].enrolled).toBe(true);
    const due = await loadSpEnrollment(db(), org.id, "2026-11-10");
    expect(due.security).toEqual({ enrolled: true, renewalDue: true, anniversary: "2026-12-01" });
    await renewDesignation(db(), org.as.account_admin, form(org, "solutions-partner", "renewal"), "2026-11-15");
    const renewed = await loadSpEnrollment(db(), org.id, "2026-11-16");
    expect(renewed.security).toEqual({ enrolled: true, renewalDue: false, anniversary: "2027-12-01" });
    expect(renewed["data-ai"]).toEqual({ enrolled: true, renewalDue: false, anniversary: "2026-12-01" });
    const after = await loadSpEnrollment(db(), org.id, "2026-12-02");
    expect(after.security.enrolled).toBe(true);
    expect(after["data-ai"]).toEqual({ enrolled: false, renewalDue: false, anniversary: null });
  });

  it("the offers cards name the status and the next step", async () => {
    const org = await heldOrg("e-cards");
    const ctx = { orgId: org.id, role: "partner_admin" as const, verified: true, country: "US" };
    const before = (await loadOfferCards(db(), ctx, "2026-10-31")).cards.find((c) => c.offer === "solutions-partner")!;
    expect(before).toMatchObject({ status: "active", action: "renew", canOrder: false, enrolled: ["security"] });
    expect(before.checks.find((c) => c.id === "window")).toMatchObject({ met: false });
    expect(before.checks.find((c) => c.id === "role")).toMatchObject({ met: false });
    const inWindow = (await loadOfferCards(db(), { ...ctx, role: "account_admin" }, "2026-11-01")).cards.find(
      (c) => c.offer === "solutions-partner",
    )!;
    expect(inWindow).toMatchObject({ status: "renewal_due", action: "renew", canOrder: true });
    const lapsed = (await loadOfferCards(db(), { ...ctx, role: "account_admin" }, "2026-12-02")).cards.find(
      (c) => c.offer === "solutions-partner",
    )!;
    expect(lapsed).toMatchObject({ status: "lapsed", action: "buy", canOrder: true, enrolled: [] });
  });
});
