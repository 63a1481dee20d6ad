// SPEC §9 (fast at any size): derived figures are kept per organization data version (lib/cache.ts). Every writer of an
// input gives the organization a new version in its transaction, so the next read recomputes; an organization whose
// data has not changed gets the kept value itself, computed once (counted by the cache's own statistics).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Db, db } from "@/db/client";
import { loadAlerts } from "@/db/queries/alerts";
import { dataScope } from "@/db/queries/data-version";
import { loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { loadTrainingServices } from "@/db/queries/training-services";
import { cacheStats } from "@/lib/cache";
import type { ImportKind } from "@/lib/imports/columns";
import { saveBillingProfile } from "@/lib/offers/billing-profile";
import { maintainOrg } from "@/lib/offers/maintenance";
import { cancelOrder, confirmPayment } from "@/lib/offers/payments";
import { purchaseDesignation, renewDesignation } from "@/lib/offers/place-order";
import { loadOfferCards } from "@/lib/offers/state";
import { setTrack } from "@/lib/orgs/tracks";
import { verifyOrganization } from "@/lib/orgs/verbs";
import { addDays } from "@/lib/rules/time";
import { COURSES_CSV, expectOk, runImport } from "./fixtures/csv/helpers";
import { BILLING, CLI, form, makeOrg, recordSp, TODAY } from "./offers/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const fixture = (kind: ImportKind) => fs.readFileSync(path.join(__dirname, "fixtures/csv", `${kind}.csv`), "utf8");
const KINDS: ImportKind[] = [
  "courseware-completions",
  "exam-vouchers",
  "mtm-surveys",
  "certifications",
  "customers",
  "usage",
  "deployments",
];

const versionOf = async (orgId: string) => (await dataScope(db(), orgId, TODAY))!.version;
const alertIds = async (orgId: string, day = TODAY) => (await loadAlerts(db(), orgId, day)).map((a) => a.id);

/** Runs a write and checks that it gave the organization a new version and that the alerts were recomputed. */
async function expectInvalidates(orgId: string, write: () => Promise<unknown>, day = TODAY) {
  const before = await versionOf(orgId);
  const kept = await loadAlerts(db(), orgId, day);
  await write();
  expect(await versionOf(orgId)).not.toEqual(before);
  const computed = cacheStats().computed;
  const fresh = await loadAlerts(db(), orgId, day);
  expect(fresh).not.toBe(kept);
  expect(cacheStats().computed).toBeGreaterThan(computed);
}

describe("derived figures per data version", () => {
  it("an unchanged organization gets the kept value without recomputing", async () => {
    const org = await makeOrg("dv-same");
    const first = await loadAlerts(db(), org.id, TODAY);
    const view = await loadTrainingServices(db(), org.id, TODAY);
    const computed = cacheStats().computed;
    expect(await loadAlerts(db(), org.id, TODAY)).toBe(first);
    expect(await loadTrainingServices(db(), org.id, TODAY)).toBe(view);
    expect(cacheStats().computed).toBe(computed);
    // Another day is another evaluation.
    expect(await loadAlerts(db(), org.id, addDays(TODAY, 1))).not.toBe(first);
    // Inside a transaction nothing is kept: it may read its own uncommitted writes.
    expect(await db().transaction((tx) => dataScope(tx as unknown as Db, org.id, TODAY))).toBeNull();
  });

  it("every import of each program's kinds and of the course catalog invalidates", async () => {
    const org = await makeOrg("dv-imports");
    await expectInvalidates(org.id, () => expectOk(runImport("courses", null, COURSES_CSV)));
    for (const kind of KINDS) {
      const view = await loadTrainingServices(db(), org.id, TODAY);
      const sp = await loadSolutionsPartner(db(), org.id, TODAY);
      await expectInvalidates(org.id, () => expectOk(runImport(kind, org.id, fixture(kind))));
      expect(await loadTrainingServices(db(), org.id, TODAY)).not.toBe(view);
      expect(await loadSolutionsPartner(db(), org.id, TODAY)).not.toBe(sp);
    }
    const points = async () => (await loadTrainingServices(db(), org.id, TODAY)).evaluation.base.courseware.points;
    const before = await points();
    expect(before).toBeGreaterThan(0);
    // A catalog import that moves a course to another category changes the figures of every organization.
    await expectInvalidates(org.id, () =>
      expectOk(
        runImport(
          "courses",
          null,
          COURSES_CSV.replace("infrastructure,three-days-or-more,4", "infrastructure,two-days-or-less,2"),
        ),
      ),
    );
    expect(await points()).not.toBe(before);
  });

  it("purchase, payment confirmation, renewal, cancellation and expiry invalidate; the alerts follow", async () => {
    const org = await makeOrg("dv-offers");
    await recordSp(org.id, "security", true, "2025-11-20T09:00:00Z");
    const buy = () =>
      purchaseDesignation(
        db(),
        org.as.account_admin,
        form(org, "solutions-partner", "purchase", "wire_transfer"),
        "2025-12-01",
      );
    let order = (await buy()).order; // bought before: a record of an earlier day
    await expectInvalidates(org.id, async () => {
      order = await cancelOrder(db(), org.as.account_admin, { orderNumber: order.number }, "2025-12-01");
    });
    await expectInvalidates(org.id, async () => {
      order = (await buy()).order;
    });
    expect(await alertIds(org.id, "2025-12-01")).toContain(`order-awaiting-${order.number}`);
    await expectInvalidates(org.id, () => confirmPayment(db(), CLI, { orderNumber: order.number }, "2025-12-01"));
    expect(await alertIds(org.id, "2025-12-01")).not.toContain(`order-awaiting-${order.number}`);

    // Inside the renewal window (the anniversary is 2026-12-01): a wire renewal awaits payment, then expires.
    expect(await alertIds(org.id)).toContain("renewal-open-solutions-partner");
    let renewal = order;
    await expectInvalidates(org.id, async () => {
      renewal = (
        await renewDesignation(
          db(),
          org.as.account_admin,
          form(org, "solutions-partner", "renewal", "wire_transfer"),
          TODAY,
        )
      ).order;
    });
    expect(await alertIds(org.id)).toContain(`order-awaiting-${renewal.number}`);
    const late = addDays(renewal.expiresOn!, 1);
    await expectInvalidates(org.id, () => maintainOrg(db(), org.id, late), late);
    expect(await alertIds(org.id, late)).not.toContain(`order-awaiting-${renewal.number}`);
  });

  it("saving the billing profile invalidates: the offers offer the profile as a payment method at once", async () => {
    const org = await makeOrg("dv-billing");
    const ctx = { orgId: org.id, role: "global_admin" as const, verified: true, country: "US" };
    const profileMethod = async () =>
      (await loadOfferCards(db(), ctx, TODAY)).cards[0]!.methods.find((m) => m.id === "billing_profile")!.available;
    expect(await profileMethod()).toBe(false);
    await expectInvalidates(org.id, () => saveBillingProfile(db(), org.as.global_admin, BILLING));
    expect(await profileMethod()).toBe(true);
  });

  it("a recorded track and a verification invalidate", async () => {
    const org = await makeOrg("dv-operator", { verified: false });
    await expectInvalidates(org.id, () =>
      setTrack(db(), CLI, { partnerId: org.partnerId, area: "business-applications", track: "smb" }, new Date()),
    );
    expect((await loadSolutionsPartner(db(), org.id, TODAY)).recordedTracks["business-applications"]).toBe("smb");
    await expectInvalidates(org.id, () => verifyOrganization(db(), CLI, org.partnerId));
  });
});
