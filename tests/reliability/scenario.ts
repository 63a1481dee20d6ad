// Shared set-up for the invariant, fault and two-instance tests (SPEC §9): organizations made
// only through the app's own verbs (so every row has its audit row), qualified for Training
// Services through real imports, with a billing profile.
import type { Db } from "@/db/client";
import type { UserCaller } from "@/lib/auth/caller";
import type { Role } from "@/lib/auth/roles";
import { afterImport } from "@/lib/imports/after-import";
import { importCsv } from "@/lib/imports/pipeline";
import { saveBillingProfile } from "@/lib/offers/billing-profile";
import { issueOrderKey } from "@/lib/offers/order-key";
import { createOrganization, verifyOrganization } from "@/lib/orgs/verbs";
import { createUser } from "@/lib/users/verbs";
import { signedIn } from "../support/callers";

export const REL_TODAY = "2026-11-15";
export const REL_PASSWORD = "reliability-pass-1";
const CLI = { kind: "cli" } as const;
const ROLES: Role[] = ["member", "partner_admin", "account_admin", "global_admin"];

export type RelOrg = { id: string; partnerId: string; as: Record<Role, UserCaller>; email: (role: Role) => string };

const CATALOG =
  "course_code,title,solution_area,category\nREL-300T00,Reliability Three-Day Course,security,three-days-or-more\n";

async function load(kind: Parameters<typeof importCsv>[0]["kind"], orgId: string | null, text: string) {
  const r = await importCsv({
    kind,
    orgId,
    actor: CLI,
    fileName: `${kind}.csv`,
    input: [text],
    dataThrough: "2026-10-31",
    today: REL_TODAY,
    afterImport,
  });
  if (!r.ok) throw new Error(`${kind}: ${JSON.stringify(r.errors.slice(0, 3))}`);
}

/** The shared course catalog the scenario's imports use (idempotent). */
export async function loadCatalog(): Promise<void> {
  await load("courses", null, CATALOG);
}

/** An organization with one user per role; optionally qualified for Training Services and billed. */
export async function relOrg(
  db: Db,
  partnerId: string,
  opts: { qualified?: boolean; billing?: boolean; country?: string } = {},
): Promise<RelOrg> {
  const org = await createOrganization(db, CLI, { partnerId, name: `Org ${partnerId}`, country: opts.country ?? "US" });
  await verifyOrganization(db, CLI, partnerId);
  const email = (role: Role) => `${role.replace("_", "-")}@${partnerId}.example`;
  const as = {} as Record<Role, UserCaller>;
  for (const role of ROLES) {
    const u = await createUser(db, CLI, org.id, {
      name: `${role} of ${partnerId}`,
      email: email(role),
      role,
      password: REL_PASSWORD,
    });
    as[role] = await signedIn(db, u.id);
  }
  if (opts.billing !== false) {
    await saveBillingProfile(db, as.global_admin, {
      billingName: `Billing ${partnerId}`,
      addressLine1: "1 Main St",
      city: "Redmond",
      postalCode: "98052",
      country: opts.country ?? "US",
      taxId: "",
      paymentInstrument: "Visa ending 4242",
    });
  }
  if (opts.qualified !== false) {
    // 1000 three-day completions (1000 points), 200 advanced vouchers (200 points), 200 Security surveys scoring 5
    const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("\n");
    await load(
      "courseware-completions",
      org.id,
      `achievement_code,course_code,redeemed_on\n${range(1000, (i) => `ACH-${partnerId}-${i},REL-300T00,2026-09-${String((i % 28) + 1).padStart(2, "0")}`)}\n`,
    );
    await load(
      "exam-vouchers",
      org.id,
      `voucher_id,exam_code,level,purchased_on\n${range(200, (i) => `V-${partnerId}-${i},AZ-500,advanced,2026-09-10`)}\n`,
    );
    await load(
      "mtm-surveys",
      org.id,
      `survey_id,course_code,completed_on,q1,q2,q3,q4,q5\n${range(200, (i) => `S-${partnerId}-${i},REL-300T00,2026-09-12,5,5,5,5,5`)}\n`,
    );
  }
  return { id: org.id, partnerId, as, email };
}

/** A Training Services order form as the offers page issues it. */
export function tsForm(
  org: RelOrg,
  paymentMethod: "billing_profile" | "wire_transfer" = "billing_profile",
  key?: string,
) {
  return {
    offer: "training-services" as const,
    paymentMethod,
    acceptAgreement: "on",
    idempotencyKey: key ?? issueOrderKey(org.id, "training-services", "purchase"),
  };
}
