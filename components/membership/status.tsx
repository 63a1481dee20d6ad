import { StatusBadge, type Tone } from "@/components/ui/status-badge";

const TS: Record<string, { label: string; tone: Tone }> = {
  not_started: { label: "Not started", tone: "neutral" },
  in_progress: { label: "In progress", tone: "warning" },
  completed: { label: "Completed", tone: "success" },
  qualified: { label: "Qualified", tone: "success" },
  enrolled: { label: "Enrolled", tone: "info" },
  renewal_due: { label: "Enrolled — renewal due", tone: "warning" },
};

export function ProgramStatus({ status }: { status: string }) {
  const s = TS[status] ?? { label: status, tone: "neutral" as Tone };
  return <StatusBadge label={s.label} tone={s.tone} />;
}
