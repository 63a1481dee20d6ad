import { notFound } from "next/navigation";
import { trendOpen } from "@/components/charts/trend-section";
import { db } from "@/db/client";
import { loadTrainingServices } from "@/db/queries/training-services";
import { loadTrainingServicesTrend } from "@/db/queries/training-services-trend";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { isAreaSlug } from "@/lib/rules/areas";
import { AREA_CRITERIA, type AreaCriterionId } from "@/lib/rules/training-services/criteria";
import { CriterionDetails } from "../../../_components/criterion-details";

export default async function AreaCriterionPage({
  params,
  searchParams,
}: {
  params: Promise<{ area: string; criterion: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePage("membership:view");
  const [{ area, criterion }, search] = await Promise.all([params, searchParams]);
  if (!isAreaSlug(area) || !AREA_CRITERIA.includes(criterion as AreaCriterionId)) notFound();
  const view = await loadTrainingServices(db(), ctx.orgId, today());
  const trend = trendOpen(search) ? await loadTrainingServicesTrend(db(), ctx.orgId, view.window.lastMonth) : null;
  const href = `/membership/training-services/areas/${area}/${criterion}`;
  return (
    <CriterionDetails view={view} criterion={criterion as AreaCriterionId} area={area} trend={trend} href={href} />
  );
}
