import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { loadTrainingServices } from "@/db/queries/training-services";
import { loadTrainingServicesTrend } from "@/db/queries/training-services-trend";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { isAreaSlug } from "@/lib/rules/areas";
import { AREA_CRITERIA, type AreaCriterionId } from "@/lib/rules/training-services/criteria";
import { CriterionDetails } from "../../../_components/criterion-details";

export default async function AreaCriterionPage({ params }: { params: Promise<{ area: string; criterion: string }> }) {
  const ctx = await requirePage("membership:view");
  const { area, criterion } = await params;
  if (!isAreaSlug(area) || !AREA_CRITERIA.includes(criterion as AreaCriterionId)) notFound();
  const view = await loadTrainingServices(db(), ctx.orgId, today());
  const trend = await loadTrainingServicesTrend(db(), ctx.orgId, view.window.lastMonth);
  return <CriterionDetails view={view} criterion={criterion as AreaCriterionId} area={area} trend={trend} />;
}
