import type { Db } from "@/db/client";
import { loadTrainingServices, type TrainingServicesView } from "@/db/queries/training-services";
import type { TsEvaluation } from "@/lib/rules/training-services";

type Status = TsEvaluation["status"];

/** SPEC §7 training-services JSON contract (add fields freely, never rename these). */
export function toTrainingServicesJson(view: TrainingServicesView) {
  const e = view.evaluation;
  const points = (c: { points: number; threshold: number; status: Status }) => ({
    points: c.points,
    threshold: c.threshold,
    status: c.status,
  });
  const average = (c: { value: number | null; threshold: number; status: Status }) => ({
    value: c.value,
    threshold: c.threshold,
    status: c.status,
  });
  return {
    // SPEC §6: no import of the program's kinds → no data_through and no window.
    dataThrough: view.freshness.dataThrough,
    window: view.freshness.dataThrough === null ? null : { start: view.window.start, end: view.window.end },
    qualified: e.qualified,
    base: {
      status: e.base.status,
      courseware: points(e.base.courseware),
      examVouchers: points(e.base.examVouchers),
      averageScore: average(e.base.averageScore),
    },
    areas: Object.fromEntries(
      Object.entries(e.areas).map(([slug, a]) => [
        slug,
        { status: a.status, surveyCompletions: points(a.surveyCompletions), averageScore: average(a.averageScore) },
      ]),
    ) as Record<
      keyof typeof e.areas,
      {
        status: Status;
        surveyCompletions: ReturnType<typeof points>;
        averageScore: ReturnType<typeof average>;
      }
    >,
    badges: e.badges,
    refreshedOn: view.freshness.refreshedOn,
    nextRefreshDue: view.freshness.nextRefreshDue,
  };
}

/** SPEC §7 training-services JSON for one organization (the route and the CLI share it). */
export async function trainingServicesJson(db: Db, orgId: string, today: string) {
  return toTrainingServicesJson(await loadTrainingServices(db, orgId, today));
}
