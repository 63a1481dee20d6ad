export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

/** A pill with a status; its classes live in app/globals.css (.badge, .badge-<tone>). */
export function StatusBadge({ label, tone = "neutral" }: { label: string; tone?: Tone }) {
  return <span className={`badge badge-${tone}`}>{label}</span>;
}
