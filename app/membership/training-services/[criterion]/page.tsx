import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { loadTrainingServices } from "@/db/queries/training-services";
import { loadTrainingServicesTrend } from "@/db/queries/training-services-trend";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { BASE_CRITERIA, type BaseCriterionId } from "@/lib/rules/training-services/criteria";
import { CriterionDetails } from "../_components/criterion-details";

export default async function BaseCriterionPage({ params }: { params: Promise<{ criterion: string }> }) {
  const ctx = await requirePage("membership:view");
  const { criterion } = await params;
  if (!BASE_CRITERIA.includes(criterion as BaseCriterionId)) notFound();
  const view = await loadTrainingServices(db(), ctx.orgId, today());
  const trend = await loadTrainingServicesTrend(db(), ctx.orgId, view.window.lastMonth);
  return <CriterionDetails view={view} criterion={criterion as BaseCriterionId} trend={trend} />;
}
