// SPEC §10 with the API tokens of SPEC §7 and the sign-in rules of SPEC §11: an operator lists and revokes any organization's tokens
// through the organization's own verbs; the revocation is immediate and audited in that organization.
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, orgStatus } from "@/db/schema";
import { importDemoCsv, importTrainingServicesDemo } from "@/db/seed";
import { coursesCsv } from "@/db/seed/training-services";
import { backfillOrgStatus } from "@/lib/operator/status";
import { getSignInSettings, updateSignInSettings } from "@/lib/orgs/sign-in-settings";
import { resolveToken } from "@/lib/tokens/resolve";
import { createToken, listTokens, revokeToken } from "@/lib/tokens/verbs";
import { createOperator } from "@/lib/users/verbs";
import { makeOrg, TODAY } from "../offers/helpers";
import { signedInOperator } from "../support/callers";
import { useTestDatabase } from "../test-db";

useTestDatabase();
const CLI = { kind: "cli" } as const;

it("an operator sees an organization's tokens without their secrets and revokes one at once, audited there", async () => {
  const user = await createOperator(db(), CLI, {
    email: "op-tokens@pmc.example",
    name: "Op",
    password: "op-password-1",
  });
  const op = await signedInOperator(db(), user.id);
  const org = await makeOrg("7700001");
  const other = await makeOrg("7700002");
  const now = new Date("2026-11-20T10:00:00Z");
  const made = await createToken(db(), CLI, org.id, { name: "nightly", scopes: ["read"] }, now);
  expect(await resolveToken(db(), made.secret, now, 100)).not.toBeNull();

  const listed = await listTokens(db(), org.id, now);
  expect(listed.map((t) => t.name)).toEqual(["nightly"]);
  expect(JSON.stringify(listed)).not.toContain(made.secret);

  // Aimed at the wrong organization: nothing changes.
  await expect(revokeToken(db(), op, other.id, { tokenId: made.id }, now)).rejects.toThrow(/not found/);
  expect(await resolveToken(db(), made.secret, now, 100)).not.toBeNull();

  await revokeToken(db(), op, org.id, { tokenId: made.id }, now);
  expect(await resolveToken(db(), made.secret, now, 100)).toBeNull();
  const [row] = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "token.revoke")));
  expect(row?.actor).toBe("op-tokens@pmc.example");
  expect(row?.actorUserId).toBe(user.id);
});

it("an operator records an organization's Entra tenants and requires single sign-on for it, audited there", async () => {
  const user = await createOperator(db(), CLI, { email: "op-sso@pmc.example", name: "Op", password: "op-password-2" });
  const op = await signedInOperator(db(), user.id);
  const org = await makeOrg("7700003");
  const tenant = "11111111-2222-3333-4444-555555555555";
  const opts = { ssoConfigured: true, now: new Date("2026-11-20T10:00:00Z") };
  const saved = await updateSignInSettings(db(), op, org.id, { tenantIds: [tenant], ssoRequired: true }, opts);
  expect(saved).toEqual({ tenantIds: [tenant], ssoRequired: true });
  expect(await getSignInSettings(db(), org.id)).toEqual(saved);
  const [row] = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "org.sign_in_settings")));
  expect(row?.actor).toBe("op-sso@pmc.example");
  // Requiring it without a provider on this server is refused and changes nothing.
  await expect(
    updateSignInSettings(db(), op, org.id, { tenantIds: [], ssoRequired: true }, { ...opts, ssoConfigured: false }),
  ).rejects.toThrow(/not configured/);
  expect(await getSignInSettings(db(), org.id)).toEqual(saved);
});

it("organizations whose data predates the operator's summary are summarized once by the backfill", async () => {
  const org = await makeOrg("7700004");
  await importDemoCsv("courses", null, coursesCsv(), TODAY);
  await importTrainingServicesDemo(org.id, "qualified", TODAY, "BF");
  await db().delete(orgStatus).where(eq(orgStatus.orgId, org.id)); // as before the summary table existed
  expect(await backfillOrgStatus(db(), TODAY)).toBe(1);
  const [row] = await db().select().from(orgStatus).where(eq(orgStatus.orgId, org.id));
  expect(row?.tsQualified).toBe(true);
  expect(await backfillOrgStatus(db(), TODAY)).toBe(0);
});
