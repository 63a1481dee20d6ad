import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type BillingProfile, billingProfiles } from "@/db/schema";
import { type DbOrTx, inTransaction } from "@/db/transaction";
import { bumpDataVersion } from "@/db/writes/data-version";
import { writeAudit } from "@/lib/audit";
import { type Caller, requireRole } from "@/lib/auth/caller";
import { DomainError } from "@/lib/errors";
import { looksLikeCardNumber } from "@/lib/rules/offers";
import { lockOrg } from "./lock-org";

const text = (label: string, max: number) =>
  z.string().trim().min(1, `Enter the ${label}`).max(max, `The ${label} is too long`);

export const billingProfileInput = z.object({
  billingName: text("billing name", 200),
  addressLine1: text("street address", 200),
  addressLine2: z.string().trim().max(200, "The address is too long").default(""),
  city: text("city", 120),
  postalCode: text("postal code", 20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Country must be a two-letter ISO code such as US"),
  taxId: z.string().trim().max(40, "The tax id is too long").default(""),
  paymentInstrument: text("payment instrument description", 80).refine((v) => !looksLikeCardNumber(v), {
    message: 'Enter a masked description only, such as "Visa ending 4242" — never a full card or account number.',
  }),
});
export type BillingProfileInput = z.infer<typeof billingProfileInput>;

export async function loadBillingProfile(q: DbOrTx, orgId: string): Promise<BillingProfile | null> {
  const [row] = await q.select().from(billingProfiles).where(eq(billingProfiles.orgId, orgId));
  return row ?? null;
}

/** Global admins set up the billing profile the "billing profile" payment method charges. */
export async function saveBillingProfile(db: Db, caller: Caller, input: unknown): Promise<BillingProfile> {
  const user = requireRole(caller, "billing:manage");
  const parsed = billingProfileInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError(issue.message, issue.path.map(String).join("."));
  }
  const values = { ...parsed.data, updatedBy: user.email, updatedAt: new Date() };
  return inTransaction(db, async (tx) => {
    await lockOrg(tx, user.orgId);
    const existed = await loadBillingProfile(tx, user.orgId);
    const [row] = await tx
      .insert(billingProfiles)
      .values({ orgId: user.orgId, ...values })
      .onConflictDoUpdate({ target: billingProfiles.orgId, set: values })
      .returning();
    await bumpDataVersion(tx, user.orgId); // the offers' payment methods read the profile (lib/cache.ts)
    await writeAudit(tx, {
      orgId: user.orgId,
      actor: user,
      action: existed ? "billing_profile.update" : "billing_profile.create",
      detail: { billingName: row!.billingName, country: row!.country, paymentInstrument: row!.paymentInstrument },
    });
    return row!;
  });
}

/** The "bill to" block printed on invoices: the billing profile, else the organization. */
export function billToOf(
  profile: BillingProfile | null,
  org: { name: string; partnerId: string; country: string },
): Record<string, string> {
  if (!profile) return { name: org.name, partnerId: org.partnerId, country: org.country };
  return {
    name: profile.billingName,
    partnerId: org.partnerId,
    addressLine1: profile.addressLine1,
    addressLine2: profile.addressLine2,
    city: profile.city,
    postalCode: profile.postalCode,
    country: profile.country,
    taxId: profile.taxId,
    paymentInstrument: profile.paymentInstrument,
  };
}
