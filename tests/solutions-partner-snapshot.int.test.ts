// SPEC §9 (fast at any size): the Solutions Partner inputs kept per import (sp_snapshots) always equal the inputs
// computed from the line items — after imports, re-imports that change rows, and rows deleted
// behind the app's back — and a row that is not current is never used.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loadExpiring, loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { loadSpInputs, spDates } from "@/db/queries/solutions-partner-inputs";
import { certifications, deployments, imports, spSnapshots } from "@/db/schema";
import { bumpDataVersion } from "@/db/writes/data-version";
import { afterImport } from "@/lib/imports/after-import";
import { addDays } from "@/lib/rules/time";
import { createOrg, expectOk, runImport, TODAY } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const DT = "2026-10-31";
let orgId = "";
beforeEach(async () => {
  orgId = await createOrg(`snap-${Math.random().toString(36).slice(2, 8)}`);
});

const load = (kind: "customers" | "certifications" | "deployments" | "usage", rows: string[]) => {
  const header = {
    customers: "customer_id,customer_name,solution_area,segment,association,eligible_from,eligible_until",
    certifications: "person_id,person_name,certification_code,earned_on,expires_on",
    deployments: "customer_id,solution_area,workload,association,deployed_on,removed_on",
    usage: "solution_area,association,measure,month,value",
  }[kind];
  return expectOk(runImport(kind, orgId, `${[header, ...rows].join("\n")}\n`, { dataThrough: DT, afterImport }));
};

/** The inputs computed from the line items now, bypassing the snapshot. */
async function fromLineItems() {
  const view = await loadSolutionsPartner(db(), orgId, TODAY);
  const live = await loadSpInputs(db(), orgId, view.requests, view.dates);
  const certs = view.requests.filter((r) => r.kind === "certifications");
  const later = await loadSpInputs(db(), orgId, certs, { ...spDates(DT), certificationsValidOn: addDays(DT, 91) });
  return { view, live, later: Object.fromEntries(certs.map((r) => [r.key, later[r.key]])) };
}

async function snapshotRow() {
  const [row] = await db().select().from(spSnapshots).where(eq(spSnapshots.orgId, orgId));
  return row;
}

describe("Solutions Partner snapshot (sp_snapshots)", () => {
  it("is written by each import and equals the line items after imports and re-imports", async () => {
    const first = await load("customers", [
      "C1,A,modern-work,smb,cpor,2026-01-15,",
      "C2,B,modern-work,smb,cpor,2026-01-15,",
    ]);
    expect(await snapshotRow()).toMatchObject({ importId: first.importId, dataThrough: DT });
    await load("certifications", ["P1,Ada,MS-700,2025-01-01,2026-12-15", "P2,Bob,MS-102,2025-01-01,"]);
    await load("deployments", ["C1,modern-work,teams,cpor,2026-02-01,"]);
    const last = await load("usage", ["modern-work,cpor,active-users,2026-10,1500"]);
    let { view, live, later } = await fromLineItems();
    expect((await snapshotRow())!.importId).toBe(last.importId);
    expect(view.inputs).toEqual(live);
    expect(view.remaining).toEqual(later);
    expect(Object.values(view.remaining).some((v) => v.persons > 0)).toBe(true);
    const expiring = await loadExpiring(db(), orgId, view);
    expect(expiring.expiring.map((e) => e.personId)).toEqual(["P1"]);

    // A re-import changes a row (C2 leaves before end(M)) and adds one: the snapshot follows.
    await load("customers", [
      "C2,B,modern-work,smb,cpor,2026-01-15,2026-05-01",
      "C3,C,modern-work,smb,cpor,2026-03-01,",
    ]);
    ({ view, live } = await fromLineItems());
    expect(view.inputs).toEqual(live);
    expect(
      view.evaluation.areas["modern-work"].tracks.smb!.metrics.find((m) => m.id === "net-customer-adds")!.value,
    ).toBe(2);
  });

  it("is recomputed, not trusted, when it is not the newest import's or the ruleset's", async () => {
    await load("customers", ["C1,A,modern-work,smb,cpor,2026-01-15,"]);
    await load("certifications", ["P1,Ada,MS-700,2025-01-01,"]);
    // Rows deleted and added behind the app's back, then an import row without the import's hook:
    await db().delete(certifications).where(eq(certifications.orgId, orgId));
    await db().insert(deployments).values({
      orgId,
      customerId: "C1",
      solutionArea: "modern-work",
      workload: "teams",
      association: "cpor",
      deployedOn: "2026-02-01",
    });
    const [row] = await db()
      .insert(imports)
      .values({ orgId, kind: "deployments", fileName: "x.csv", rowCount: 1, dataThrough: DT, importedBy: "cli" })
      .returning();
    await bumpDataVersion(db(), orgId); // the kept view (lib/cache.ts) is of the previous version
    let { view, live } = await fromLineItems();
    expect(view.inputs).toEqual(live);
    expect(
      Object.entries(view.inputs)
        .filter(([k]) => k.startsWith("certifications"))
        .every(([, v]) => (v as { persons: number }).persons === 0),
    ).toBe(true);
    expect((await snapshotRow())!.importId).toBe(row!.id); // refilled for the newest import

    // A snapshot of another ruleset is never read.
    await db()
      .update(spSnapshots)
      .set({ ruleset: "some-older-ruleset", inputs: {} })
      .where(eq(spSnapshots.orgId, orgId));
    await bumpDataVersion(db(), orgId);
    ({ view, live } = await fromLineItems());
    expect(view.inputs).toEqual(live);
    expect((await snapshotRow())!.ruleset).toBe(view.ruleset.id);
  });

  it("never lets an older import's inputs replace a newer one's", async () => {
    const a = await load("customers", ["C1,A,modern-work,smb,cpor,2026-01-15,"]);
    const b = await load("customers", ["C2,B,modern-work,smb,cpor,2026-01-15,"]);
    expect(b.importId).toBeGreaterThan(a.importId);
    await db().execute(sql`update sp_snapshots set inputs = '{}'::jsonb where org_id = ${orgId}`);
    // A page that still believes `a` is newest computes, but must not overwrite `b`'s row.
    const { refreshSpSnapshot } = await import("@/db/queries/solutions-partner-snapshot");
    const view = await loadSolutionsPartner(db(), orgId, TODAY);
    await refreshSpSnapshot(db(), {
      orgId,
      importId: a.importId,
      ruleset: view.ruleset,
      requests: view.requests,
      dates: view.dates,
    });
    expect((await snapshotRow())!.importId).toBe(b.importId);
  });

  it("counts an Azure service removed on the day it was deployed as never active (SPEC §4.4)", async () => {
    await load("deployments", [
      "C1,infrastructure,aks,csp,2026-03-01,2026-03-01", // removed the same day: not active on any day
      "C1,infrastructure,azure-sql,csp,2026-03-01,2026-03-02", // active on 2026-03-01
    ]);
    const { live, view } = await fromLineItems();
    const services = view.requests.filter(
      (r) => r.kind === "azure-services" && r.area === "infrastructure" && r.associations.includes("csp"),
    );
    expect(services.length).toBeGreaterThan(0);
    for (const r of services) expect(live[r.key]).toEqual({ services: 1 }); // azure-sql only
  });
});
