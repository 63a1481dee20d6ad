import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { loadContext } from "@/lib/auth/sessions";
import { createOrganization } from "@/lib/orgs/verbs";
import { changeRole, createUser, disableUser } from "@/lib/users/verbs";
import { signedIn } from "./support/callers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const CLI = { kind: "cli" } as const;
const t0 = new Date("2026-11-23T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function orgWithAdmin(partnerId: string) {
  const org = await createOrganization(db(), CLI, { partnerId, name: `Org ${partnerId}`, country: "US" });
  const admin = await createUser(db(), CLI, org.id, {
    name: "Admin",
    email: `admin@${partnerId}.example`,
    role: "global_admin",
    password: "correct-horse-1",
  });
  return { org, admin };
}

describe("users and passwords", () => {
  it("stores an argon2id hash, never the password, and writes an audit row", async () => {
    const { org, admin } = await orgWithAdmin("p-hash");
    const [row] = await db().select().from(users).where(eq(users.id, admin.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain("correct-horse-1");
    const audit = await db().select().from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["org.create", "user.create"]));
  });

  it("rejects a duplicate email whatever its case", async () => {
    const { org } = await orgWithAdmin("p-dup");
    await expect(
      createUser(db(), CLI, org.id, {
        name: "B",
        email: "ADMIN@p-dup.example",
        role: "member",
        password: "another-pass-1",
      }),
    ).rejects.toThrow(/already exists/);
  });

  it("signs in with the right password only, with one generic failure for unknown emails", async () => {
    await orgWithAdmin("p-sign");
    const ok = await verifyCredentials(db(), "Admin@P-Sign.example", "correct-horse-1", t0);
    expect(ok.ok).toBe(true);
    expect(await verifyCredentials(db(), "admin@p-sign.example", "wrong", t0)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials(db(), "nobody@p-sign.example", "wrong", t0)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("rate limit counter in the database", () => {
  it("refuses the 11th attempt after 10 failures in 15 minutes, even with the right password, then recovers", async () => {
    await orgWithAdmin("p-rate");
    for (let i = 0; i < 10; i++) {
      expect((await verifyCredentials(db(), "admin@p-rate.example", `wrong-${i}`, later(i))).ok).toBe(false);
    }
    const locked = await verifyCredentials(db(), "admin@p-rate.example", "correct-horse-1", later(10));
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    // The oldest failure was at minute 0: from minute 15 on the account opens again.
    expect((await verifyCredentials(db(), "admin@p-rate.example", "correct-horse-1", later(15.01))).ok).toBe(true);
  });

  it("counts per account: another account is unaffected", async () => {
    await orgWithAdmin("p-rate2");
    expect((await verifyCredentials(db(), "admin@p-rate2.example", "correct-horse-1", later(10))).ok).toBe(true);
  });
});

describe("role and organization are re-read on every request", () => {
  it("a demotion and a disable take effect at once", async () => {
    const { org, admin } = await orgWithAdmin("p-demote");
    const other = await createUser(db(), CLI, org.id, {
      name: "Second",
      email: "second@p-demote.example",
      role: "global_admin",
      password: "second-pass-1",
    });
    const signIn = await verifyCredentials(db(), "second@p-demote.example", "second-pass-1", t0);
    if (!signIn.ok) throw new Error("sign-in failed");
    expect((await loadContext(db(), signIn.sessionId, t0))?.role).toBe("global_admin");

    const actor = await signedIn(db(), admin.id);
    await changeRole(db(), actor, org.id, { userId: other.id, role: "member" });
    expect((await loadContext(db(), signIn.sessionId, t0))?.role).toBe("member");

    await disableUser(db(), actor, org.id, { userId: other.id }, t0);
    expect(await loadContext(db(), signIn.sessionId, t0)).toBeNull();
    expect((await verifyCredentials(db(), "second@p-demote.example", "second-pass-1", t0)).ok).toBe(false);
  });

  it("cannot change a user of another organization", async () => {
    const a = await orgWithAdmin("p-iso-a");
    const b = await orgWithAdmin("p-iso-b");
    const actorB = await signedIn(db(), b.admin.id);
    await expect(changeRole(db(), actorB, b.org.id, { userId: a.admin.id, role: "member" })).rejects.toThrow(
      /not in your organization/,
    );
    const [row] = await db().select().from(users).where(eq(users.id, a.admin.id));
    expect(row!.role).toBe("global_admin");
  });

  it("the verbs check the role themselves: a partner admin adds, promotes and disables no one", async () => {
    const { org, admin } = await orgWithAdmin("p-verb-role");
    const other = await createUser(db(), CLI, org.id, {
      name: "Partner",
      email: "partner@p-verb-role.example",
      role: "partner_admin",
      password: "partner-pass-1",
    });
    const partner = await signedIn(db(), other.id);
    const refused = /Your role does not allow this: it needs the global admin role/;
    const input = {
      name: "X",
      email: "x@p-verb-role.example",
      role: "global_admin",
      password: "x-password-1",
    } as const;
    await expect(createUser(db(), partner, org.id, input)).rejects.toThrow(refused);
    await expect(changeRole(db(), partner, org.id, { userId: other.id, role: "global_admin" })).rejects.toThrow(
      refused,
    );
    await expect(disableUser(db(), partner, org.id, { userId: admin.id }, t0)).rejects.toThrow(refused);
    const rows = await db().select().from(users).where(eq(users.orgId, org.id));
    expect(rows.map((r) => [r.email, r.role, r.disabledAt]).sort()).toEqual([
      ["admin@p-verb-role.example", "global_admin", null],
      ["partner@p-verb-role.example", "partner_admin", null],
    ]);
  });

  it("keeps at least one active global admin", async () => {
    const { org, admin } = await orgWithAdmin("p-last");
    const actor = await signedIn(db(), admin.id);
    await expect(changeRole(db(), actor, org.id, { userId: admin.id, role: "member" })).rejects.toThrow(
      /at least one active global admin/,
    );
  });
});
