/** A progress bar with an optional marker (e.g. the 70-point line). Values are shown as text too. */
export function ProgressBar({
  value,
  max,
  marker,
  label,
  valueText,
}: {
  value: number;
  max: number;
  marker?: number;
  label: string;
  /** What assistive technology reads instead of the raw value (a score's one-decimal text). */
  valueText?: string;
}) {
  const pct = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div
      className="relative mt-2 h-2 w-full rounded bg-neutral-200"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(value, max)}
      aria-valuetext={valueText}
    >
      <div className={`h-2 rounded ${pct >= 100 ? "bg-green-600" : "bg-brand-600"}`} style={{ width: `${pct}%` }} />
      {marker !== undefined ? (
        <div
          className="absolute -top-1 h-4 w-0.5 bg-neutral-800"
          style={{ left: `${(marker / max) * 100}%` }}
          aria-hidden
        />
      ) : null}
    </div>
  );
}
