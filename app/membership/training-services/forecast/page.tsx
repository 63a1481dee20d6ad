import type { Metadata } from "next";
import { Freshness } from "@/components/membership/freshness";
import { PageHeader } from "@/components/ui/card";
import { db } from "@/db/client";
import { loadTrainingServices, loadTrainingServicesForecast } from "@/db/queries/training-services";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { ForecastTable, ForecastVerdict } from "../_components/forecast";

export const metadata: Metadata = { title: "Roll-off forecast · Training Services" };

// SPEC §8 roll-off forecast, month by month, of the Training Services data.
export default async function TrainingServicesForecastPage() {
  const ctx = await requirePage("membership:view");
  const [view, forecast] = await Promise.all([
    loadTrainingServices(db(), ctx.orgId, today()),
    loadTrainingServicesForecast(db(), ctx.orgId, today()),
  ]);
  return (
    <>
      <p className="mb-2 text-sm">
        <a className="text-brand-700 underline" href="/membership/training-services">
          Training Services
        </a>{" "}
        / Roll-off forecast
      </p>
      <PageHeader
        title="Roll-off forecast"
        description="What leaves the 12-month window in each of the next three months, and whether the organization would still qualify with no new data."
      />
      <div className="mb-4">
        <Freshness program="training-services" {...view.freshness} window={view.window} />
      </div>
      <ForecastVerdict forecast={forecast} />
      <ForecastTable forecast={forecast} />
    </>
  );
}
