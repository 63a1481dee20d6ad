import type { Metadata } from "next";
import { NoDataYet } from "@/components/membership/freshness";
import { ProgramStatus } from "@/components/membership/status";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { db } from "@/db/client";
import type { Freshness } from "@/db/queries/freshness";
import { loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { loadTrainingServices } from "@/db/queries/training-services";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { AREAS } from "@/lib/rules/areas";
import type { ProgramId } from "@/lib/rules/programs";
import { loadAreaStatuses } from "@/lib/solutions-partner/status";

export const metadata: Metadata = { title: "Membership" };

export default async function MembershipOverview() {
  const ctx = await requirePage("membership:view");
  const day = today();
  const [ts, sp] = await Promise.all([
    loadTrainingServices(db(), ctx.orgId, day),
    loadSolutionsPartner(db(), ctx.orgId, day),
  ]);
  const statuses = await loadAreaStatuses(db(), ctx.orgId, day, sp);
  const qualifiedAreas = AREAS.filter((a) => sp.evaluation.areas[a.slug].qualified).length;
  return (
    <>
      <PageHeader
        title="Membership"
        description={`Designations and qualification for ${ctx.orgName} (Partner ID ${ctx.partnerId}).`}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <div className="flex items-start justify-between gap-2">
            <CardTitle>Solutions Partner for Training Services</CardTitle>
            <StatusBadge
              label={ts.evaluation.qualified ? "Qualified" : "Not qualified"}
              tone={ts.evaluation.qualified ? "success" : "neutral"}
            />
          </div>
          <p className="mt-2 text-sm text-neutral-700">
            Base criteria: <ProgramStatus status={ts.evaluation.base.status} /> · Completed areas:{" "}
            {ts.evaluation.badges.filter((b) => b !== "cloud-partner").length} of 6
          </p>
          <FreshnessLine program="training-services" freshness={ts.freshness} />
          <a
            className="mt-3 inline-block text-sm font-semibold text-brand-700 hover:underline"
            href="/membership/training-services"
          >
            Open Training Services
          </a>
        </Card>
        <Card>
          <div className="flex items-start justify-between gap-2">
            <CardTitle>Solutions Partner designations</CardTitle>
            <StatusBadge
              label={`${qualifiedAreas} of 6 areas qualified`}
              tone={qualifiedAreas ? "success" : "neutral"}
            />
          </div>
          <ul className="mt-2 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
            {AREAS.map((a) => (
              <li key={a.slug} className="flex items-center justify-between gap-2">
                <span>{a.label}</span>
                <span className="flex items-center gap-2">
                  <span className="tabular-nums">
                    {sp.evaluation.areas[a.slug].tracks[sp.evaluation.areas[a.slug].track]!.totalText}
                  </span>
                  <ProgramStatus status={statuses[a.slug]} />
                </span>
              </li>
            ))}
          </ul>
          <FreshnessLine program="solutions-partner" freshness={sp.freshness} />
          <a
            className="mt-3 inline-block text-sm font-semibold text-brand-700 hover:underline"
            href="/membership/solutions-partner"
          >
            Open Solutions Partner
          </a>
        </Card>
      </div>
    </>
  );
}

function FreshnessLine({ program, freshness }: { program: ProgramId; freshness: Freshness }) {
  if (freshness.dataThrough === null) return <NoDataYet program={program} className="mt-1 text-xs" />;
  return (
    <p className="mt-1 text-xs text-neutral-600">
      Data through {freshness.dataThrough}, refreshed {freshness.refreshedOn}.
    </p>
  );
}
