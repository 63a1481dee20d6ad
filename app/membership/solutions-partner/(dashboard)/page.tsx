import type { Metadata } from "next";
import Link from "next/link";
import { Freshness } from "@/components/membership/freshness";
import { ProgramStatus } from "@/components/membership/status";
import { PageHeader } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress";
import { db } from "@/db/client";
import { loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { AREAS } from "@/lib/rules/areas";
import { trackLabel } from "@/lib/rules/solutions-partner/text";
import { loadAreaStatuses } from "@/lib/solutions-partner/status";

export const metadata: Metadata = { title: "Solutions Partner" };

export default async function SolutionsPartnerOverview() {
  const ctx = await requirePage("membership:view");
  const view = await loadSolutionsPartner(db(), ctx.orgId, today());
  const statuses = await loadAreaStatuses(db(), ctx.orgId, today(), view);
  return (
    <>
      <PageHeader
        title="Solutions Partner designations"
        description="Each solution area is scored out of 100 points on performance, skilling and customer success. An area qualifies at 70 points or more with every metric above 0."
      />
      <div className="mb-4">
        <Freshness
          program="solutions-partner"
          {...view.freshness}
          window={{ start: view.dates.windowStart, end: view.dates.end }}
        />
      </div>
      <p className="mb-4 text-xs text-neutral-600">
        Performance and customer success refresh by the 20th of each month; skilling within 10 days of a certification.
      </p>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {AREAS.map((area) => {
          const a = view.evaluation.areas[area.slug];
          return (
            <article
              key={area.slug}
              className="flex flex-col gap-3 rounded-md border border-neutral-200 bg-white p-4 shadow-sm"
              aria-labelledby={`area-${area.slug}`}
            >
              <div className="flex items-start justify-between gap-2">
                <h2 id={`area-${area.slug}`} className="font-semibold">
                  {area.label}
                </h2>
                <ProgramStatus status={statuses[area.slug]} />
              </div>
              <div>
                <p className="text-sm">
                  <span className="text-2xl font-semibold">{a.tracks[a.track]!.totalText}</span> / 100 points
                </p>
                <ProgressBar
                  value={a.total}
                  valueText={`${a.tracks[a.track]!.totalText} points`}
                  max={100}
                  marker={view.evaluation.passMark}
                  label={`${area.label}: ${a.tracks[a.track]!.totalText} of 100 points, pass mark ${view.evaluation.passMark}`}
                />
              </div>
              <p className="text-sm text-neutral-700">
                Track: <strong>{trackLabel(a.track)}</strong>{" "}
                <span className="text-neutral-500">({a.trackMode === "assigned" ? "assigned" : "better of two"})</span>
              </p>
              <Link
                href={`/membership/solutions-partner/${area.slug}`}
                className="mt-auto text-sm font-semibold text-brand-700 hover:underline"
                aria-label={`View details: ${area.label}`}
              >
                View details
              </Link>
            </article>
          );
        })}
      </div>
    </>
  );
}
