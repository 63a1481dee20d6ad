import { describe, expect, it } from "vitest";
import { evaluateSolutionsPartner } from "./evaluate";
import { inputRequests, MissingInputError, readInput, zeroInputs } from "./inputs";
import { R } from "./test-helpers";

const reqs = inputRequests(R);
const byKey = new Map(reqs.map((r) => [r.key, r]));

describe("inputRequests (the SQL contract)", () => {
  it("keys are distinct and stable", () => {
    expect(byKey.size).toBe(reqs.length);
    expect(inputRequests(R).map((r) => r.key)).toEqual(reqs.map((r) => r.key));
  });
  it("lists Modern Work's requests: pools as one request, options one per association", () => {
    expect(reqs.filter((r) => r.area === "modern-work").map((r) => r.key)).toEqual([
      "customers:modern-work:enterprise:cpor+dpor",
      "certifications:modern-work:intermediate:all",
      "certifications:modern-work:advanced:all",
      "usage:modern-work:active-users:cpor",
      "usage:modern-work:active-users:dpor",
      "deployments:modern-work:cpor",
      "deployments:modern-work:dpor",
      "customers:modern-work:smb:cpor+csp",
      "usage:modern-work:active-users:csp",
      "deployments:modern-work:csp",
    ]);
    expect(byKey.get("certifications:modern-work:advanced:all")).toMatchObject({
      kind: "certifications",
      level: "advanced",
      step: null,
      credentials: [{ code: "MS-102", earnedBy: [["MS-102"]], countsUntil: "2027-11-30" }],
    });
  });
  it("Security: pooled PAL/CSP/CPOR, two usage measures, one request per step with its codes", () => {
    expect(byKey.get("customers:security:smb:cpor+csp+pal")).toMatchObject({
      kind: "customers",
      segment: "smb",
      associations: ["cpor", "csp", "pal"],
    });
    expect(byKey.has("usage:security:security-consumption-usd:cpor+csp+pal")).toBe(true);
    expect(byKey.has("usage:security:protected-users:cpor+csp+pal")).toBe(true);
    const codes = (key: string) => {
      const r = byKey.get(key);
      return r?.kind === "certifications" ? r.credentials.map((c) => c.code) : null;
    };
    expect(codes("certifications:security:intermediate:step1")).toEqual(["AZ-500", "SC-500"]);
    expect(codes("certifications:security:intermediate:step3")).toEqual(["SC-100", "SC-300", "SC-400", "SC-401"]);
  });
  it("assigned-track areas ask for the segment mix and both segments' customers; Azure asks for services", () => {
    for (const a of ["data-ai", "infrastructure", "digital-app-innovation", "business-applications"])
      expect(byKey.has(`segment-mix:${a}`)).toBe(true);
    expect(byKey.has("segment-mix:modern-work")).toBe(false);
    expect(byKey.has("customers:data-ai:enterprise:dpor+csp+pal")).toBe(true);
    expect(byKey.has("customers:data-ai:smb:dpor+csp+pal")).toBe(true);
    expect(byKey.get("azure-services:data-ai:dpor+csp+pal")).toMatchObject({
      excludedWorkloads: ["virtual-machines", "vm-licenses"],
    });
    expect(byKey.get("certifications:data-ai:intermediate:step1")).toMatchObject({
      credentials: [{ code: "AZ-104", earnedBy: [["AZ-104"]], countsUntil: null }],
    });
    expect(byKey.has("certifications:data-ai:advanced:step1")).toBe(false);
    expect(byKey.get("usage:business-applications:consumption-value:cpor+dpor+csp+pal")).toBeDefined();
  });
  it("zeroInputs covers every request; a missing or invalid input is an error", () => {
    const z = zeroInputs(R);
    expect(Object.keys(z).sort()).toEqual([...byKey.keys()].sort());
    expect(evaluateSolutionsPartner({ ruleset: R, inputs: z }).areas.security.status).toBe("not_started");
    const { "deployments:modern-work:cpor": _, ...missing } = z;
    expect(() => evaluateSolutionsPartner({ ruleset: R, inputs: missing })).toThrow(MissingInputError);
    expect(() => readInput({}, "k", "segment-mix")).toThrow('"k" is missing');
    // A key that is there with a value of another shape is not reported as missing.
    expect(() => readInput({ k: "x" } as never, "k", "segment-mix")).toThrow(
      '"k" is not a segment-mix value (found a string)',
    );
    expect(() => readInput({ k: null } as never, "k", "customers")).toThrow("is not a customers value (found null)");
    expect(() => readInput({ k: { atEnd: -1, atStart: 0 } }, "k", "customers")).toThrow(/invalid atEnd/);
    expect(() => readInput({ k: { atEnd: 1.5, atStart: 0 } }, "k", "customers")).toThrow(MissingInputError);
    expect(readInput({ k: { current: "12.5", yearEarlier: 0, windowTotal: "1" } }, "k", "usage").current).toBe("12.5");
  });
});
