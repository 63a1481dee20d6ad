import { html, type SafeHtml } from "@/lib/html";

type ProgressProps = {
  value: number;
  max: number;
  /** A line across the bar (e.g. a threshold). */
  marker?: number;
  label: string;
  /** What assistive technology reads instead of the raw value (a score's one-decimal text). */
  valueText?: string;
};

/** A progress bar with an optional marker (e.g. the 70-point line), as markup. Values are shown as text too. */
export function progressBarHtml({ value, max, marker, label, valueText }: ProgressProps): SafeHtml {
  const pct = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  const fill = pct >= 100 ? "bg-green-600" : "bg-brand-600";
  const text = valueText === undefined ? "" : html` aria-valuetext="${valueText}"`;
  const line =
    marker === undefined
      ? ""
      : html`<div class="absolute -top-1 h-4 w-0.5 bg-neutral-800" style="left:${(marker / max) * 100}%" aria-hidden="true"></div>`;
  const values = html`aria-valuemin="0" aria-valuemax="${max}" aria-valuenow="${Math.min(value, max)}"${text}`;
  const bar = html`<div class="h-2 rounded ${fill}" style="width:${pct}%"></div>`;
  const track = "relative mt-2 h-2 w-full rounded bg-neutral-200";
  return html`<div class="${track}" role="progressbar" aria-label="${label}" ${values}>${bar}${line}</div>`;
}

/** The same bar in React: one implementation of its markup (a `display: contents` wrapper adds no box). */
export function ProgressBar(props: ProgressProps) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: progressBarHtml escapes every value (lib/html.ts)
  return <div className="contents" dangerouslySetInnerHTML={{ __html: progressBarHtml(props).__html }} />;
}
