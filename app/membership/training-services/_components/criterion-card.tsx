// A Training Services criterion's block (SPEC §3): its points or average against the threshold, the gap planner's
// hint (SPEC §8) and a link to its details. Read-only, so built as markup (lib/html.ts): the dashboard's nine cards
// rendered by React cost about 4 ms of server time per request (bench/README.md), as a string a fraction of it.
import { programStatusHtml } from "@/components/membership/status";
import { progressBarHtml } from "@/components/ui/progress";
import { html, type SafeHtml } from "@/lib/html";
import {
  type AverageCriterion,
  formatAverage,
  formatPoints,
  type PointsCriterion,
} from "@/lib/rules/training-services";

/** The points against the threshold, and their bar (one block). */
export function pointsLineHtml(c: Pick<PointsCriterion, "points" | "threshold">, label: string): SafeHtml {
  const bar = progressBarHtml({
    value: c.points,
    max: c.threshold,
    label: `${label}: ${c.points} of ${c.threshold} points`,
  });
  const figure = html`<span class="text-2xl font-semibold">${formatPoints(c.points)}</span>`;
  return html`<div><p class="text-sm">${figure} / ${formatPoints(c.threshold)} points</p>${bar}</div>`;
}

/** The average against the threshold ("just under" when it only rounds to it), and its bar with the threshold. */
export function averageLineHtml(c: Pick<AverageCriterion, "value" | "threshold" | "meets">, label: string): SafeHtml {
  const shown = formatAverage(c.value);
  const justUnder = c.value !== null && !c.meets && shown === c.threshold.toFixed(2);
  const bar = progressBarHtml({
    value: c.value ?? 0,
    max: 5,
    marker: c.threshold,
    label: `${label}: average ${shown} of 5, threshold ${c.threshold}`,
  });
  const under = justUnder && html`<span class="ml-1 text-xs text-amber-800">(just under)</span>`;
  const figure = html`<span class="text-2xl font-semibold">${shown}</span>`;
  return html`<div><p class="text-sm">${figure} / ${c.threshold.toFixed(2)} average${under}</p>${bar}</div>`;
}

/** SPEC §8 gap planner, compact: what it takes when not met, the headroom when met. */
export function planHintHtml(text: string, met: boolean, what?: string): SafeHtml {
  const head = `${met ? "Headroom" : "What it takes"}${what ? ` (${what})` : ""}: `;
  return html`<p class="text-xs text-neutral-700" data-testid="plan-hint"><span class="font-semibold">${head}</span>${text}</p>`;
}

/** A criterion's card; without `href`, a read-only view with no details link. */
export function criterionCardHtml(card: { title: string; status: string; href?: string; body: SafeHtml[] }): SafeHtml {
  const { title, status, href, body } = card;
  const linkClass = "mt-auto text-sm font-semibold text-brand-700 underline-offset-2 hover:underline";
  const details =
    href && html`<a href="${href}" class="${linkClass}" aria-label="View details: ${title}">View details</a>`;
  const head = html`<div class="flex items-start justify-between gap-2"><h3 class="font-semibold">${title}</h3>${programStatusHtml(
    status,
  )}</div>`;
  const cardClass = "flex flex-col gap-3 rounded-md border border-neutral-200 bg-white p-4 shadow-sm";
  return html`<article class="${cardClass}">${head}${body}${details}</article>`;
}

/** What a dashboard card shows, as plain data: what the page sends to the browser instead of the card's markup. */
export type CriterionCardData = {
  title: string;
  status: string;
  href: string;
  lines: (
    | { label: string; points: Pick<PointsCriterion, "points" | "threshold"> }
    | { label: string; average: Pick<AverageCriterion, "value" | "threshold" | "meets"> }
  )[];
  hints: { text: string; met: boolean; what?: string }[];
};

/** Dashboard cards from their data. */
export function criterionCardsHtml(cards: CriterionCardData[]): SafeHtml {
  return html`${cards.map((card) =>
    criterionCardHtml({
      title: card.title,
      status: card.status,
      href: card.href,
      body: [
        ...card.lines.map((l) =>
          "points" in l ? pointsLineHtml(l.points, l.label) : averageLineHtml(l.average, l.label),
        ),
        ...card.hints.map((h) => planHintHtml(h.text, h.met, h.what)),
      ],
    }),
  )}`;
}
