import type { Metadata } from "next";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Membership" };

export default async function MembershipOverview() {
  const ctx = await requirePage("membership:view");
  return (
    <>
      <PageHeader title="Membership" description={`Designations and qualification for ${ctx.orgName}.`} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardTitle>Solutions Partner for Training Services</CardTitle>
          <p className="mt-2 text-sm text-neutral-700">Courseware completions, exam vouchers and Metrics that Matter surveys.</p>
        </Card>
        <Card>
          <CardTitle>Solutions Partner designations</CardTitle>
          <p className="mt-2 text-sm text-neutral-700">Partner capability score across six solution areas.</p>
        </Card>
      </div>
    </>
  );
}
