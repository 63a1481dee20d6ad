import { describe, expect, it } from "vitest";
import { trendHref, trendOpen } from "./trend-section";

describe("the trend section's address (rendered on demand, SPEC §8)", () => {
  it("opens only on trend=show; anything else, or nothing, keeps it closed", () => {
    expect(trendOpen({ trend: "show" })).toBe(true);
    expect(trendOpen({})).toBe(false);
    expect(trendOpen({ trend: "SHOW" })).toBe(false);
    expect(trendOpen({ trend: ["show", "show"] })).toBe(false);
    expect(trendOpen({ track: "smb" })).toBe(false);
  });

  it("keeps the page's other parameters and scrolls to the section both ways", () => {
    const area = "/membership/solutions-partner/security";
    expect(trendHref(area, true, "t")).toBe(`${area}?trend=show#t`);
    expect(trendHref(`${area}?track=smb`, true, "t")).toBe(`${area}?track=smb&trend=show#t`);
    expect(trendHref(`${area}?track=smb&trend=show`, false, "t")).toBe(`${area}?track=smb#t`);
    expect(trendHref(area, false, "t")).toBe(`${area}#t`);
  });
});
