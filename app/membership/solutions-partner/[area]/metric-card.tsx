import { ProgressBar } from "@/components/ui/progress";
import { formatOneDecimal } from "@/lib/rules/number-format";
import type { MetricResult } from "@/lib/rules/solutions-partner";
import { METRIC_NAMES } from "@/lib/rules/solutions-partner";
import type { MetricPlan } from "@/lib/rules/solutions-partner/planner";

const CATEGORY = { performance: "Performance", skilling: "Skilling", "customer-success": "Customer success" } as const;

/** SPEC §8 gap planner on the card: the smallest additions below the max, the headroom when the area qualifies. */
function WhatItTakes({ plan }: { plan: MetricPlan }) {
  const first = (label: string, cs: MetricPlan["toMax"]) =>
    cs.length ? (
      <li key={label}>
        <span className="font-semibold">{label}:</span> {cs[0].text}
        {cs.length > 1 ? (
          <>
            {" "}
            — or{" "}
            {cs
              .slice(1, 3)
              .map((c) => c.text)
              .join("; or ")}
          </>
        ) : null}
      </li>
    ) : null;
  const rows = [
    plan.atZero ? first("To earn any points", plan.toScore) : null,
    !plan.atMax ? first(`For the full ${plan.max}`, plan.toMax) : null,
    plan.headroom ? (
      <li key="h">
        <span className="font-semibold">Headroom:</span>{" "}
        {plan.headroom.length ? plan.headroom.map((l) => l.text).join("; ") : "none"}
      </li>
    ) : null,
  ].filter(Boolean);
  if (rows.length === 0 && plan.blocked.length === 0) return null;
  return (
    <div className="rounded bg-neutral-50 p-2 text-xs" data-testid="metric-plan">
      <p className="font-semibold">What it takes</p>
      <ul className="mt-1 space-y-1">{rows}</ul>
      {!plan.atMax && plan.toMax.length === 0 ? (
        <p className="mt-1">No single change reaches the max this window.</p>
      ) : null}
      {plan.blocked.map((b) => (
        <p key={b} className="mt-1 text-neutral-600">
          {b}
        </p>
      ))}
    </div>
  );
}

export function MetricCard({ m, downloadHref, plan }: { m: MetricResult; downloadHref: string; plan?: MetricPlan }) {
  const zero = m.points === 0;
  return (
    <article
      className={`flex flex-col gap-2 rounded-md border bg-white p-4 shadow-sm ${zero ? "border-red-300" : "border-neutral-200"}`}
      aria-labelledby={`metric-${m.id}`}
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-neutral-500">{CATEGORY[m.category]}</p>
      <h3 id={`metric-${m.id}`} className="font-semibold">
        {METRIC_NAMES[m.id]}
      </h3>
      <p className="text-sm text-neutral-700">{m.criteria}</p>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-neutral-500">Value</dt>
          <dd className="font-semibold">
            {formatOneDecimal(m.value)} {m.unit}
          </dd>
        </div>
        <div>
          <dt className="text-neutral-500">Threshold</dt>
          <dd className="font-semibold">{formatOneDecimal(m.threshold)}</dd>
        </div>
        <div className="col-span-2">
          <dt className="text-neutral-500">Points</dt>
          <dd className="text-lg font-semibold">
            {m.pointsText} / {m.max}
          </dd>
        </div>
      </dl>
      <ProgressBar
        value={m.points}
        valueText={`${m.pointsText} points`}
        max={m.max}
        label={`${METRIC_NAMES[m.id]}: ${m.pointsText} of ${m.max} points`}
      />
      <p className="text-xs text-neutral-600">Produced by: {m.producedBy}</p>
      {m.steps?.length ? (
        <ul className="text-xs text-neutral-700">
          {m.steps.map((s) => (
            <li key={s.key}>
              {s.met ? "✓" : "✗"} {s.label}: {s.persons} {s.persons === 1 ? "person" : "people"}
              {s.minPersons ? ` (needs ${s.minPersons})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {m.note ? <p className="text-xs text-amber-800">{m.note}</p> : null}
      {zero ? (
        <p className="text-xs font-semibold text-red-700">
          At 0 points: the area cannot qualify until this metric earns points.
        </p>
      ) : null}
      {plan ? <WhatItTakes plan={plan} /> : null}
      <a className="mt-auto text-sm font-semibold text-brand-700 hover:underline" href={downloadHref} download>
        Download line items
      </a>
    </article>
  );
}
