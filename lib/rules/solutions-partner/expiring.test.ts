// SPEC §4.6 — certifications expiring within 90 days and the points they put at risk.
import { describe, expect, it } from "vitest";
import * as F from "../fraction";
import { addDays, type ExpiringCertification, expiringCertificationImpact } from "./expiring";
import { certificationsKey } from "./inputs";
import { atThresholds, R, setCerts } from "./test-helpers";

const DT = "2026-10-31";
const cert = (personId: string, code: string, days: number): ExpiringCertification => ({
  personId,
  personName: `Person ${personId}`,
  code,
  expiresOn: addDays(DT, days),
});

describe("expiringCertificationImpact", () => {
  it("addDays crosses months and years", () => {
    expect(addDays(DT, 90)).toBe("2027-01-29");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });
  it("points at risk per metric from the persons who would remain", () => {
    const inputs = setCerts(atThresholds("modern-work", "enterprise"), "modern-work", "advanced", null, 2); // 15 (Ent) / 15 (SMB)
    const impact = expiringCertificationImpact({
      ruleset: R,
      inputs,
      dataThrough: DT,
      expiring: [
        cert("p1", "MS-102", 30),
        cert("p2", "MS-700", 100),
        cert("p3", "MS-102", 91),
        cert("p4", "ms-102", 90),
        cert("p5", "MS-102", -1),
        cert("p6", "MS-102", 0),
      ],
      remaining: { [certificationsKey("modern-work", "advanced", null)]: { persons: 1 }, "not-a-key": { persons: 0 } },
    });
    expect(impact.horizon).toBe("2027-01-29");
    expect(impact.metrics).toHaveLength(1); // SMB needs 1 person: nothing at risk there
    const m = impact.metrics[0];
    expect(m).toMatchObject({
      area: "modern-work",
      track: "enterprise",
      metric: "advanced-certifications",
      pointsNow: 15,
      pointsAfter: 7.5,
      pointsAtRisk: 7.5,
      pointsAtRiskText: "7.5",
    });
    expect(m.pointsAtRiskExact).toEqual(F.frac(15, 2));
    expect(m.certifications.map((c) => c.personId)).toEqual(["p6", "p1", "p4"]);
    const t = impact.tracks.find((x) => x.area === "modern-work" && x.track === "enterprise")!;
    expect(t).toMatchObject({
      selected: true,
      totalNow: 100,
      totalAfter: 92.5,
      qualifiedNow: true,
      qualifiedAfter: true,
    });
  });
  it("losing a gate/required step loses the elective points too", () => {
    const inputs = atThresholds("security", "smb"); // step1 1, step2 1, step3 4 → 40
    const impact = expiringCertificationImpact({
      ruleset: R,
      inputs,
      dataThrough: DT,
      expiring: [cert("a", "AZ-500", 10), cert("b", "SC-300", 20)],
      remaining: { [certificationsKey("security", "intermediate", "step1")]: { persons: 0 } },
    });
    const smb = impact.metrics.find((x) => x.area === "security" && x.track === "smb")!;
    expect([smb.pointsNow, smb.pointsAfter, smb.pointsAtRisk]).toEqual([40, 4, 36]);
    expect(smb.certifications.map((c) => c.code)).toEqual(["AZ-500", "SC-300"]);
    const t = impact.tracks.find((x) => x.area === "security" && x.track === "smb")!;
    expect([t.qualifiedNow, t.qualifiedAfter]).toEqual([true, false]);
  });
  it("nothing at risk when the remaining counts keep the points", () => {
    const inputs = atThresholds("business-applications", "smb");
    setCerts(inputs, "business-applications", "intermediate", null, 9); // capped at 5 people
    const impact = expiringCertificationImpact({
      ruleset: R,
      inputs,
      dataThrough: DT,
      expiring: [cert("x", "PL-300", 5)],
      remaining: { [certificationsKey("business-applications", "intermediate", null)]: { persons: 5 } },
    });
    expect(impact.metrics).toEqual([]);
  });
});
