import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { actorName, authorize, type Caller, callerOrgId, callerUserId, requireRole, type UserCaller } from "./caller";

const user = (role: UserCaller["role"], orgId = "org-a"): UserCaller => ({
  kind: "user",
  sessionId: "s",
  userId: "u-1",
  email: "ann@a.example",
  name: "Ann",
  role,
  orgId,
  orgName: "A",
  partnerId: "1",
  country: "US",
  verified: true,
});
const operator: Caller = { kind: "operator", sessionId: "s", userId: "op-1", email: "op@pmc.example", name: "Op" };
const token: Caller = { kind: "token", tokenId: "t-1", name: "nightly", orgId: "org-a" };

describe("one caller for pages, verbs and the audit log", () => {
  it("names each kind as the audit log and “imported by” do", () => {
    expect(actorName(user("member"))).toBe("ann@a.example");
    expect(actorName(operator)).toBe("op@pmc.example");
    expect(actorName(token)).toBe("token:nightly");
    expect(actorName({ kind: "cli" })).toBe("cli");
    expect(actorName({ kind: "system" })).toBe("system");
    expect(actorName({ kind: "sign-in", label: "sso:x@y.example" })).toBe("sso:x@y.example");
  });
  it("knows the organization and the user behind a caller, when there is one", () => {
    expect([user("member"), operator, token, { kind: "cli" } as const].map(callerOrgId)).toEqual([
      "org-a",
      null,
      "org-a",
      null,
    ]);
    expect(callerUserId({ kind: "sign-in", label: "x", userId: "u-9" })).toBe("u-9");
    expect(callerUserId(token)).toBeNull();
  });
  it("requireRole admits only an organization's user whose role grants the permission", () => {
    expect(requireRole(user("global_admin"), "billing:manage").userId).toBe("u-1");
    for (const c of [user("account_admin"), operator, token, { kind: "cli" } as const])
      expect(() => requireRole(c, "billing:manage")).toThrow(/it needs the global admin role/);
  });
  it("authorize admits the operator and the CLI, and a user with the role in their own organization only", () => {
    expect(() => authorize(operator, "users:manage", "org-b")).not.toThrow();
    expect(() => authorize({ kind: "cli" }, "users:manage", "org-b")).not.toThrow();
    expect(() => authorize(user("global_admin"), "users:manage", "org-a")).not.toThrow();
    expect(() => authorize(user("partner_admin"), "users:manage", "org-a")).toThrow(ForbiddenError);
    expect(() => authorize(token, "tokens:manage", "org-a")).toThrow(ForbiddenError);
    expect(() => authorize(user("global_admin"), "users:manage", "org-b")).toThrow(/Not in your organization/);
  });
});
