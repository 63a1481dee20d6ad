import { notFound } from "next/navigation";
import { trendOpen } from "@/components/charts/trend-section";
import { db } from "@/db/client";
import { loadTrainingServices } from "@/db/queries/training-services";
import { loadTrainingServicesTrend } from "@/db/queries/training-services-trend";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { BASE_CRITERIA, type BaseCriterionId } from "@/lib/rules/training-services/criteria";
import { CriterionDetails } from "../_components/criterion-details";

export default async function BaseCriterionPage({
  params,
  searchParams,
}: {
  params: Promise<{ criterion: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePage("membership:view");
  const [{ criterion }, search] = await Promise.all([params, searchParams]);
  if (!BASE_CRITERIA.includes(criterion as BaseCriterionId)) notFound();
  const view = await loadTrainingServices(db(), ctx.orgId, today());
  const trend = trendOpen(search) ? await loadTrainingServicesTrend(db(), ctx.orgId, view.window.lastMonth) : null;
  const href = `/membership/training-services/${criterion}`;
  return <CriterionDetails view={view} criterion={criterion as BaseCriterionId} trend={trend} href={href} />;
}
