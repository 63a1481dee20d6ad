// A Solutions Partner metric's card (SPEC §4.3, §8): value, threshold, points and bar, the steps it counts, the gap
// planner's hint and the download of its line items. Read-only, so built as markup (lib/html.ts): the area page's
// cards rendered by React were most of its server time per request (bench/README.md). Built from `MetricCardView`,
// the plain data the page sends to the browser (./metric-cards.tsx), so that the card's markup is not in the page's
// RSC payload a second time. Pure and client-safe.
import { progressBarHtml } from "@/components/ui/progress";
import { html, type SafeHtml } from "@/lib/html";
import { formatOneDecimal } from "@/lib/rules/number-format";
import type { MetricResult } from "@/lib/rules/solutions-partner";
import { METRIC_NAMES } from "@/lib/rules/solutions-partner";
import type { MetricPlan } from "@/lib/rules/solutions-partner/planner";

type Text = { text: string };
/** What a card shows of a metric's plan: the first three changes of each list are all it names. */
type PlanView = Pick<MetricPlan, "max" | "atZero" | "atMax" | "blocked"> & {
  toMax: Text[];
  toScore: Text[];
  headroom: Text[] | null;
};

/** What a metric's card shows, and nothing else (no exact fractions, no candidates). */
export type MetricCardView = Pick<
  MetricResult,
  "id" | "category" | "criteria" | "value" | "unit" | "threshold" | "max" | "points" | "pointsText" | "producedBy"
> & {
  steps: { label: string; persons: number; minPersons: number | null; met: boolean }[];
  note: string | null;
  downloadHref: string;
  plan: PlanView | null;
};

const texts = (cs: readonly Text[]) => cs.slice(0, 3).map((c) => ({ text: c.text }));

export function metricCardView(m: MetricResult, downloadHref: string, plan?: MetricPlan): MetricCardView {
  const { id, category, criteria, value, unit, threshold, max, points, pointsText, producedBy } = m;
  return {
    id,
    category,
    criteria,
    value,
    unit,
    threshold,
    max,
    points,
    pointsText,
    producedBy,
    steps: (m.steps ?? []).map(({ label, persons, minPersons, met }) => ({ label, persons, minPersons, met })),
    note: m.note ?? null,
    downloadHref,
    plan: plan
      ? {
          max: plan.max,
          atZero: plan.atZero,
          atMax: plan.atMax,
          blocked: plan.blocked,
          toMax: texts(plan.toMax),
          toScore: texts(plan.toScore),
          headroom: plan.headroom ? plan.headroom.map((l) => ({ text: l.text })) : null,
        }
      : null,
  };
}

const CARD_CLASS = "flex flex-col gap-2 rounded-md border bg-white p-4 shadow-sm";
const CATEGORY = { performance: "Performance", skilling: "Skilling", "customer-success": "Customer success" } as const;

/** SPEC §8 gap planner on the card: the smallest additions below the max, the headroom when the area qualifies. */
function whatItTakes(plan: PlanView): SafeHtml | null {
  const first = (label: string, cs: Text[]) => {
    if (!cs.length) return null;
    const more =
      cs.length > 1
        ? ` — or ${cs
            .slice(1, 3)
            .map((c) => c.text)
            .join("; or ")}`
        : "";
    return html`<li><span class="font-semibold">${label}:</span> ${cs[0]!.text}${more}</li>`;
  };
  const headroom = plan.headroom && (plan.headroom.length ? plan.headroom.map((l) => l.text).join("; ") : "none");
  const rows = [
    plan.atZero ? first("To earn any points", plan.toScore) : null,
    !plan.atMax ? first(`For the full ${plan.max}`, plan.toMax) : null,
    plan.headroom ? html`<li><span class="font-semibold">Headroom:</span> ${headroom}</li>` : null,
  ].filter((r) => r !== null);
  if (rows.length === 0 && plan.blocked.length === 0) return null;
  const none =
    !plan.atMax && plan.toMax.length === 0 && html`<p class="mt-1">No single change reaches the max this window.</p>`;
  const blocked = plan.blocked.map((b) => html`<p class="mt-1 text-neutral-600">${b}</p>`);
  const list = html`<p class="font-semibold">What it takes</p><ul class="mt-1 space-y-1">${rows}</ul>`;
  return html`<div class="rounded bg-neutral-50 p-2 text-xs" data-testid="metric-plan">${list}${none}${blocked}</div>`;
}

function steps(m: MetricCardView): SafeHtml | null {
  if (!m.steps.length) return null;
  const items = m.steps.map((s) => {
    const needs = s.minPersons ? ` (needs ${s.minPersons})` : "";
    return html`<li>${s.met ? "✓" : "✗"} ${s.label}: ${s.persons} ${s.persons === 1 ? "person" : "people"}${needs}</li>`;
  });
  return html`<ul class="text-xs text-neutral-700">${items}</ul>`;
}

export function metricCardHtml(m: MetricCardView): SafeHtml {
  const zero = m.points === 0;
  const name = METRIC_NAMES[m.id];
  const figure = (label: string, value: string, dd = "font-semibold", div = "") =>
    html`<div${div && html` class="${div}"`}><dt class="text-neutral-500">${label}</dt><dd class="${dd}">${value}</dd></div>`;
  const figures = html`<dl class="grid grid-cols-2 gap-2 text-sm">${[
    figure("Value", `${formatOneDecimal(m.value)} ${m.unit}`),
    figure("Threshold", formatOneDecimal(m.threshold)),
    figure("Points", `${m.pointsText} / ${m.max}`, "text-lg font-semibold", "col-span-2"),
  ]}</dl>`;
  const bar = progressBarHtml({
    value: m.points,
    valueText: `${m.pointsText} points`,
    max: m.max,
    label: `${name}: ${m.pointsText} of ${m.max} points`,
  });
  const atZero =
    zero &&
    html`<p class="text-xs font-semibold text-red-700">At 0 points: the area cannot qualify until this metric earns points.</p>`;
  const border = zero ? "border-red-300" : "border-neutral-200";
  const category = html`<p class="text-xs font-semibold uppercase tracking-wide text-neutral-500">${CATEGORY[m.category]}</p>`;
  const head = html`${category}<h3 id="metric-${m.id}" class="font-semibold">${name}</h3>`;
  const criteria = html`<p class="text-sm text-neutral-700">${m.criteria}</p>`;
  const producedBy = html`<p class="text-xs text-neutral-600">Produced by: ${m.producedBy}</p>`;
  const note = m.note && html`<p class="text-xs text-amber-800">${m.note}</p>`;
  const linkClass = "mt-auto text-sm font-semibold text-brand-700 hover:underline";
  const download = html`<a class="${linkClass}" href="${m.downloadHref}" download>Download line items</a>`;
  const body = html`${head}${criteria}${figures}${bar}${producedBy}${steps(m)}${note}${atZero}${m.plan && whatItTakes(m.plan)}`;
  return html`<article class="${CARD_CLASS} ${border}" aria-labelledby="metric-${m.id}">${body}${download}</article>`;
}
