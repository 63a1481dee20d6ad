// SPEC §4.3 "Corrections from Microsoft's published 2026 pages": credentials, counts-until days.
import { describe, expect, it } from "vitest";
import { CATALOG_2026, isKnownCertificationCode } from "./certification-catalog";
import { credentialText, type ExamRow, examRowStatus, heldCredentials } from "./credentials";
import { evaluateTrack } from "./evaluate";
import { expiringCertificationImpact } from "./expiring";
import { certificationsKey } from "./inputs";
import { atThresholds, metric, R, setCerts, setDeployments } from "./test-helpers";

const DT = "2026-10-31";
const row = (personId: string, code: string, expiresOn: string | null = null, earnedOn = "2025-01-01"): ExamRow => ({
  personId,
  personName: personId,
  code,
  earnedOn,
  expiresOn,
});
const ws = (rows: ExamRow[], dt = DT) =>
  heldCredentials(CATALOG_2026, rows, dt).filter((c) => c.code === "WS-HYBRID-ADMIN");

describe("credentials (SPEC §4.3 corrections)", () => {
  it("imports carry exam codes: AZ-800, AZ-801, AZ-802, SC-500, AB-900, MS-900 and SC-400 are known; a credential's id is not", () => {
    for (const c of ["AZ-800", "AZ-801", "AZ-802", "SC-500", "AB-900", "MS-900", "SC-400"])
      expect(isKnownCertificationCode(CATALOG_2026, c), c).toBe(true);
    expect(isKnownCertificationCode(CATALOG_2026, "WS-HYBRID-ADMIN")).toBe(false);
  });

  it("Windows Server Hybrid Administrator: AZ-800 alone earns nothing; AZ-800 with AZ-801, or AZ-802 alone, does", () => {
    expect(ws([row("p", "AZ-800")])).toEqual([]);
    expect(ws([row("p", "AZ-801")])).toEqual([]);
    expect(ws([row("p", "AZ-800"), row("p", "AZ-801")])).toHaveLength(1);
    expect(ws([row("p", "AZ-802")])).toHaveLength(1);
    // Two people with one exam each do not make a credential.
    expect(ws([row("p", "AZ-800"), row("q", "AZ-801")])).toEqual([]);
    // Every exam must be valid on data_through and earned by then.
    expect(ws([row("p", "AZ-800"), row("p", "AZ-801", "2026-10-30")])).toEqual([]);
    expect(ws([row("p", "AZ-800"), row("p", "AZ-801", null, "2026-11-01")])).toEqual([]);
    expect(credentialText(CATALOG_2026, "WS-HYBRID-ADMIN")).toBe(
      "Windows Server Hybrid Administrator Associate (AZ-800 and AZ-801, or AZ-802)",
    );
  });

  it("a credential lasts until its earliest exam expires, through the list that lasts longest", () => {
    expect(ws([row("p", "AZ-800", "2026-12-01"), row("p", "AZ-801", "2027-05-01")])[0]).toMatchObject({
      lastDay: "2026-12-01",
      ends: "expires",
    });
    expect(
      ws([row("p", "AZ-800", "2026-12-01"), row("p", "AZ-801", "2027-05-01"), row("p", "AZ-802", null)])[0],
    ).toMatchObject({ lastDay: null, ends: null });
  });

  it("MS-900 counts through 2027-03-31 and not on 2027-04-01; its last day is the counts-until day", () => {
    const on = (dt: string) => heldCredentials(CATALOG_2026, [row("p", "MS-900")], dt).map((c) => c.code);
    expect(on("2027-03-31")).toEqual(["MS-900"]);
    expect(on("2027-04-01")).toEqual([]);
    expect(heldCredentials(CATALOG_2026, [row("p", "MS-900", "2028-01-01")], "2027-01-31")[0]).toMatchObject({
      lastDay: "2027-03-31",
      ends: "stops-counting",
    });
  });

  it("the download says why an exam row does not count", () => {
    const creds = ["AZ-700", "WS-HYBRID-ADMIN"];
    expect(examRowStatus(CATALOG_2026, creds, "AZ-800", new Set(["AZ-800"]), DT)).toMatchObject({
      counts: "no",
      why: "AZ-800 alone earns nothing: WS-HYBRID-ADMIN also needs AZ-801 (or AZ-802 alone)",
    });
    expect(examRowStatus(CATALOG_2026, creds, "AZ-800", new Set(["AZ-800", "AZ-801"]), DT)).toMatchObject({
      counts: "yes",
      why: "holds WS-HYBRID-ADMIN through AZ-800 and AZ-801",
    });
    expect(examRowStatus(CATALOG_2026, ["SC-400"], "SC-400", new Set(["SC-400"]), DT)).toMatchObject({
      counts: "no",
      why: "SC-400 counted for the score only until 2026-05-31",
    });
  });

  it("points at risk: a counts-until day within 90 days is treated like an expiry", () => {
    const dt = "2027-01-31";
    const inputs = setCerts(atThresholds("modern-work", "smb"), "modern-work", "intermediate", null, 2);
    const impact = expiringCertificationImpact({
      ruleset: R,
      inputs,
      dataThrough: dt,
      expiring: [{ personId: "p", personName: "P", code: "MS-900", expiresOn: "2027-03-31", ends: "stops-counting" }],
      remaining: { [certificationsKey("modern-work", "intermediate", null)]: { persons: 1 } },
    });
    const m = impact.metrics.find((x) => x.track === "smb" && x.metric === "intermediate-certifications");
    expect(m).toMatchObject({ pointsNow: 10, pointsAfter: 5, pointsAtRisk: 5 });
    expect(m?.certifications.map((c) => c.code)).toEqual(["MS-900"]);
  });

  it("Modern Work deployments count customers (tenants); Business Applications keeps pairs, in words", () => {
    const i = setDeployments(atThresholds("modern-work", "smb"), "modern-work", ["cpor"], 5);
    const mw = metric(evaluateTrack(R, "modern-work", "smb", i), "deployments");
    expect(mw).toMatchObject({ unit: "customers", points: 25 });
    expect(mw.producedBy).toContain("net new customers (tenants) with a deployment via CPOR");
    const ba = metric(
      evaluateTrack(R, "business-applications", "smb", atThresholds("business-applications", "smb")),
      "deployments",
    );
    expect(ba.unit).toBe("deployments");
    expect(ba.producedBy).toBe(
      "net new deployments Power Platform and Customer Insights via PAL; Dynamics 365 CPOR, DPOR, CSP pooled",
    );
  });
});
