// The Organizations list's rows (SPEC §10) as one string of markup. They are read-only and hold no
// component, yet rendered by React they cost most of the page's server time: a page of rows × 10 cells, rendered
// as HTML and again as the RSC payload (bench/README.md "Operator organizations list"). As a string they
// are built once. The page sends the rows as data (lib/operator/org-row-fields.ts) to `OrgRowsBody`, which builds
// the string where it renders, so the RSC payload carries the data, not the markup a second time. Pure and client-safe:
// every value is escaped by `html` (lib/html.ts); the cells use the same classes as `Td` and `StatusBadge`
// (app/globals.css: .data-table td, .badge-<tone>).
import { badgeHtml as badge } from "@/components/ui/status-badge";
import { html, type SafeHtml } from "@/lib/html";
import type { OrgRowView } from "@/lib/operator/org-row-fields";
import { OFFERS, type OfferId } from "@/lib/rules/offers-catalog";

const muted = (text: string) => html`<span class="text-neutral-600">${text}</span>`;

function trainingServices(o: OrgRowView): SafeHtml {
  if (o.tsQualified === null) return muted("No data");
  const through = html`<span class="block text-xs text-neutral-600">data through ${o.tsDataThrough}</span>`;
  return html`${o.tsQualified ? "Qualified" : "Not qualified"}${through}`;
}

function held(o: OrgRowView): SafeHtml | string {
  if (o.held.length === 0) return "None";
  const title = (offer: string) => OFFERS[offer as OfferId]?.title ?? offer;
  return html`${o.held.map((h) => html`<span class="block">${title(h.offer)} · anniversary ${h.anniversary}</span>`)}`;
}

function row(o: OrgRowView): SafeHtml {
  const detail = `/operator/organizations/${encodeURIComponent(o.partnerId)}`;
  const cells = [
    o.partnerId,
    html`<a class="font-semibold text-brand-700 underline" href="${detail}">${o.name}</a>`,
    o.country,
    o.verified ? badge("Verified", "success") : badge("Unverified", "warning"),
    trainingServices(o),
    o.spAreasQualified === null ? muted("No data") : `${o.spAreasQualified} of 6 areas qualified`,
    held(o),
    o.renewalDue ?? "—",
    o.awaiting > 0 ? badge(`${o.awaiting} awaiting`, "warning") : "—",
  ];
  const lastImport = html`<td class="whitespace-nowrap">${o.lastImportAt ?? "Never"}</td>`;
  return html`<tr>${cells.map((c) => html`<td>${c}</td>`)}${lastImport}</tr>`;
}

/** The rows of one page of the list. */
export function orgRowsHtml(rows: readonly OrgRowView[]): SafeHtml {
  return html`${rows.map(row)}`;
}
