// SPEC §4.3 Security: pooled associations, step models, Azure + M365 usage summed then capped.
import { describe, expect, it } from "vitest";
import * as F from "../fraction";
import { evaluateArea, evaluateTrack } from "./evaluate";
import { atThresholds, blank, metric, R, setCerts, setCustomers, setDeployments, setUsage } from "./test-helpers";
import type { Association } from "./types";

const SEC = "security" as const;
const POOL: Association[] = ["cpor", "csp", "pal"];
const steps = (i: ReturnType<typeof blank>, s1: number, s2: number, s3: number) => {
  setCerts(i, SEC, "intermediate", "step1", s1);
  setCerts(i, SEC, "intermediate", "step2", s2);
  return setCerts(i, SEC, "intermediate", "step3", s3);
};
const cert = (t: "enterprise" | "smb", i: ReturnType<typeof blank>) =>
  metric(evaluateTrack(R, SEC, t, i), "intermediate-certifications");

describe("Security", () => {
  it.each(["enterprise", "smb"] as const)("%s: thresholds exactly → 100 and four metrics (no advanced)", (t) => {
    const e = evaluateTrack(R, SEC, t, atThresholds(SEC, t));
    expect(e.totalExact).toEqual(F.fromInt(100));
    expect(e.metrics.map((m) => m.id)).toEqual([
      "net-customer-adds",
      "intermediate-certifications",
      "deployments",
      "usage-growth",
    ]);
    expect(e.qualified).toBe(true);
  });
  it("pooled associations: one request over PAL, CSP and CPOR; partial and capped net adds", () => {
    const i = atThresholds(SEC, "smb");
    setCustomers(i, SEC, "smb", POOL, 2); // 2/5 × 20 = 8
    expect(metric(evaluateTrack(R, SEC, "smb", i), "net-customer-adds").points).toBe(8);
    setCustomers(i, SEC, "smb", POOL, 40, 30); // 10 net → capped 20
    expect(metric(evaluateTrack(R, SEC, "smb", i), "net-customer-adds").points).toBe(20);
    setDeployments(i, SEC, POOL, 3, 0); // 3/6 × 20
    expect(metric(evaluateTrack(R, SEC, "smb", i), "deployments").points).toBe(10);
  });
  it("Enterprise gates unmet earn 0 whatever step 3 has", () => {
    expect(cert("enterprise", steps(blank(), 1, 2, 6)).points).toBe(0);
    expect(cert("enterprise", steps(blank(), 2, 1, 6)).points).toBe(0);
    expect(cert("enterprise", steps(blank(), 2, 2, 0)).points).toBe(0); // gates met, nothing per person
    expect(cert("enterprise", steps(blank(), 1, 2, 6)).producedBy).toMatch(/Step 1 not met \(1 of 2 needed\)/);
  });
  it("Enterprise gates met: 40/6 per step-3 person, exactly; 3 people = 20; 6 = 40; 7 capped", () => {
    expect(cert("enterprise", steps(blank(), 2, 2, 3)).pointsExact).toEqual(F.fromInt(20));
    expect(cert("enterprise", steps(blank(), 2, 2, 1)).pointsText).toBe("6.7");
    expect(cert("enterprise", steps(blank(), 5, 9, 6)).pointsExact).toEqual(F.fromInt(40));
    const capped = cert("enterprise", steps(blank(), 2, 2, 7));
    expect(capped.points).toBe(40);
    expect(capped.producedBy).toMatch(/capped at 40/);
    expect([capped.value, capped.threshold]).toEqual([7, 6]);
  });
  it("SMB required steps earn 4 each with ≥ 1 person; step 3 needs both", () => {
    expect(cert("smb", steps(blank(), 1, 0, 0)).points).toBe(4);
    expect(cert("smb", steps(blank(), 0, 3, 0)).points).toBe(4);
    expect(cert("smb", steps(blank(), 1, 1, 0)).points).toBe(8);
    expect(cert("smb", steps(blank(), 1, 0, 3)).points).toBe(4); // step 3 not counted without step 2
    expect(cert("smb", steps(blank(), 1, 1, 2)).points).toBe(24);
    expect(cert("smb", steps(blank(), 1, 1, 4)).points).toBe(40);
    expect(cert("smb", steps(blank(), 2, 2, 5)).points).toBe(40); // capped
  });
  it("usage growth: Azure points + M365 points, summed then capped at 20", () => {
    const i = atThresholds(SEC, "enterprise");
    setUsage(i, SEC, "security-consumption-usd", POOL, 32_500, 20_000); // 12,500 USD → 10 points
    setUsage(i, SEC, "protected-users", POOL, 1625, 1000); // 625 users → 5 points
    let m = metric(evaluateTrack(R, SEC, "enterprise", i), "usage-growth");
    expect(m.points).toBe(15);
    expect(m.candidates.map((c) => F.toNumber(c.points))).toEqual([10, 5]);
    setUsage(i, SEC, "security-consumption-usd", POOL, 20_000, 0); // 16 points
    setUsage(i, SEC, "protected-users", POOL, 1000, 0); // 8 points → 24 → 20
    m = metric(evaluateTrack(R, SEC, "enterprise", i), "usage-growth");
    expect(m.points).toBe(20);
    expect(m.value).toBe(24); // points before the cap
    expect(m.producedBy).toMatch(/capped at 20/);
    setUsage(i, SEC, "protected-users", POOL, 0, 1000); // negative part earns 0, does not subtract
    expect(metric(evaluateTrack(R, SEC, "enterprise", i), "usage-growth").points).toBe(16);
  });
  it("SMB usage: 1 point per 750 USD or per 50 users", () => {
    const i = atThresholds(SEC, "smb");
    setUsage(i, SEC, "security-consumption-usd", POOL, 750, 0);
    setUsage(i, SEC, "protected-users", POOL, 150, 50);
    expect(metric(evaluateTrack(R, SEC, "smb", i), "usage-growth").points).toBe(3);
    setUsage(i, SEC, "protected-users", POOL, "75", 50); // 25 users = half a point
    expect(metric(evaluateTrack(R, SEC, "smb", i), "usage-growth").pointsExact).toEqual(F.frac(3, 2));
  });
  it("a total of exactly 70 through 40/6 × 3 qualifies", () => {
    const i = atThresholds(SEC, "enterprise");
    steps(i, 2, 2, 3); // 20
    setUsage(i, SEC, "security-consumption-usd", POOL, 12_500, 0); // 10
    const e = evaluateTrack(R, SEC, "enterprise", i);
    expect(e.totalExact).toEqual(F.fromInt(70));
    expect(e.qualified).toBe(true);
  });
  it("both tracks computed; the better counts; Enterprise on a tie", () => {
    const i = blank();
    setCustomers(i, SEC, "enterprise", POOL, 10);
    setCustomers(i, SEC, "smb", POOL, 5);
    steps(i, 2, 2, 6); // Enterprise 40; SMB 4 + 4 + 48 → 40
    setDeployments(i, SEC, POOL, 6);
    setUsage(i, SEC, "protected-users", POOL, 2500, 0); // Enterprise 20, SMB 50 → 20
    let a = evaluateArea(R, SEC, i);
    expect([a.tracks.enterprise!.total, a.tracks.smb!.total, a.track]).toEqual([100, 100, "enterprise"]);
    steps(i, 1, 1, 1); // Enterprise 0 (gates unmet, not qualified); SMB 4 + 4 + 8 = 16 → 76
    a = evaluateArea(R, SEC, i);
    expect(a.tracks.enterprise!.qualified).toBe(false);
    expect(a.track).toBe("smb");
    expect(a.status).toBe("qualified");
  });
});
