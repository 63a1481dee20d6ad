import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { loadBillingProfile } from "@/lib/offers/billing-profile";
import { BillingProfileForm } from "./billing-form";

export const metadata: Metadata = { title: "Billing profile" };

export default async function BillingProfilePage() {
  const ctx = await requirePage("billing:manage");
  const p = await loadBillingProfile(db(), ctx.orgId);
  const values = {
    billingName: p?.billingName ?? ctx.orgName,
    addressLine1: p?.addressLine1 ?? "",
    addressLine2: p?.addressLine2 ?? "",
    city: p?.city ?? "",
    postalCode: p?.postalCode ?? "",
    country: p?.country ?? ctx.country,
    taxId: p?.taxId ?? "",
    paymentInstrument: p?.paymentInstrument ?? "",
  };
  return (
    <>
      <PageHeader
        title="Billing profile"
        description="Orders paid by billing profile are charged here and become active at once. Only a masked description of the payment instrument is stored."
      />
      <Card>
        <p className="mb-4 text-sm text-neutral-700">
          {p
            ? `Last changed by ${p.updatedBy} on ${p.updatedAt.toISOString().slice(0, 10)}.`
            : "No billing profile yet: the billing profile payment method is unavailable until you save one."}
        </p>
        <BillingProfileForm values={values} />
      </Card>
    </>
  );
}
