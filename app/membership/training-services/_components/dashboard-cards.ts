// The Training Services dashboard's nine criterion cards (SPEC §3, with the gap planner's hints of SPEC §8) as plain
// data, kept with the figures they show (lib/cache.ts): built once per data version and day, not per page view, and
// kept as the JSON text the page sends (lib/json-prop.ts), so a page view does not serialize them again.
import { planOf, type TrainingServicesView } from "@/db/queries/training-services";
import { derived } from "@/lib/cache";
import { type JsonProp, jsonProp } from "@/lib/json-prop";
import { AREAS } from "@/lib/rules/areas";
import { detailsHref } from "@/lib/rules/training-services/criteria";
import { compactPlanText } from "@/lib/rules/training-services/plan-compact";
import type { CriterionCardData } from "./criterion-card";

type Plan = Awaited<ReturnType<typeof planOf>>;
type DashboardCards = { base: CriterionCardData[]; areas: CriterionCardData[] };
type DashboardCardsJson = { [K in keyof DashboardCards]: JsonProp<DashboardCards[K]> };

function cardsOf(view: TrainingServicesView, plan: Plan): DashboardCards {
  const e = view.evaluation;
  const hint = (p: Plan["base"]["courseware"], what?: string) => ({ text: compactPlanText(p), met: p.met, what });
  const base = e.base;
  return {
    base: [
      {
        title: "Courseware completions",
        status: base.courseware.status,
        href: detailsHref("courseware"),
        lines: [{ label: "Courseware completions", points: pick(base.courseware) }],
        hints: [hint(plan.base.courseware)],
      },
      {
        title: "Exam units",
        status: base.examVouchers.status,
        href: detailsHref("exam-vouchers"),
        lines: [{ label: "Exam units", points: pick(base.examVouchers) }],
        hints: [hint(plan.base.examVouchers)],
      },
      {
        title: "Average response score",
        status: base.averageScore.status,
        href: detailsHref("average-score"),
        lines: [{ label: "Average response score", average: average(base.averageScore) }],
        hints: [hint(plan.base.averageScore)],
      },
    ],
    areas: AREAS.map((area) => {
      const a = e.areas[area.slug];
      return {
        title: area.label,
        status: a.status,
        href: detailsHref("survey-completions", area.slug),
        lines: [
          { label: `${area.label} survey completions`, points: pick(a.surveyCompletions) },
          { label: `${area.label} average response score`, average: average(a.averageScore) },
        ],
        hints: [
          hint(plan.areas[area.slug].surveyCompletions, "surveys"),
          hint(plan.areas[area.slug].averageScore, "average"),
        ],
      };
    }),
  };
}

// Only what the card shows travels to the browser.
const pick = ({ points, threshold }: { points: number; threshold: number }) => ({ points, threshold });
const average = ({ value, threshold, meets }: { value: number | null; threshold: number; meets: boolean }) => ({
  value,
  threshold,
  meets,
});

/** The base criteria's three cards and the six areas' cards, as data, once per data version and day. */
export function dashboardCards(view: TrainingServicesView): Promise<DashboardCardsJson> {
  return derived(view.scope, "training-services-cards", async () => {
    const { base, areas } = cardsOf(view, await planOf(view));
    return { base: jsonProp(base), areas: jsonProp(areas) };
  });
}
