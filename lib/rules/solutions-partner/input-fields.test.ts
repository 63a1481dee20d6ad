import { describe, expect, it } from "vitest";
import { evaluateArea } from "./evaluate";
import { inputGroups, parseField, trackRequests, withField } from "./input-fields";
import { atThresholds, blank, R } from "./test-helpers";

describe("what-if input fields (SPEC §8)", () => {
  it("lists exactly the inputs one area and track read", () => {
    const keys = trackRequests(R, "modern-work", "smb").map((r) => r.key);
    expect(keys).toEqual([
      "customers:modern-work:smb:cpor+csp",
      "certifications:modern-work:intermediate:all",
      "certifications:modern-work:advanced:all",
      "usage:modern-work:active-users:cpor",
      "usage:modern-work:active-users:csp",
      "deployments:modern-work:cpor",
      "deployments:modern-work:csp",
    ]);
    // Assigned-track areas also read the segment mix that decides the track.
    expect(trackRequests(R, "infrastructure", "enterprise")[0].key).toBe("segment-mix:infrastructure");
  });

  it("labels every field uniquely and shows the current value", () => {
    const groups = inputGroups(R, "security", "enterprise", atThresholds("security", "enterprise"));
    const labels = groups.flatMap((g) => g.fields.map((f) => f.label));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain(
      "Customers, Enterprise segment (CPOR, CSP, PAL pooled): eligible at the end of last month",
    );
    const step1 = groups.find((g) => g.key === "certifications:security:intermediate:step1")!;
    expect(step1).toMatchObject({ title: "People with intermediate certifications, step 1", hint: "AZ-500, SC-500" });
    expect(step1.fields[0].value).toBe("2");
  });

  it("an edit re-evaluates with the same engine; nothing else changes", () => {
    const real = atThresholds("modern-work", "enterprise");
    expect(evaluateArea(R, "modern-work", real).qualified).toBe(true);
    const edited = withField(real, "certifications:modern-work:advanced:all", "persons", 0);
    expect(evaluateArea(R, "modern-work", edited).tracks.enterprise!.qualified).toBe(false);
    expect(real["certifications:modern-work:advanced:all"]).toEqual({ persons: 2 });
    expect(
      evaluateArea(
        R,
        "modern-work",
        withField(blank(), "usage:modern-work:active-users:cpor", "current", "1000.5"),
      ).tracks.enterprise!.metrics.find((m) => m.id === "usage-growth")!.points,
    ).toBe(30);
  });

  it("parses counts and exact decimals", () => {
    expect(parseField("3", false)).toBe(3);
    expect(parseField("", false)).toBe(0);
    expect(parseField("2.5", false)).toBeNull();
    expect(parseField("-1", false)).toBeNull();
    expect(parseField("-12.50", true)).toBe("-12.50");
    expect(parseField("1e3", true)).toBeNull();
    expect(parseField("abc", true)).toBeNull();
  });
});
