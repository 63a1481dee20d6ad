// SPEC §7 solutions-partner JSON shape.
import { describe, expect, it } from "vitest";
import { AREA_SLUGS } from "../areas";
import { evaluateSolutionsPartner, toSolutionsPartnerJson } from "./evaluate";
import { atThresholds, blank, R, setDeployments } from "./test-helpers";

describe("toSolutionsPartnerJson", () => {
  const inputs = atThresholds(
    "data-ai",
    "smb",
    atThresholds("modern-work", "enterprise", atThresholds("business-applications", "enterprise", blank())),
  );
  setDeployments(inputs, "modern-work", ["cpor"], 2); // Modern Work Enterprise deployments 25 → 10: total 85
  const evaluation = evaluateSolutionsPartner({
    ruleset: R,
    inputs,
    recordedTracks: { "business-applications": "enterprise" },
  });
  const json = toSolutionsPartnerJson(evaluation, "2026-10-31", { "business-applications": "enrolled" });

  it("has the contract fields for every area", () => {
    expect(json.dataThrough).toBe("2026-10-31");
    expect(Object.keys(json.areas)).toEqual([...AREA_SLUGS]);
    for (const a of Object.values(json.areas)) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(["status", "track", "total", "qualified", "tracks"]));
      for (const t of Object.values(a.tracks))
        for (const m of Object.values(t!.metrics)) {
          expect(typeof m!.value).toBe("number");
          expect(typeof m!.points).toBe("number");
          expect(typeof m!.max).toBe("number");
        }
    }
  });
  it("serializes tracks, metrics and statuses", () => {
    const mw = json.areas["modern-work"];
    expect(mw).toMatchObject({
      status: "qualified",
      track: "enterprise",
      total: 85,
      qualified: true,
      trackSource: "best-of",
    });
    expect(Object.keys(mw.tracks)).toEqual(["enterprise", "smb"]);
    expect(mw.tracks.enterprise!.metrics.deployments).toMatchObject({ value: 2, points: 10, max: 25, threshold: 5 });
    expect(json.areas["data-ai"]).toMatchObject({ status: "qualified", track: "smb", total: 100 });
    expect(Object.keys(json.areas["data-ai"].tracks)).toEqual(["smb"]);
    expect(Object.keys(json.areas["data-ai"].tracks.smb!.metrics)).toEqual([
      "net-customer-adds",
      "intermediate-certifications",
      "usage-growth",
      "deployments",
    ]);
    expect(json.areas["business-applications"]).toMatchObject({ status: "enrolled", trackSource: "operator" });
    expect(json.areas.security).toMatchObject({ status: "not_started", total: 0, qualified: false });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json); // plain JSON, no bigints
  });
});
