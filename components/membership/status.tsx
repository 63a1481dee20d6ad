import { badgeHtml, StatusBadge, type Tone } from "@/components/ui/status-badge";
import type { SafeHtml } from "@/lib/html";

const TS: Record<string, { label: string; tone: Tone }> = {
  not_started: { label: "Not started", tone: "neutral" },
  in_progress: { label: "In progress", tone: "warning" },
  completed: { label: "Completed", tone: "success" },
  qualified: { label: "Qualified", tone: "success" },
  enrolled: { label: "Enrolled", tone: "info" },
  renewal_due: { label: "Enrolled — renewal due", tone: "warning" },
};

const statusOf = (status: string) => TS[status] ?? { label: status, tone: "neutral" as Tone };

export function ProgramStatus({ status }: { status: string }) {
  const s = statusOf(status);
  return <StatusBadge label={s.label} tone={s.tone} />;
}

/** ProgramStatus as markup (lib/html.ts). */
export function programStatusHtml(status: string): SafeHtml {
  const s = statusOf(status);
  return badgeHtml(s.label, s.tone);
}
