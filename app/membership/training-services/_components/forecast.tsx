import { Table, Td } from "@/components/ui/table";
import { AREAS } from "@/lib/rules/areas";
import { formatCount } from "@/lib/rules/number-format";
import {
  type AverageLoss,
  type ForecastMonth,
  formatAverage,
  formatPoints,
  type PointsLoss,
  type TsForecast,
} from "@/lib/rules/training-services";
import { criterionLabel } from "@/lib/rules/training-services/trend";

// SPEC §8 roll-off forecast: for each of the next three months, what leaves the 12-month window
// (per criterion) and whether the organization would still qualify with no new data. The
// dashboard shows the verdict (ForecastSummary); the month-by-month table has its own page
// (SPEC §9, fast at any size: the table was a sixth of the dashboard's weight, and its detail is a drill-down).
const points = (lost: PointsLoss, after: number) =>
  `${lost.halfPoints > 0 ? `−${formatPoints(lost.points)}` : "no loss"} → ${formatPoints(after)}`;
const average = (a: AverageLoss) =>
  a.count === 0
    ? `no answers leave (${formatAverage(a.valueAfter)})`
    : `${formatAverage(a.valueBefore)} → ${formatAverage(a.valueAfter)} (${formatCount(a.count)} answers leave)`;

function areaChanges(m: ForecastMonth): string[] {
  return AREAS.flatMap((a) => {
    const lost = m.leaving.lost.areas[a.slug];
    const e = m.evaluation.areas[a.slug];
    const parts: string[] = [];
    if (lost.surveyCompletions.halfPoints > 0)
      parts.push(`surveys ${points(lost.surveyCompletions, e.surveyCompletions.points)}`);
    if (lost.averageScore.count > 0)
      parts.push(
        `average ${formatAverage(lost.averageScore.valueBefore)} → ${formatAverage(lost.averageScore.valueAfter)}`,
      );
    return parts.length ? [`${a.label}: ${parts.join("; ")}`] : [];
  });
}

/** Each criterion met today that fails within three months, with the first month it fails. */
function failingCriteria(forecast: TsForecast) {
  const failing: { f: ForecastMonth["failing"][number]; by: string }[] = [];
  for (const m of forecast.months)
    for (const f of m.failing)
      if (!failing.some((x) => x.f.area === f.area && x.f.criterion === f.criterion))
        failing.push({ f, by: m.dataThrough });
  return failing;
}

/** The verdict: which criteria met today would fail, and from when — or that none would. */
export function ForecastVerdict({ forecast }: { forecast: TsForecast }) {
  const failing = failingCriteria(forecast);
  if (failing.length === 0) {
    return (
      <p className="mb-3 text-sm" data-testid="forecast-ok">
        No criterion met today would fail in the next three months from data leaving the window.
      </p>
    );
  }
  const lost = forecast.current.evaluation.qualified ? forecast.months.find((m) => !m.qualified) : undefined;
  return (
    <div
      className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      data-testid="forecast-warning"
    >
      <p className="font-semibold">
        Warning:{" "}
        {failing.length === 1 ? "a criterion met today would fail" : `${failing.length} criteria met today would fail`}{" "}
        within three months.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {failing.map(({ f, by }) => (
          <li key={`${f.area}-${f.criterion}`}>
            {criterionLabel(f)}: fails from data through {by}
          </li>
        ))}
      </ul>
      {lost ? (
        <p className="mt-1">The organization would no longer qualify from data through {lost.dataThrough}.</p>
      ) : null}
    </div>
  );
}

export const FORECAST_HREF = "/membership/training-services/forecast";

/** The dashboard's section: the verdict and a link to the month-by-month forecast. */
export function ForecastSummary({ forecast }: { forecast: TsForecast }) {
  return (
    <section aria-labelledby="forecast-title" id="forecast" className="mb-8">
      <h2 id="forecast-title" className="mb-1 text-lg font-semibold">
        Roll-off forecast
      </h2>
      <p className="mb-3 text-sm text-neutral-600">
        What leaves the 12-month window in each of the next three months, with no new data.
      </p>
      <ForecastVerdict forecast={forecast} />
      <a className="text-sm font-semibold text-brand-700 underline" href={FORECAST_HREF}>
        Month-by-month forecast
      </a>
    </section>
  );
}

/** The month-by-month table of the forecast page. */
export function ForecastTable({ forecast }: { forecast: TsForecast }) {
  return (
    <Table
      head={[
        "Data through",
        "Leaves the window",
        "Courseware (points)",
        "Exam units (points)",
        "Average response score",
        "Solution areas",
        "Qualifies",
        "Would fail",
      ]}
    >
      {forecast.months.map((m) => {
        const changes = areaChanges(m);
        return (
          <tr key={m.dataThrough}>
            <Td>{m.dataThrough}</Td>
            <Td>{m.leaving.month}</Td>
            <Td>{points(m.leaving.lost.courseware, m.evaluation.base.courseware.points)}</Td>
            <Td>{points(m.leaving.lost.examVouchers, m.evaluation.base.examVouchers.points)}</Td>
            <Td>{average(m.leaving.lost.averageScore)}</Td>
            <Td>
              {changes.length ? (
                <ul>
                  {changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : (
                "no loss"
              )}
            </Td>
            <Td>{m.qualified ? "Yes" : "No"}</Td>
            <Td>{m.failing.length ? m.failing.map(criterionLabel).join(", ") : "—"}</Td>
          </tr>
        );
      })}
    </Table>
  );
}
