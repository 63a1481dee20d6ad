// SPEC §9 at the edges, on the real database: the sign-in throttle per client address beside the
// per-account lock; a new user whose email belongs to another organization (a neutral refusal,
// nothing changed, the attempt audited); a refused self-disable is an error, not a success.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, sessions, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { ADDRESS_LIMIT } from "@/lib/auth/rate-limit";
import { ForbiddenError } from "@/lib/errors";
import { createOrganization } from "@/lib/orgs/verbs";
import { createUser, disableUser, EMAIL_UNAVAILABLE } from "@/lib/users/verbs";
import { signedIn } from "./support/callers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const CLI = { kind: "cli" } as const;
const t0 = new Date("2026-11-23T10:00:00Z");
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function orgWithAdmin(partnerId: string) {
  const org = await createOrganization(db(), CLI, { partnerId, name: `Org ${partnerId}`, country: "US" });
  const admin = await createUser(db(), CLI, org.id, {
    name: "Admin",
    email: `admin@${partnerId}.example`,
    role: "global_admin",
    password: "correct-horse-1",
  });
  const actor = await signedIn(db(), admin.id);
  return { org, admin, actor };
}

describe("sign-in throttle per client address", () => {
  it("after 30 failures at many accounts from one address, refuses even a right password from it, not from another", async () => {
    await orgWithAdmin("edge-spray");
    const spray = "198.51.100.7";
    for (let i = 0; i < ADDRESS_LIMIT.maxFailures; i++) {
      // one guess at each of many accounts: no account reaches its own lock
      const r = await verifyCredentials(db(), `user${i}@edge-spray.example`, "guess-1", later(i), spray);
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const refused = await verifyCredentials(db(), "admin@edge-spray.example", "correct-horse-1", later(40), spray);
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    if (refused.ok || refused.reason !== "throttled") throw new Error("expected a throttle");
    expect(refused.retryAfterMs).toBe(15 * 60_000 - 40_000); // the oldest failure (second 0) ages out
    const elsewhere = await verifyCredentials(db(), "admin@edge-spray.example", "correct-horse-1", later(41), "::1");
    expect(elsewhere.ok).toBe(true);
    const recovered = await verifyCredentials(db(), "admin@edge-spray.example", "correct-horse-1", later(901), spray);
    expect(recovered.ok).toBe(true);
  });
});

describe("adding a user whose email is taken", () => {
  it("in another organization: a neutral refusal, nothing changed there or here, the attempt audited here", async () => {
    const a = await orgWithAdmin("edge-hint-a");
    const b = await orgWithAdmin("edge-hint-b");
    const before = await db().select().from(users).where(eq(users.orgId, b.org.id));
    const attempt = createUser(db(), a.actor, a.org.id, {
      name: "Probe",
      email: "ADMIN@edge-hint-b.example",
      role: "member",
      password: "probe-pass-1",
    });
    await expect(attempt).rejects.toThrow(EMAIL_UNAVAILABLE);
    await attempt.catch((e: Error) => expect(e.message).not.toMatch(/exist|another organization/i));
    expect(await db().select().from(users).where(eq(users.orgId, b.org.id))).toEqual(before);
    expect(await db().select().from(users).where(eq(users.orgId, a.org.id))).toHaveLength(1);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.action, "user.create_refused")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toEqual({
      email: "admin@edge-hint-b.example",
      role: "member",
      reason: "email unavailable",
    });
    expect(await db().select().from(auditLog).where(eq(auditLog.orgId, b.org.id))).toHaveLength(2); // org + admin only
  });

  it("in the same organization: says so (the admin sees that list anyway)", async () => {
    const a = await orgWithAdmin("edge-hint-c");
    await expect(
      createUser(db(), a.actor, a.org.id, {
        name: "X",
        email: "admin@edge-hint-c.example",
        role: "member",
        password: "x-pass-12",
      }),
    ).rejects.toThrow(/already exists in your organization/);
  });
});

describe("disabling yourself", () => {
  it("is refused by the verb, as a refusal of the caller, and changes nothing", async () => {
    const a = await orgWithAdmin("edge-self");
    const signIn = await verifyCredentials(db(), "admin@edge-self.example", "correct-horse-1", t0);
    expect(signIn.ok).toBe(true);
    const sessionsOf = () => db().select().from(sessions).where(eq(sessions.userId, a.admin.id));
    const before = await sessionsOf(); // the caller's own and the sign-in's
    await expect(disableUser(db(), a.actor, a.org.id, { userId: a.admin.id }, t0)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const [row] = await db().select().from(users).where(eq(users.id, a.admin.id));
    expect(row!.disabledAt).toBeNull();
    expect(await sessionsOf()).toEqual(before);
    expect(before.map((x) => x.id)).toContain(signIn.ok && signIn.sessionId);
  });
});
