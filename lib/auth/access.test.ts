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
  ])("%s → %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
