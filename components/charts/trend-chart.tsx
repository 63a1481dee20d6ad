"use client";
import { type JsonProp, readJsonProp } from "@/lib/json-prop";
import { FORMATS, type TrendDatum, type TrendKind, trendRowsHtml } from "./trend-format";
import { TrendLinesOnMount } from "./trend-lines-on-mount";

// SPEC §8 trend chart: a value per month against its threshold. The drawing is one image whose
// accessible name summarizes it; the same figures are in the table beside it for screen readers
// and for anyone who wants the numbers.

// The drawing only in the browser, mounted after the page (trend-lines-on-mount.tsx): the caption, the accessible
// summary and the table are server-rendered from the data, which is smaller in the page than their markup would be.

export function TrendChart({
  title,
  data: json,
  valueLabel,
  kind,
  yMax,
  id,
}: {
  title: string;
  data: JsonProp<TrendDatum[]>;
  valueLabel: string; // "Points", "Average", "Highest score"
  kind: TrendKind;
  yMax?: number;
  id: string;
}) {
  const data = readJsonProp(json);
  const format = FORMATS[kind];
  const last = data[data.length - 1];
  const metCount = data.filter((d) => d.met).length;
  const summary = last
    ? `${title}: ${valueLabel.toLowerCase()} per month from ${data[0].month} to ${last.month} ` +
      `against a threshold of ${format(last.threshold)}. Latest ${format(last.value)} ` +
      `(${last.met ? "met" : "not met"}); met in ${metCount} of ${data.length} months. ` +
      "The table beside the chart lists every month."
    : `${title}: no data.`;
  return (
    <figure className="grid gap-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="text-sm font-semibold lg:col-span-2">
        {title}
      </figcaption>
      <div role="img" aria-label={summary} className="h-56 min-w-0">
        <TrendLinesOnMount data={data} valueLabel={valueLabel} kind={kind} yMax={yMax} />
      </div>
      <section
        tabIndex={0}
        aria-label={`${title}, by month (scrollable table)`}
        className="max-h-56 overflow-y-auto rounded border border-neutral-200"
      >
        <table className="min-w-full text-xs">
          <caption className="sr-only">{title}, by month</caption>
          <thead className="sticky top-0 bg-neutral-50">
            <tr>
              <th scope="col" className="px-2 py-1 text-left">
                Month
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {valueLabel}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                Threshold
              </th>
              <th scope="col" className="px-2 py-1 text-left">
                Met
              </th>
            </tr>
          </thead>
          <tbody
            className="divide-y divide-neutral-100"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: trendRowsHtml escapes every value (lib/html.ts)
            dangerouslySetInnerHTML={{ __html: trendRowsHtml(data, kind).__html }}
          />
        </table>
      </section>
    </figure>
  );
}
