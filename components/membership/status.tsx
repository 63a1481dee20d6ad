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

export function Freshness({
  dataThrough,
  refreshedOn,
  nextRefreshDue,
  hasData,
  window,
}: {
  dataThrough: string;
  refreshedOn: string | null;
  nextRefreshDue: string;
  hasData: boolean;
  window?: { start: string; end: string };
}) {
  return (
    <p className="text-sm text-neutral-700">
      {hasData ? (
        <>
          Data through <strong>{dataThrough}</strong>, refreshed <strong>{refreshedOn}</strong>.{" "}
        </>
      ) : (
        <>No data imported yet. </>
      )}
      Next refresh by <strong>{nextRefreshDue}</strong>.
      {window ? (
        <>
          {" "}
          Window: <strong>{window.start}</strong> to <strong>{window.end}</strong>.
        </>
      ) : null}
    </p>
  );
}
