import type { Metadata } from "next";
import { Freshness } from "@/components/membership/freshness";
import { ProgramStatus } from "@/components/membership/status";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { OnDemandSection } from "@/components/ui/on-demand-section";
import { StatusBadge } from "@/components/ui/status-badge";
import { db } from "@/db/client";
import { loadTrainingServices, loadTrainingServicesForecast } from "@/db/queries/training-services";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { jsonProp } from "@/lib/json-prop";
import { AREAS } from "@/lib/rules/areas";
import { CriterionCards } from "./_components/criterion-cards";
import { dashboardCards } from "./_components/dashboard-cards";
import { ForecastSummary } from "./_components/forecast";
import { TrainingServicesWhatIf } from "./_components/what-if";

export const metadata: Metadata = { title: "Training Services" };

export default async function TrainingServicesPage() {
  const ctx = await requirePage("membership:view");
  const [view, forecast] = await Promise.all([
    loadTrainingServices(db(), ctx.orgId, today()),
    loadTrainingServicesForecast(db(), ctx.orgId, today()),
  ]);
  const e = view.evaluation;
  const cards = await dashboardCards(view);
  const atRisk = [...new Set(forecast.months.flatMap((m) => m.failing.map((f) => `${f.area}-${f.criterion}`)))];
  const badgeNames = e.badges.map((b) =>
    b === "cloud-partner" ? "Cloud Partner" : (AREAS.find((a) => a.slug === b)?.label ?? b),
  );
  return (
    <>
      <PageHeader
        title="Solutions Partner for Training Services"
        description="Qualify with courseware completions, exam vouchers and Metrics that Matter surveys over the last 12 completed months."
      />
      <Card className="mb-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <CardTitle>Qualification</CardTitle>
            <p className="mt-1 text-sm" data-testid="ts-qualification">
              {e.qualified
                ? "Your organization qualifies: base criteria and at least one solution area are completed."
                : "Not qualified yet: complete the three base criteria and at least one solution area."}
            </p>
          </div>
          <StatusBadge label={e.qualified ? "Qualified" : "Not qualified"} tone={e.qualified ? "success" : "neutral"} />
        </div>
        <div className="mt-3">
          <Freshness program="training-services" {...view.freshness} window={view.window} />
        </div>
        {atRisk.length ? (
          <p
            className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="rolloff-warning"
          >
            <strong>Roll-off warning:</strong>{" "}
            {atRisk.length === 1 ? "1 criterion met today" : `${atRisk.length} criteria met today`} would fail within
            three months as old data leaves the window.{" "}
            <a className="font-semibold underline" href="#forecast">
              See the forecast
            </a>
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="font-semibold">Badges earned:</span>
          {badgeNames.length ? (
            badgeNames.map((b) => <StatusBadge key={b} label={b} tone="info" />)
          ) : (
            <span className="text-neutral-600">none yet</span>
          )}
        </div>
      </Card>

      <section aria-labelledby="base-title" className="mb-8">
        <div className="mb-3 flex items-center gap-3">
          <h2 id="base-title" className="text-lg font-semibold">
            Base criteria
          </h2>
          <ProgramStatus status={e.base.status} />
        </div>
        <CriterionCards className="grid gap-4 md:grid-cols-3" cards={cards.base} />
      </section>

      <section aria-labelledby="areas-title">
        <h2 id="areas-title" className="mb-1 text-lg font-semibold">
          Solution areas
        </h2>
        <p className="mb-3 text-sm text-neutral-600">
          At least one area must be completed. Each completed area earns its badge.
        </p>
        <CriterionCards className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" cards={cards.areas} />
      </section>

      <div className="mt-8">
        <ForecastSummary forecast={forecast} />
      </div>
      <OnDemandSection
        id="whatif-closed"
        title="What-if simulator"
        openLabel="Open the what-if simulator"
        description="Change any figure of the current window to see the result at once. Nothing is saved."
      >
        <TrainingServicesWhatIf dataThrough={view.freshness.asOf} real={jsonProp(view.aggregates)} />
      </OnDemandSection>
    </>
  );
}
