// SPEC §4.3 "Corrections from Microsoft's published 2026 pages", each at its boundary, computed in
// SQL from line items (PGlite, or PostgreSQL with DATABASE_URL): credentials of several exams,
// counts-until days, Business Applications associations by metric and workload family,
// deployments per tenant; and SPEC §4.6: a certification earned after data_through never offsets
// one that expires.
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loadExpiring, loadExpiryImpact, loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { loadSpInputs, spDates } from "@/db/queries/solutions-partner-inputs";
import { SP_LINE_ITEM_COLUMNS, spLineItemPages } from "@/db/queries/solutions-partner-items";
import { certifications, customers, deployments, imports } from "@/db/schema";
import { createOrganization } from "@/lib/orgs/verbs";
import {
  certificationsKey,
  customersKey,
  deploymentsKey,
  inputRequests,
  rulesetFor,
} from "@/lib/rules/solutions-partner";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const CLI = { kind: "cli" } as const;
let n = 0;

async function org(dataThrough = "2026-10-31") {
  const o = await createOrganization(db(), CLI, { partnerId: `corr-${++n}`, name: `corr ${n}`, country: "US" });
  await db()
    .insert(imports)
    .values({ orgId: o.id, kind: "certifications", fileName: "x.csv", rowCount: 1, dataThrough, importedBy: "cli" });
  return o.id;
}
type Exam = [person: string, code: string, earnedOn: string, expiresOn: string | null];
const certs = (orgId: string, rows: Exam[]) =>
  db()
    .insert(certifications)
    .values(
      rows.map(([personId, certificationCode, earnedOn, expiresOn]) => ({
        orgId,
        personId,
        personName: `Person ${personId}`,
        certificationCode,
        earnedOn,
        expiresOn,
      })),
    );
async function inputs(orgId: string, dataThrough: string) {
  return loadSpInputs(db(), orgId, inputRequests(rulesetFor(dataThrough)), spDates(dataThrough));
}
const persons = (i: Awaited<ReturnType<typeof inputs>>, key: string) => (i[key] as { persons: number }).persons;
const WS = certificationsKey("infrastructure", "intermediate", "elective");

describe("credentials, not exams (SPEC §4.3 corrections)", () => {
  it("Windows Server Hybrid Administrator: AZ-800 alone earns nothing; with AZ-801, or AZ-802 alone, it counts", async () => {
    const orgId = await org();
    await certs(orgId, [
      ["ALONE", "AZ-800", "2025-01-01", null],
      ["OTHER", "AZ-801", "2025-01-01", null],
      ["BOTH", "AZ-800", "2025-01-01", null],
      ["BOTH", "AZ-801", "2025-01-01", null],
      ["NEW", "AZ-802", "2025-01-01", null],
      ["LAPSED", "AZ-800", "2025-01-01", null],
      ["LAPSED", "AZ-801", "2024-01-01", "2026-10-30"], // expired the day before data_through
      ["LATE", "AZ-800", "2025-01-01", null],
      ["LATE", "AZ-801", "2026-11-01", null], // earned after data_through
    ]);
    const i = await inputs(orgId, "2026-10-31");
    expect(persons(i, WS)).toBe(2); // BOTH and NEW
    // The download shows, per exam row, the credential and whether the person counts for it.
    const rule = rulesetFor("2026-10-31").areas.infrastructure.tracks.smb.find(
      (r) => r.id === "intermediate-certifications",
    )!;
    const rows: unknown[][] = [];
    for await (const page of spLineItemPages(
      db(),
      orgId,
      rulesetFor("2026-10-31"),
      "infrastructure",
      "smb",
      rule,
      spDates("2026-10-31"),
    ))
      rows.push(...page);
    const cols = SP_LINE_ITEM_COLUMNS.certifications;
    const at = (person: string, code: string) => {
      const r = rows.find((x) => x[0] === person && x[2] === code)!;
      return Object.fromEntries(cols.map((c, k) => [c, r[k]]));
    };
    expect(at("ALONE", "AZ-800")).toMatchObject({
      counts: "no",
      credential: expect.stringContaining("WS-HYBRID-ADMIN"),
    });
    expect(at("ALONE", "AZ-800").why).toMatch(/AZ-800 alone earns nothing.*AZ-801.*AZ-802/);
    expect(at("BOTH", "AZ-801")).toMatchObject({
      counts: "yes",
      why: "holds WS-HYBRID-ADMIN through AZ-800 and AZ-801",
    });
    expect(at("NEW", "AZ-802")).toMatchObject({ counts: "yes" });
    expect(at("LAPSED", "AZ-800").counts).toBe("no");
    expect(rows.some((x) => x[0] === "LATE" && x[2] === "AZ-801")).toBe(false); // not valid on data_through
  });

  it("MS-900 counts for Modern Work through 2027-03-31 and not on 2027-04-01", async () => {
    const orgId = await org();
    await certs(orgId, [
      ["P1", "MS-900", "2025-01-01", null],
      ["P2", "AB-900", "2025-01-01", null],
    ]);
    const key = certificationsKey("modern-work", "intermediate", null);
    expect(persons(await inputs(orgId, "2027-03-31"), key)).toBe(2);
    expect(persons(await inputs(orgId, "2027-04-01"), key)).toBe(1);
    // SC-400 counted for Security step 3 through 2026-05-31; SC-500 is a step 1 credential.
    await certs(orgId, [
      ["S1", "SC-400", "2025-01-01", null],
      ["S2", "SC-500", "2025-01-01", null],
    ]);
    const step3 = certificationsKey("security", "intermediate", "step3");
    const step1 = certificationsKey("security", "intermediate", "step1");
    expect(persons(await inputs(orgId, "2026-05-31"), step3)).toBe(1);
    expect(persons(await inputs(orgId, "2026-06-30"), step3)).toBe(0);
    expect(persons(await inputs(orgId, "2026-06-30"), step1)).toBe(1);
  });

  it("the expiring list treats a counts-until day like an expiry, and a credential ends with its first exam", async () => {
    const orgId = await org("2027-01-31");
    await certs(orgId, [
      ["M1", "MS-900", "2025-01-01", null],
      ["W1", "AZ-800", "2025-01-01", "2027-02-15"],
      ["W1", "AZ-801", "2025-01-01", null],
      ["W2", "AZ-800", "2025-01-01", "2027-02-15"],
      ["W2", "AZ-802", "2025-01-01", null], // still holds the credential through AZ-802
    ]);
    const view = await loadSolutionsPartner(db(), orgId, "2027-02-20");
    expect(view.dates.dataThrough).toBe("2027-01-31");
    const { expiring } = await loadExpiring(db(), orgId, view);
    expect(expiring).toEqual([
      { personId: "W1", personName: "Person W1", code: "WS-HYBRID-ADMIN", expiresOn: "2027-02-15", ends: "expires" },
      { personId: "M1", personName: "Person M1", code: "MS-900", expiresOn: "2027-03-31", ends: "stops-counting" },
    ]);
    const impact = await loadExpiryImpact(db(), orgId, view);
    const mw = impact.metrics.find((m) => m.area === "modern-work" && m.metric === "intermediate-certifications");
    expect(mw?.certifications.map((c) => c.code)).toEqual(["MS-900"]);
    expect(mw?.pointsAtRisk).toBeGreaterThan(0);
  });
});

describe("certifications expiring within 90 days (SPEC §4.6)", () => {
  it("count only certifications earned on or before data_through: one earned later never offsets one that expires", async () => {
    const orgId = await org();
    await certs(orgId, [
      ["P1", "MS-102", "2025-01-01", "2026-12-15"], // expires within 90 days
      ["P2", "MS-102", "2026-11-10", null], // earned after data_through (2026-10-31)
    ]);
    const view = await loadSolutionsPartner(db(), orgId, "2026-11-23");
    expect(view.remaining[certificationsKey("modern-work", "advanced", null)]).toEqual({ persons: 0 });
    const { expiring } = await loadExpiring(db(), orgId, view);
    expect(expiring.map((e) => e.personId)).toEqual(["P1"]);
    const impact = await loadExpiryImpact(db(), orgId, view);
    const smb = impact.metrics.find(
      (m) => m.area === "modern-work" && m.track === "smb" && m.metric === "advanced-certifications",
    );
    expect(smb).toMatchObject({ pointsNow: 15, pointsAfter: 0, pointsAtRisk: 15 });
  });
});

describe("associations and deployments (SPEC §4.3 corrections)", () => {
  const BA = "business-applications";
  const d = spDates("2026-10-31");
  const since = "2026-02-01";
  const dep = (orgId: string, customerId: string, area: string, workload: string, association: "cpor" | "pal") => ({
    orgId,
    customerId,
    solutionArea: area,
    workload,
    association,
    deployedOn: since,
  });

  it("a PAL-only Business Applications customer is no net add; its deployments count only for Power Platform workloads", async () => {
    const orgId = await org();
    await db()
      .insert(customers)
      .values([
        {
          orgId,
          customerId: "PAL1",
          customerName: "p",
          solutionArea: BA,
          segment: "smb",
          association: "pal",
          eligibleFrom: since,
        },
        {
          orgId,
          customerId: "CP1",
          customerName: "c",
          solutionArea: BA,
          segment: "smb",
          association: "cpor",
          eligibleFrom: since,
        },
      ]);
    await db()
      .insert(deployments)
      .values([
        dep(orgId, "PAL1", BA, "power-apps", "pal"), // counts: Power Platform through PAL
        dep(orgId, "PAL1", BA, "dynamics-sales", "pal"), // no: Dynamics 365 needs CPOR, CSP or DPOR
        dep(orgId, "CP1", BA, "copilot-studio", "cpor"), // no: Power Platform through PAL only
        dep(orgId, "CP1", BA, "dynamics-sales", "cpor"), // counts
        dep(orgId, "CP1", BA, "dynamics-finance", "cpor"), // counts: pairs, not tenants
      ]);
    const i = await loadSpInputs(db(), orgId, inputRequests(rulesetFor(d.dataThrough)), d);
    expect(i[customersKey(BA, "smb", ["cpor", "dpor", "csp"])]).toEqual({ atEnd: 1, atStart: 0 });
    expect(i[deploymentsKey(BA, ["cpor", "dpor", "csp", "pal"])]).toEqual({ atEnd: 3, atStart: 0 });
    const rule = rulesetFor(d.dataThrough).areas[BA].tracks.smb.find((r) => r.id === "deployments")!;
    const rows: unknown[][] = [];
    for await (const page of spLineItemPages(db(), orgId, rulesetFor(d.dataThrough), BA, "smb", rule, d))
      rows.push(...page);
    expect(rows.map((r) => `${r[0]}|${r[2]}`).sort()).toEqual([
      "CP1|dynamics-finance",
      "CP1|dynamics-sales",
      "PAL1|power-apps",
    ]);
  });

  it("a tenant with three Modern Work workloads is one deployment; Security counts tenants too", async () => {
    const orgId = await org();
    await db()
      .insert(deployments)
      .values([
        dep(orgId, "T1", "modern-work", "teams", "cpor"),
        dep(orgId, "T1", "modern-work", "exchange", "cpor"),
        dep(orgId, "T1", "modern-work", "sharepoint", "cpor"),
        dep(orgId, "T2", "modern-work", "teams", "cpor"),
        dep(orgId, "T1", "security", "defender", "cpor"),
        dep(orgId, "T1", "security", "sentinel", "pal"),
      ]);
    const i = await loadSpInputs(db(), orgId, inputRequests(rulesetFor(d.dataThrough)), d);
    expect(i[deploymentsKey("modern-work", ["cpor"])]).toEqual({ atEnd: 2, atStart: 0 });
    expect(i[deploymentsKey("security", ["cpor", "csp", "pal"])]).toEqual({ atEnd: 1, atStart: 0 });
    const view = await loadSolutionsPartner(db(), orgId, "2026-11-23");
    const m = view.evaluation.areas["modern-work"].tracks.enterprise!.metrics.find((x) => x.id === "deployments")!;
    expect(m).toMatchObject({ value: 2, unit: "customers" });
    expect(m.criteria).toContain("customers (tenants)");
  });
});
