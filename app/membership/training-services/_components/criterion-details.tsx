import { TrendChart } from "@/components/charts/trend-chart";
import { TrendSection } from "@/components/charts/trend-section";
import { NoDataYet } from "@/components/membership/freshness";
import { ProgramStatus } from "@/components/membership/status";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { Markup } from "@/components/ui/markup";
import { Table, Td } from "@/components/ui/table";
import type { TrainingServicesView } from "@/db/queries/training-services";
import { planOf } from "@/db/queries/training-services";
import { html } from "@/lib/html";
import { jsonProp } from "@/lib/json-prop";
import { type AreaSlug, areaLabel } from "@/lib/rules/areas";
import { formatCount } from "@/lib/rules/number-format";
import { emptyAggregates, formatAverageExact, type TsAggregates } from "@/lib/rules/training-services";
import {
  type AreaCriterionId,
  areaCriterionText,
  type BaseCriterionId,
  baseCriterionText,
  detailsHref,
  downloadHref,
} from "@/lib/rules/training-services/criteria";
import { type TsTrendMonth, trendSeries } from "@/lib/rules/training-services/trend";
import { averageLineHtml, pointsLineHtml } from "./criterion-card";

const show = (v: string | number) => (typeof v === "number" ? formatCount(v) : v);

type Column = { label: string; value: (a: TsAggregates) => string | number };

function columnsFor(criterion: BaseCriterionId | AreaCriterionId, area?: AreaSlug): Column[] {
  const avg = (sum: number, count: number) => (count ? formatAverageExact(sum, count) : "—");
  if (area) {
    const a = (x: TsAggregates) => x.areas[area];
    return [
      { label: "Two-days-or-less surveys", value: (x) => a(x).twoDaysOrLess },
      { label: "Three-days-or-more surveys", value: (x) => a(x).threeDaysOrMore },
      { label: "Answered counted questions", value: (x) => a(x).answerCount },
      { label: "Average", value: (x) => avg(a(x).answerSum, a(x).answerCount) },
    ];
  }
  if (criterion === "courseware") {
    return [
      { label: "Fundamentals", value: (x) => x.completions.fundamentals },
      { label: "Two days or less", value: (x) => x.completions.twoDaysOrLess },
      { label: "Three days or more", value: (x) => x.completions.threeDaysOrMore },
    ];
  }
  if (criterion === "exam-vouchers") {
    return [
      { label: "Fundamentals vouchers", value: (x) => x.vouchers.fundamentals },
      { label: "Advanced vouchers", value: (x) => x.vouchers.advanced },
    ];
  }
  return [
    { label: "Counted surveys", value: (x) => x.surveys.surveyCount },
    { label: "Answered counted questions", value: (x) => x.surveys.answerCount },
    { label: "Sum of answers", value: (x) => x.surveys.answerSum },
    { label: "Average", value: (x) => avg(x.surveys.answerSum, x.surveys.answerCount) },
  ];
}

const REF = {
  courseware: "courseware",
  "exam-vouchers": "examVouchers",
  "average-score": "averageScore",
  "survey-completions": "surveyCompletions",
} as const;

export async function CriterionDetails({
  view,
  criterion,
  area,
  trend,
  href,
}: {
  view: TrainingServicesView;
  criterion: BaseCriterionId | AreaCriterionId;
  area?: AreaSlug;
  trend: TsTrendMonth[] | null; // null: the trend section is closed (components/charts/trend-section.tsx)
  href: string; // the page's own path
}) {
  const e = view.evaluation;
  const text = area
    ? areaCriterionText(criterion as AreaCriterionId, areaLabel(area), view.ruleset)
    : baseCriterionText(criterion as BaseCriterionId, view.ruleset);
  const plan = await planOf(view);
  const result = area
    ? criterion === "survey-completions"
      ? e.areas[area].surveyCompletions
      : e.areas[area].averageScore
    : criterion === "courseware"
      ? e.base.courseware
      : criterion === "exam-vouchers"
        ? e.base.examVouchers
        : e.base.averageScore;
  const planned = area
    ? criterion === "survey-completions"
      ? plan.areas[area].surveyCompletions
      : plan.areas[area].averageScore
    : criterion === "courseware"
      ? plan.base.courseware
      : criterion === "exam-vouchers"
        ? plan.base.examVouchers
        : plan.base.averageScore;
  const columns = columnsFor(criterion, area);
  const sibling = area ? (criterion === "survey-completions" ? "average-score" : "survey-completions") : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <a className="text-brand-700 underline" href="/membership/training-services">
          Training Services
        </a>{" "}
        / {text.title}
      </p>
      <PageHeader
        title={text.title}
        actions={
          <a className={buttonClass("secondary")} href={downloadHref(criterion, area)} download>
            Download CSV
          </a>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <div className="flex items-center justify-between">
            <CardTitle>Score</CardTitle>
            <ProgramStatus status={result.status} />
          </div>
          <div className="mt-3">
            {"points" in result ? (
              <Markup html={pointsLineHtml(result, text.title)} />
            ) : (
              <Markup html={averageLineHtml(result, text.title)} />
            )}
          </div>
          {view.freshness.dataThrough === null ? (
            <NoDataYet program="training-services" className="mt-3" />
          ) : (
            <p className="mt-3 text-xs text-neutral-600">
              Window {view.window.start} to {view.window.end}; data through {view.freshness.dataThrough}.
            </p>
          )}
        </Card>
        <Card className="lg:col-span-2">
          <CardTitle>How it is scored</CardTitle>
          <p className="mt-2 rounded bg-neutral-50 p-2 font-mono text-xs">{text.formula}</p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
            {text.logic.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </Card>
      </div>
      <Card className="mt-4">
        <CardTitle>What it takes</CardTitle>
        <p className="mt-2 text-sm" data-testid="plan-sentence">
          {planned.sentence}
        </p>
      </Card>
      <TrendSection
        id="trend-title"
        className="mt-6"
        title="Trend"
        description="Each month's point is the score of the 12-month window ending with that month, over the last 13 months."
        href={href}
        open={trend !== null}
      >
        {() => {
          const s = trendSeries(trend ?? [], { area: area ?? null, criterion: REF[criterion] });
          return (
            <TrendChart
              id="criterion-trend"
              title={`${text.title}: last ${s.points.length} months`}
              valueLabel={s.kind === "average" ? "Average" : "Points"}
              kind={s.kind}
              yMax={s.kind === "average" ? 5 : undefined}
              data={jsonProp(
                s.points.map((p) => ({ month: p.month, value: p.value, threshold: p.threshold, met: p.met })),
              )}
            />
          );
        }}
      </TrendSection>
      <section className="mt-6" aria-labelledby="by-category">
        <h2 id="by-category" className="mb-2 text-lg font-semibold">
          Counts in the window
        </h2>
        <Table head={columns.map((c) => c.label)}>
          <tr>
            {columns.map((c) => (
              <Td key={c.label}>{show(c.value(view.aggregates))}</Td>
            ))}
          </tr>
        </Table>
      </section>
      <section className="mt-6" aria-labelledby="by-month">
        <h2 id="by-month" className="mb-2 text-lg font-semibold">
          By month
        </h2>
        <Table
          head={["Month", ...columns.map((c) => c.label)]}
          rowsHtml={html`${view.window.months.map((m) => {
            const agg = view.monthly[m] ?? emptyAggregates();
            return html`<tr><td>${m}</td>${columns.map((c) => html`<td>${show(c.value(agg))}</td>`)}</tr>`;
          })}`}
        />
      </section>
      {sibling && area ? (
        <p className="mt-4 text-sm">
          <a className="text-brand-700 underline" href={detailsHref(sibling, area)}>
            See {sibling === "average-score" ? "the average response score" : "survey completions"} for{" "}
            {areaLabel(area)}
          </a>
        </p>
      ) : null}
    </>
  );
}
