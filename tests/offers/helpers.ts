import { db } from "@/db/client";
import { imports, organizations, spEvaluations, tsMonthly, users } from "@/db/schema";
import type { UserCaller } from "@/lib/auth/caller";
import type { Role } from "@/lib/auth/roles";
import { issueOrderKey, type OrderKind } from "@/lib/offers/order-key";
import type { AreaSlug } from "@/lib/rules/areas";
import type { OfferId, PaymentMethod } from "@/lib/rules/offers-catalog";
import { signedIn } from "../support/callers";

export const TODAY = "2026-11-15";
export const CLI = { kind: "cli" } as const;
const ROLES: Role[] = ["member", "partner_admin", "account_admin", "global_admin"];

export type TestOrg = { id: string; partnerId: string; as: Record<Role, UserCaller> };

/** An organization with one user per role (no passwords needed: verbs take a caller). */
export async function makeOrg(
  partnerId: string,
  opts: { verified?: boolean; country?: string } = {},
): Promise<TestOrg> {
  const [org] = await db()
    .insert(organizations)
    .values({ partnerId, name: `Org ${partnerId}`, country: opts.country ?? "US", verified: opts.verified ?? true })
    .returning();
  const rows = await db()
    .insert(users)
    .values(
      ROLES.map((role) => ({
        orgId: org!.id,
        email: `${role}@${partnerId}.example`,
        name: role,
        role,
        passwordHash: "x",
      })),
    )
    .returning();
  const as = Object.fromEntries(
    await Promise.all(rows.map(async (u) => [u.role, await signedIn(db(), u.id)])),
  ) as Record<Role, UserCaller>;
  return { id: org!.id, partnerId, as };
}

/** A Solutions Partner evaluation row, as the PCS engineer's recorder writes after each import. */
export async function recordSp(orgId: string, area: AreaSlug, qualified: boolean, recordedAt: string) {
  await db()
    .insert(spEvaluations)
    .values({
      orgId,
      solutionArea: area,
      track: "enterprise",
      metrics: {},
      total: qualified ? "80" : "40",
      qualified,
      dataThrough: "2026-10-31",
      recordedAt: new Date(recordedAt),
    });
}

/** Training Services rollups that qualify (base criteria and the Security area) in the window. */
export async function qualifyTs(orgId: string, dataThrough = "2026-10-31", month = "2026-09") {
  await db()
    .insert(tsMonthly)
    .values([
      { orgId, month, kind: "completion", category: "three-days-or-more", solutionArea: "", items: 1000 },
      { orgId, month, kind: "voucher", category: "advanced", solutionArea: "", items: 200 },
      {
        orgId,
        month,
        kind: "survey",
        category: "three-days-or-more",
        solutionArea: "security",
        items: 200,
        answerSum: 4500,
        answerCount: 1000,
      },
    ]);
  await db().insert(imports).values({
    orgId,
    kind: "courseware-completions",
    fileName: "c.csv",
    rowCount: 1000,
    dataThrough,
    importedBy: "test",
  });
}

export function form(
  org: TestOrg,
  offer: OfferId,
  kind: OrderKind,
  paymentMethod: PaymentMethod = "billing_profile",
  key?: string,
) {
  return { offer, paymentMethod, acceptAgreement: "on", idempotencyKey: key ?? issueOrderKey(org.id, offer, kind) };
}

export const BILLING = {
  billingName: "Test Billing",
  addressLine1: "1 Main St",
  city: "Redmond",
  postalCode: "98052",
  country: "US",
  taxId: "",
  paymentInstrument: "Visa ending 4242",
};

export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n%test\n");
