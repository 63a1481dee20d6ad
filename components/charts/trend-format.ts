import { html, type SafeHtml } from "@/lib/html";
import { formatScore } from "@/lib/rules/number-format";
import { formatAverage, formatPoints } from "@/lib/rules/training-services/format";

// SPEC §8 trend chart: a value per month against its threshold.
export type TrendDatum = { month: string; value: number | null; threshold: number; met: boolean };
export type TrendKind = "points" | "average" | "score";

export const FORMATS: Record<TrendKind, (v: number | null) => string> = {
  points: (v) => (v === null ? "—" : formatPoints(v)), // exact halves
  average: (v) => formatAverage(v), // two decimals
  score: (v) => (v === null ? "—" : formatScore(v)), // PCS: the one display rounding of scores
};

/**
 * The table's rows as one escaped string (lib/html.ts), built where the chart renders: on the server for the HTML,
 * from the data the page already carries. React would render ~65 elements for a year's table on every request.
 */
export function trendRowsHtml(data: TrendDatum[], kind: TrendKind): SafeHtml {
  const format = FORMATS[kind];
  const num = (v: number | null) => html`<td class="px-2 py-1 text-right tabular-nums">${format(v)}</td>`;
  const month = (m: string) => html`<th scope="row" class="px-2 py-1 text-left font-normal">${m}</th>`;
  const met = (m: boolean) => html`<td class="px-2 py-1">${m ? "Yes" : "No"}</td>`;
  const row = (d: TrendDatum) => html`<tr>${month(d.month)}${num(d.value)}${num(d.threshold)}${met(d.met)}</tr>`;
  return html`${data.map(row)}`;
}
