import { describe, expect, it } from "vitest";
import { decideAccess, safeReturnPath } from "./access";
import { can, type Permission, ROLES, type Role } from "./roles";

// Expected outcome for every role × permission (SPEC §1).
const TABLE: Record<Role, Permission[]> = {
  member: [],
  partner_admin: ["membership:view", "data:import"],
  account_admin: ["membership:view", "data:import", "offers:purchase"],
  global_admin: [
    "membership:view",
    "data:import",
    "offers:purchase",
    "billing:manage",
    "users:manage",
    "audit:view",
    "tokens:manage",
  ],
};
const ALL: Permission[] = [
  "membership:view",
  "data:import",
  "offers:purchase",
  "billing:manage",
  "users:manage",
  "audit:view",
  "tokens:manage",
];

describe("guard decision", () => {
  for (const role of ROLES) {
    for (const permission of ALL) {
      const allowed = TABLE[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
        expect(decideAccess({ role }, permission)).toBe(allowed ? "allow" : "forbidden");
      });
    }
  }
  it("sends signed-out visitors to sign in", () => {
    for (const permission of ALL) expect(decideAccess(null, permission)).toBe("unauthenticated");
  });
});

describe("return paths stay on this site", () => {
  it.each([
    ["/membership/users?x=1", "/membership/users?x=1"],
    ["//evil.example/x", "/membership"],
    ["/\\evil.example", "/membership"],
    ["https://evil.example/", "/membership"],
    ["javascript:alert(1)", "/membership"],
    ["", "/membership"],
    [undefined, "/membership"],
    ["/./" + "/evil.example", "/membership"],
    ["/..//evil.example", "/membership"],
    ["/%2e%2e//evil.example", "/membership"],
    ["/a/..//evil.example/x", "/membership"],
    ["/.\\/evil.example", "/membership"],
    ["/\t/evil.example", "/membership"],
    ["/membership/../membership/users", "/membership/users"],
  ])("%s → %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  // Property: whatever the input, the answer is the fallback or a path that a browser resolves
  // to the same origin from any page, and that is its own answer (already normalized).
  const PIECES = ["/", "//", "\\", ".", "..", "./", "../", "%2e", "%2E", "%2f", "%2F", "%5c", "%5C", "%09", "%00"];
  const MORE = ["\t", "\n", " ", "evil.example", "a", "?", "#", "@", ":", "http:", "https:", "%252e", "\u3002", "ｅ"];
  const ALPHABET = [...PIECES, ...MORE];

  function random(seed: number): () => number {
    let s = seed >>> 0; // mulberry32: a small, seeded generator so that a failure can be replayed
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it("never answers a path that leaves the site, over 20,000 tricky values (seed 14)", () => {
    const next = random(14);
    const bad: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const parts = ["/"];
      const n = 1 + Math.floor(next() * 8);
      for (let j = 0; j < n; j++) parts.push(ALPHABET[Math.floor(next() * ALPHABET.length)]!);
      const input = parts.join("");
      const out = safeReturnPath(input);
      if (out === "/membership") continue;
      const fromPage = new URL(out, "https://app.example/membership/orders/x");
      const sameSite =
        out.startsWith("/") &&
        !out.startsWith("//") &&
        !out.includes("\\") &&
        !/[\u0000-\u0020]/.test(out) &&
        fromPage.origin === "https://app.example" &&
        new URL(out, "http://other.example").host === "other.example" &&
        safeReturnPath(out) === out;
      if (!sameSite) bad.push(`${JSON.stringify(input)} → ${JSON.stringify(out)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
