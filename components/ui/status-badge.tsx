import { html, type SafeHtml } from "@/lib/html";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

/** A pill with a status; its classes live in app/globals.css (.badge, .badge-<tone>). */
export function StatusBadge({ label, tone = "neutral" }: { label: string; tone?: Tone }) {
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

/** The same pill as markup (lib/html.ts), for blocks rendered as one string. */
export function badgeHtml(label: string, tone: Tone = "neutral"): SafeHtml {
  return html`<span class="badge badge-${tone}">${label}</span>`;
}
