import { describe, expect, it } from "vitest";
import { AREA_SLUGS } from "../areas";
import { CATALOG_2026, catalogFor, codesFor, isKnownCertificationCode } from "./certification-catalog";
import { RULESET_2026 } from "./ruleset-2026";
import { rulesetFor, SP_RULESETS } from "./rulesets";
import { perPersonThreshold } from "./steps";
import { type SpRuleset, TRACKS } from "./types";

describe("2026 ruleset data (SPEC §4.3)", () => {
  it("every area and track is out of 100 with unique metric ids", () => {
    for (const area of AREA_SLUGS)
      for (const t of TRACKS) {
        const ms = RULESET_2026.areas[area].tracks[t];
        expect(
          ms.reduce((s, m) => s + m.max, 0),
          `${area}/${t}`,
        ).toBe(100);
        expect(new Set(ms.map((m) => m.id)).size).toBe(ms.length);
        for (const m of ms) expect(m.criteria.length).toBeGreaterThan(20);
      }
  });
  it("Data & AI and Security have four metrics, no advanced; the others five", () => {
    for (const t of TRACKS) {
      for (const area of ["data-ai", "security"] as const) {
        const ids = RULESET_2026.areas[area].tracks[t].map((m) => m.id);
        expect(ids).toHaveLength(4);
        expect(ids).not.toContain("advanced-certifications");
      }
      for (const area of ["infrastructure", "digital-app-innovation", "business-applications", "modern-work"] as const)
        expect(RULESET_2026.areas[area].tracks[t]).toHaveLength(5);
    }
  });
  it("track rules: best-of for Modern Work and Security, assigned otherwise", () => {
    expect(RULESET_2026.areas["modern-work"].trackRule.kind).toBe("best-of");
    expect(RULESET_2026.areas.security.trackRule.kind).toBe("best-of");
    expect(RULESET_2026.areas["business-applications"].trackRule).toEqual({ kind: "enterprise-customers", atLeast: 5 });
    for (const a of ["data-ai", "infrastructure", "digital-app-innovation"] as const)
      expect(RULESET_2026.areas[a].trackRule).toEqual({ kind: "smb-share", smbShareAtLeast: { num: 4, den: 5 } });
  });
  it("step models need 6/4 (Security), 10/8 (Data & AI), 5/4 (Infrastructure, App Innovation) per-person people", () => {
    const th = (area: keyof SpRuleset["areas"], t: "enterprise" | "smb", id = "intermediate-certifications") => {
      const m = RULESET_2026.areas[area].tracks[t].find((x) => x.id === id)!;
      return m.source === "certifications" && m.model.kind === "steps" ? perPersonThreshold(m.model.steps, m.max) : -1;
    };
    expect([th("security", "enterprise"), th("security", "smb")]).toEqual([6, 4]);
    expect([th("data-ai", "enterprise"), th("data-ai", "smb")]).toEqual([10, 8]);
    expect([th("infrastructure", "enterprise"), th("infrastructure", "smb")]).toEqual([5, 4]);
    expect([
      th("digital-app-innovation", "enterprise", "advanced-certifications"),
      th("digital-app-innovation", "smb", "advanced-certifications"),
    ]).toEqual([5, 4]);
  });
});

describe("rulesetFor", () => {
  const later: SpRuleset = { ...RULESET_2026, id: "sp-2027", effectiveFrom: "2027-07-01" };
  it("picks the newest ruleset in force on data_through; a later one is data only", () => {
    expect(rulesetFor("2026-10-31")).toBe(RULESET_2026);
    expect(rulesetFor("2027-06-30", [...SP_RULESETS, later]).id).toBe(RULESET_2026.id);
    expect(rulesetFor("2027-07-01", [...SP_RULESETS, later]).id).toBe("sp-2027");
    expect(rulesetFor("2028-01-31", [later, ...SP_RULESETS]).id).toBe("sp-2027");
  });
  it("falls back to the oldest before every effective date; rejects bad dates", () => {
    expect(rulesetFor("2025-12-31").id).toBe(RULESET_2026.id);
    expect(() => rulesetFor("31/12/2025")).toThrow(RangeError);
  });
});

describe("certification catalog (SPEC §4.3)", () => {
  it("seeds every code of the SPEC table", () => {
    const codes =
      "MS-700 SC-300 MD-102 MS-721 MS-102 AZ-500 SC-200 SC-100 SC-401 AZ-104 AZ-305 DP-300 AI-102 DP-100 PL-300 DP-420 DP-600 DP-700 AZ-700 AZ-800 AZ-801 AZ-140 AZ-120 AZ-204 PL-400 AZ-400 PL-600 MB-800 MB-230 MB-240 MB-310 MB-330 MB-500 PL-200 MB-335 MB-700 MB-820".split(
        " ",
      );
    for (const c of codes) expect(isKnownCertificationCode(CATALOG_2026, c), c).toBe(true);
    expect(isKnownCertificationCode(CATALOG_2026, " az-104 ")).toBe(true);
    expect(isKnownCertificationCode(CATALOG_2026, "XX-999")).toBe(false);
  });
  it("one code counts in several areas", () => {
    expect(CATALOG_2026.entries["AZ-104"].counts).toEqual([
      { area: "data-ai", level: "intermediate", step: "step1" },
      { area: "infrastructure", level: "intermediate", step: "step1" },
      { area: "digital-app-innovation", level: "intermediate", step: "step1" },
    ]);
    expect(codesFor(CATALOG_2026, "data-ai", "intermediate", "elective")).toContain("PL-300");
    expect(codesFor(CATALOG_2026, "business-applications", "intermediate", null)).toContain("PL-300");
    expect(codesFor(CATALOG_2026, "security", "intermediate", "step3")).toEqual([
      "SC-100",
      "SC-300",
      "SC-400",
      "SC-401",
    ]);
    expect(codesFor(CATALOG_2026, "modern-work", "intermediate", null)).toEqual([
      "AB-900",
      "MD-102",
      "MS-700",
      "MS-721",
      "MS-900",
      "SC-300",
    ]);
    expect(codesFor(CATALOG_2026, "infrastructure", "advanced", "step1")).toEqual(["AZ-305"]);
    expect(codesFor(CATALOG_2026, "digital-app-innovation", "advanced", "elective")).toEqual(["AZ-400", "PL-600"]);
    expect(codesFor(CATALOG_2026, "business-applications", "advanced", null)).toEqual([
      "MB-335",
      "MB-700",
      "MB-820",
      "PL-600",
    ]);
  });
  it("catalogFor is versioned by effectiveFrom", () => {
    const next = { ...CATALOG_2026, id: "next", effectiveFrom: "2027-01-01" };
    expect(catalogFor("2026-06-30")).toBe(CATALOG_2026);
    expect(catalogFor("2027-01-01", [CATALOG_2026, next]).id).toBe("next");
    expect(catalogFor("2020-01-01", [next, CATALOG_2026]).id).toBe(CATALOG_2026.id);
  });
});
