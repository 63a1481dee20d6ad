// SPEC §4.2 / §4.3 Azure areas: 80% SMB rule, shared performance and customer success metrics,
// gate/required/elective step models, the 1,000 USD 12-month entry condition.
import { describe, expect, it } from "vitest";
import * as F from "../fraction";
import { assignTrack, evaluateArea, evaluateTrack } from "./evaluate";
import { atThresholds, blank, metric, R, setCerts, setCustomers, setMix, setServices, setUsage } from "./test-helpers";
import type { Association } from "./types";

const POOL: Association[] = ["dpor", "csp", "pal"];
const AZURE = ["data-ai", "infrastructure", "digital-app-innovation"] as const;

describe("Azure track assignment: SMB when ≥ 80% of customers are SMB", () => {
  it("79% → Enterprise, 80% → SMB (exact integer comparison)", () => {
    const e = assignTrack(R, "data-ai", setMix(blank(), "data-ai", 79, 21))!;
    expect(e.track).toBe("enterprise");
    expect(e.reason).toBe(
      "Enterprise: 79 of 100 customers (79%) eligible at the end of last month are SMB; below 80%, so Enterprise.",
    );
    expect(assignTrack(R, "data-ai", setMix(blank(), "data-ai", 80, 20))!.track).toBe("smb");
    expect(assignTrack(R, "infrastructure", setMix(blank(), "infrastructure", 4, 1))!.track).toBe("smb");
    expect(assignTrack(R, "infrastructure", setMix(blank(), "infrastructure", 7959, 2041))!.reason).toMatch(
      /\(79\.5%\).*Enterprise/,
    );
    expect(assignTrack(R, "digital-app-innovation", setMix(blank(), "digital-app-innovation", 14, 2))!.reason).toBe(
      "SMB: 14 of 16 customers (88%) eligible at the end of last month are SMB; 80% or more makes the SMB track.",
    );
  });
  it("no customers at all → SMB (0 ≥ 80% of 0), said in words", () => {
    const a = assignTrack(R, "data-ai", blank())!;
    expect(a.track).toBe("smb");
    expect(a.reason).toMatch(/no Data & AI \(Azure\) customers/);
  });
  it("a recorded track wins for Azure too", () => {
    expect(evaluateArea(R, "data-ai", setMix(blank(), "data-ai", 10, 0), "enterprise").track).toBe("enterprise");
  });
});

describe.each(AZURE)("%s shared metrics", (area) => {
  it.each(["enterprise", "smb"] as const)("%s: thresholds exactly → 100", (t) => {
    const a = evaluateArea(R, area, atThresholds(area, t));
    expect([a.track, a.total, a.qualified]).toEqual([t, 100, true]);
  });
  it("net adds: 3 for 30 points, partial 1 → 10, of the assigned segment", () => {
    const i = atThresholds(area, "smb");
    setCustomers(i, area, "smb", POOL, 4, 3);
    setCustomers(i, area, "enterprise", POOL, 9);
    expect(metric(evaluateArea(R, area, i).tracks.smb, "net-customer-adds").points).toBe(10);
  });
  it("usage: 20% growth for 20 points, only when the 12-month total ≥ 1,000 USD (999 vs 1,000)", () => {
    const i = atThresholds(area, "enterprise");
    setUsage(i, area, "azure-consumption-usd", POOL, 120, 100, 999);
    let m = metric(evaluateTrack(R, area, "enterprise", i), "usage-growth");
    expect([m.value, m.points]).toEqual([0, 0]);
    expect(m.note).toMatch(/12-month total \(999\) is below 1,000/);
    setUsage(i, area, "azure-consumption-usd", POOL, 120, 100, 1000);
    m = metric(evaluateTrack(R, area, "enterprise", i), "usage-growth");
    expect([m.value, m.points]).toEqual([20, 20]);
    setUsage(i, area, "azure-consumption-usd", POOL, 105, 100, 5000); // 5% → 5 points
    expect(metric(evaluateTrack(R, area, "enterprise", i), "usage-growth").points).toBe(5);
    setUsage(i, area, "azure-consumption-usd", POOL, 500, 0, 5000); // zero baseline
    expect(metric(evaluateTrack(R, area, "enterprise", i), "usage-growth").points).toBe(0);
  });
  it("deployments: distinct services, 5 for 10 points", () => {
    const i = atThresholds(area, "smb");
    setServices(i, area, POOL, 3);
    expect(metric(evaluateTrack(R, area, "smb", i), "deployments").points).toBe(6);
    setServices(i, area, POOL, 12);
    expect(metric(evaluateTrack(R, area, "smb", i), "deployments").points).toBe(10);
  });
});

describe("Data & AI skilling (steps; no advanced metric)", () => {
  const pts = (t: "enterprise" | "smb", s1: number, s2: number, el: number) => {
    const i = blank();
    setCerts(i, "data-ai", "intermediate", "step1", s1);
    setCerts(i, "data-ai", "intermediate", "step2", s2);
    setCerts(i, "data-ai", "intermediate", "elective", el);
    return metric(evaluateTrack(R, "data-ai", t, i), "intermediate-certifications").pointsExact;
  };
  it("four metrics", () => {
    expect(evaluateTrack(R, "data-ai", "smb", blank()).metrics.map((m) => m.id)).toEqual([
      "net-customer-adds",
      "intermediate-certifications",
      "usage-growth",
      "deployments",
    ]);
  });
  it("Enterprise: gates ≥ 2 Administrators and ≥ 2 Architects, then 4 per elective person", () => {
    expect(pts("enterprise", 2, 1, 10)).toEqual(F.ZERO);
    expect(pts("enterprise", 1, 2, 10)).toEqual(F.ZERO);
    expect(pts("enterprise", 2, 2, 0)).toEqual(F.ZERO);
    expect(pts("enterprise", 2, 2, 5)).toEqual(F.fromInt(20));
    expect(pts("enterprise", 2, 2, 10)).toEqual(F.fromInt(40));
    expect(pts("enterprise", 3, 3, 11)).toEqual(F.fromInt(40));
  });
  it("SMB: 4 per step with ≥ 1 person; electives only with both steps", () => {
    expect(pts("smb", 1, 0, 0)).toEqual(F.fromInt(4));
    expect(pts("smb", 1, 0, 5)).toEqual(F.fromInt(4));
    expect(pts("smb", 1, 1, 0)).toEqual(F.fromInt(8));
    expect(pts("smb", 1, 1, 3)).toEqual(F.fromInt(20));
    expect(pts("smb", 1, 1, 8)).toEqual(F.fromInt(40));
    expect(pts("smb", 1, 1, 9)).toEqual(F.fromInt(40));
  });
});

describe.each(["infrastructure", "digital-app-innovation"] as const)("%s skilling", (area) => {
  const pts = (t: "enterprise" | "smb", level: "intermediate" | "advanced", gate: number, el: number) => {
    const i = blank();
    setCerts(i, area, level, "step1", gate);
    setCerts(i, area, level, "elective", el);
    return metric(evaluateTrack(R, area, t, i), `${level}-certifications`).points;
  };
  it.each(["intermediate", "advanced"] as const)("%s: Enterprise gate ≥ 2, then 4 per elective (max 20)", (level) => {
    expect(pts("enterprise", level, 1, 5)).toBe(0);
    expect(pts("enterprise", level, 2, 0)).toBe(0);
    expect(pts("enterprise", level, 2, 3)).toBe(12);
    expect(pts("enterprise", level, 2, 5)).toBe(20);
    expect(pts("enterprise", level, 2, 6)).toBe(20);
  });
  it.each(["intermediate", "advanced"] as const)("%s: SMB 4 for ≥ 1 gate person, 4 per elective", (level) => {
    expect(pts("smb", level, 0, 3)).toBe(0);
    expect(pts("smb", level, 1, 0)).toBe(4);
    expect(pts("smb", level, 1, 2)).toBe(12);
    expect(pts("smb", level, 1, 4)).toBe(20);
    expect(pts("smb", level, 1, 5)).toBe(20);
  });
});
