// SPEC §11 on a real database: linking, matching by subject, refusals (each audited), tenant
// restriction, single sign-on required, the settings verbs and unlinking.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, sessions, userIdentities } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { loadContext } from "@/lib/auth/sessions";
import { type Identity, identityOf, signInWithIdentity } from "@/lib/auth/sso";
import { DomainError, NotFoundError } from "@/lib/errors";
import { signInSettingsInput, unlinkIdentity, updateSignInSettings } from "@/lib/orgs/sign-in-settings";
import { createOrganization } from "@/lib/orgs/verbs";
import { createUser, disableUser } from "@/lib/users/verbs";
import { signedIn } from "./support/callers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const CLI = { kind: "cli" } as const;
const t0 = new Date("2026-11-23T10:00:00Z");
const ISS = "https://idp.test.example";
const TENANT_A = "aaaaaaaa-0000-4000-8000-00000000000a";
const TENANT_B = "bbbbbbbb-0000-4000-8000-00000000000b";
const PASSWORD = "correct-horse-1";

async function org(partnerId: string) {
  const o = await createOrganization(db(), CLI, { partnerId, name: `Org ${partnerId}`, country: "US" });
  const admin = await createUser(db(), CLI, o.id, {
    name: "Admin",
    email: `admin@${partnerId}.example`,
    role: "global_admin",
    password: PASSWORD,
  });
  const actor = await signedIn(db(), admin.id);
  return { org: o, admin, actor };
}

const identity = (subject: string, email: string | null, tenantId: string | null = TENANT_A): Identity => ({
  provider: "oidc",
  issuer: ISS,
  subject,
  email,
  tenantId,
});
const audits = (action: string) => db().select().from(auditLog).where(eq(auditLog.action, action));
const settings = (input: Record<string, string>) => signInSettingsInput.parse(input);

describe("single sign-on: who an identity signs in as", () => {
  it("links issuer + subject at the first sign-in, then matches the subject whatever the email says", async () => {
    const { org: o, admin } = await org("sso-link");
    const first = await signInWithIdentity(db(), identity("s-1", "ADMIN@sso-link.example"), t0);
    expect(first).toMatchObject({ ok: true, userId: admin.id, linked: true });
    const ctx = await loadContext(db(), (first as { sessionId: string }).sessionId, t0);
    expect(ctx?.email).toBe("admin@sso-link.example");
    const links = await audits("sso.link");
    expect(links.find((a) => a.orgId === o.id)?.detail).toMatchObject({ subject: "s-1", issuer: ISS });

    const renamed = await signInWithIdentity(db(), identity("s-1", "someone-else@example.com"), t0);
    expect(renamed).toMatchObject({ ok: true, userId: admin.id, linked: false });
    // another subject carrying the linked user's email never takes the user over
    const impostor = await signInWithIdentity(db(), identity("s-2", "admin@sso-link.example"), t0);
    expect(impostor).toEqual({ ok: false, reason: "linked_elsewhere" });
    const rows = await db().select().from(userIdentities).where(eq(userIdentities.userId, admin.id));
    expect(rows.map((r) => r.subject)).toEqual(["s-1"]);
  });

  it("refuses an unknown identity, creates nothing and audits the refusal", async () => {
    const before = await db().select().from(userIdentities);
    const r = await signInWithIdentity(db(), identity("s-unknown", "nobody@nowhere.example"), t0);
    expect(r).toEqual({ ok: false, reason: "unknown" });
    expect(await db().select().from(userIdentities)).toEqual(before);
    const refused = (await audits("sso.refused")).find((a) => a.detail.subject === "s-unknown");
    expect(refused).toMatchObject({ orgId: null, actor: "sso:nobody@nowhere.example" });
    expect(refused?.detail.reason).toBe("unknown");
    expect(await signInWithIdentity(db(), identity("s-none", null), t0)).toEqual({ ok: false, reason: "no_email" });
  });

  it("does not use an email the issuer marks unverified", () => {
    const claims = { iss: ISS, sub: "x", email: "a@b.example", email_verified: false };
    expect(identityOf("oidc", claims).email).toBeNull();
    expect(identityOf("oidc", { ...claims, email_verified: true }).email).toBe("a@b.example");
    expect(identityOf("microsoft-entra-id", { iss: ISS, sub: "x", preferred_username: "U@T.example" }).email).toBe(
      "u@t.example",
    );
  });

  it("refuses a disabled user, linked or not", async () => {
    const { org: o, admin, actor } = await org("sso-disabled");
    const member = await createUser(db(), CLI, o.id, {
      name: "M",
      email: "m@sso-disabled.example",
      role: "member",
      password: PASSWORD,
    });
    expect((await signInWithIdentity(db(), identity("d-1", "m@sso-disabled.example"), t0)).ok).toBe(true);
    await disableUser(db(), actor, o.id, { userId: member.id }, t0);
    expect(await signInWithIdentity(db(), identity("d-1", "m@sso-disabled.example"), t0)).toEqual({
      ok: false,
      reason: "disabled",
    });
    expect(admin.id).not.toBe(member.id);
  });

  it("links only identities of the listed tenants, and a narrowed list shuts out identities linked before", async () => {
    const { org: o, actor } = await org("sso-tenant");
    await signInWithIdentity(db(), identity("t-admin", "admin@sso-tenant.example", TENANT_A), t0);
    await updateSignInSettings(db(), actor, o.id, settings({ tenantIds: TENANT_A }), { ssoConfigured: true, now: t0 });
    await createUser(db(), CLI, o.id, { name: "U", email: "u@sso-tenant.example", role: "member", password: PASSWORD });
    expect(await signInWithIdentity(db(), identity("t-u", "u@sso-tenant.example", TENANT_B), t0)).toEqual({
      ok: false,
      reason: "tenant",
    });
    expect(await signInWithIdentity(db(), identity("t-u2", "u@sso-tenant.example", null), t0)).toEqual({
      ok: false,
      reason: "tenant",
    });
    expect((await signInWithIdentity(db(), identity("t-u", "u@sso-tenant.example", TENANT_A), t0)).ok).toBe(true);
    const refusals = (await audits("sso.refused")).filter((a) => a.orgId === o.id);
    expect(refusals.map((a) => a.detail.reason)).toEqual(["tenant", "tenant"]);

    await updateSignInSettings(db(), CLI, o.id, settings({ tenantIds: TENANT_B }), { ssoConfigured: true, now: t0 });
    expect(await signInWithIdentity(db(), identity("t-u", "u@sso-tenant.example", TENANT_A), t0)).toEqual({
      ok: false,
      reason: "tenant",
    });
  });
});

describe("single sign-on required and the settings verbs", () => {
  it("refuses a right password with the reason (a wrong one stays generic), and audits it", async () => {
    const { org: o, actor } = await org("sso-only");
    await signInWithIdentity(db(), identity("o-admin", "admin@sso-only.example"), t0);
    await updateSignInSettings(db(), actor, o.id, settings({ ssoRequired: "on" }), { ssoConfigured: true, now: t0 });
    expect(await verifyCredentials(db(), "admin@sso-only.example", PASSWORD, t0)).toEqual({
      ok: false,
      reason: "sso_required",
    });
    expect(await verifyCredentials(db(), "admin@sso-only.example", "wrong-password-9", t0)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await audits("sign_in.refused")).filter((a) => a.orgId === o.id)).toHaveLength(1);
    await updateSignInSettings(db(), actor, o.id, settings({}), { ssoConfigured: true, now: t0 });
    expect((await verifyCredentials(db(), "admin@sso-only.example", PASSWORD, t0)).ok).toBe(true);
  });

  it("never lets the change lock out its author or a server without single sign-on", async () => {
    const { org: o, actor } = await org("sso-lock");
    const on = settings({ ssoRequired: "on" });
    await expect(updateSignInSettings(db(), actor, o.id, on, { ssoConfigured: false, now: t0 })).rejects.toThrow(
      /not configured on this server/,
    );
    await expect(updateSignInSettings(db(), actor, o.id, on, { ssoConfigured: true, now: t0 })).rejects.toThrow(
      /Sign in once with single sign-on yourself/,
    );
    await signInWithIdentity(db(), identity("l-admin", "admin@sso-lock.example", TENANT_A), t0);
    const elsewhere = settings({ ssoRequired: "on", tenantIds: TENANT_B });
    await expect(
      updateSignInSettings(db(), actor, o.id, elsewhere, { ssoConfigured: true, now: t0 }),
    ).rejects.toBeInstanceOf(DomainError);
    const saved = await updateSignInSettings(db(), actor, o.id, on, { ssoConfigured: true, now: t0 });
    expect(saved).toEqual({ tenantIds: [], ssoRequired: true });
    expect((await audits("org.sign_in_settings")).filter((a) => a.orgId === o.id)).toHaveLength(1);
  });

  it("parses tenant IDs and names what is wrong", () => {
    expect(settings({ tenantIds: `${TENANT_A.toUpperCase()}, ${TENANT_A}\n${TENANT_B}` }).tenantIds).toEqual([
      TENANT_A,
      TENANT_B,
    ]);
    const bad = signInSettingsInput.safeParse({ tenantIds: "contoso.onmicrosoft.com" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/must be a GUID/);
  });

  it("unlinks an identity of its own organization only, ends the user's sessions and audits it", async () => {
    const a = await org("sso-unlink-a");
    const b = await org("sso-unlink-b");
    const r = await signInWithIdentity(db(), identity("u-a", "admin@sso-unlink-a.example"), t0);
    const [row] = await db().select().from(userIdentities).where(eq(userIdentities.subject, "u-a"));
    await expect(unlinkIdentity(db(), b.actor, b.org.id, { identityId: row!.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await unlinkIdentity(db(), a.actor, a.org.id, { identityId: row!.id });
    expect(await db().select().from(userIdentities).where(eq(userIdentities.id, row!.id))).toEqual([]);
    const left = await db()
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, a.admin.id), eq(sessions.id, (r as { sessionId: string }).sessionId)));
    expect(left).toEqual([]);
    expect((await audits("sso.unlink")).filter((x) => x.orgId === a.org.id)).toHaveLength(1);
  });
});
