import type { Metadata } from "next";
import { Freshness } from "@/components/membership/freshness";
import { programStatusHtml } from "@/components/membership/status";
import { PageHeader } from "@/components/ui/card";
import { Markup } from "@/components/ui/markup";
import { progressBarHtml } from "@/components/ui/progress";
import { db } from "@/db/client";
import { loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { html, type SafeHtml } from "@/lib/html";
import { AREAS } from "@/lib/rules/areas";
import { trackLabel } from "@/lib/rules/solutions-partner/text";
import { loadAreaStatuses } from "@/lib/solutions-partner/status";

export const metadata: Metadata = { title: "Solutions Partner" };

const CARD_CLASS = "flex flex-col gap-3 rounded-md border border-neutral-200 bg-white p-4 shadow-sm";
const LINK_CLASS = "mt-auto text-sm font-semibold text-brand-700 hover:underline";
type Evaluation = Awaited<ReturnType<typeof loadSolutionsPartner>>["evaluation"];

/** An area's card: its total against the pass mark, the track that counts, a link to the area. Read-only markup
 * (lib/html.ts): six cards rendered by React cost more server time than the rest of the page. */
function areaCardHtml(area: (typeof AREAS)[number], evaluation: Evaluation, status: string): SafeHtml {
  const a = evaluation.areas[area.slug];
  const total = a.tracks[a.track]!.totalText;
  const bar = progressBarHtml({
    value: a.total,
    valueText: `${total} points`,
    max: 100,
    marker: evaluation.passMark,
    label: `${area.label}: ${total} of 100 points, pass mark ${evaluation.passMark}`,
  });
  const mode = a.trackMode === "assigned" ? "assigned" : "better of two";
  const head = html`<div class="flex items-start justify-between gap-2"><h2 id="area-${area.slug}" class="font-semibold">${
    area.label
  }</h2>${programStatusHtml(status)}</div>`;
  const score = html`<div><p class="text-sm"><span class="text-2xl font-semibold">${total}</span> / 100 points</p>${bar}</div>`;
  const modeText = html`<span class="text-neutral-500">(${mode})</span>`;
  const trackLine = html`<p class="text-sm text-neutral-700">Track: <strong>${trackLabel(a.track)}</strong> ${modeText}</p>`;
  const link = html`<a href="/membership/solutions-partner/${area.slug}" class="${LINK_CLASS}" aria-label="View details: ${
    area.label
  }">View details</a>`;
  return html`<article class="${CARD_CLASS}" aria-labelledby="area-${area.slug}">${head}${score}${trackLine}${link}</article>`;
}

export default async function SolutionsPartnerOverview() {
  const ctx = await requirePage("membership:view");
  const view = await loadSolutionsPartner(db(), ctx.orgId, today());
  const statuses = await loadAreaStatuses(db(), ctx.orgId, today(), view);
  return (
    <>
      <PageHeader
        title="Solutions Partner designations"
        description={
          "Each solution area is scored out of 100 points on performance, skilling and customer success. " +
          "An area qualifies at 70 points or more with every metric above 0."
        }
      />
      <div className="mb-4">
        <Freshness
          program="solutions-partner"
          {...view.freshness}
          window={{ start: view.dates.windowStart, end: view.dates.end }}
        />
      </div>
      <p className="mb-4 text-xs text-neutral-600">
        Performance and customer success refresh by the 20th of each month; skilling within 10 days of a certification.
      </p>
      <Markup
        className="grid gap-4 md:grid-cols-2 xl:grid-cols-3"
        html={html`${AREAS.map((area) => areaCardHtml(area, view.evaluation, statuses[area.slug]))}`}
      />
    </>
  );
}
