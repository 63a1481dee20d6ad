import Link from "next/link";
import { ProgramStatus } from "@/components/membership/status";
import { ProgressBar } from "@/components/ui/progress";
import {
  type AverageCriterion,
  formatAverage,
  formatPoints,
  type PointsCriterion,
} from "@/lib/rules/training-services";

export function PointsLine({ c, label }: { c: PointsCriterion; label: string }) {
  return (
    <div>
      <p className="text-sm">
        <span className="text-2xl font-semibold">{formatPoints(c.points)}</span> / {formatPoints(c.threshold)} points
      </p>
      <ProgressBar value={c.points} max={c.threshold} label={`${label}: ${c.points} of ${c.threshold} points`} />
    </div>
  );
}

export function AverageLine({ c, label }: { c: AverageCriterion; label: string }) {
  return (
    <div>
      <p className="text-sm">
        <span className="text-2xl font-semibold">{formatAverage(c.value)}</span> / {c.threshold.toFixed(2)} average
        {c.value !== null && !c.meets && formatAverage(c.value) === c.threshold.toFixed(2) ? (
          <span className="ml-1 text-xs text-amber-800">(just under)</span>
        ) : null}
      </p>
      <ProgressBar
        value={c.value ?? 0}
        max={5}
        marker={c.threshold}
        label={`${label}: average ${formatAverage(c.value)} of 5, threshold ${c.threshold}`}
      />
    </div>
  );
}

/** SPEC §8 gap planner, compact: what it takes when not met, the headroom when met. */
export function PlanHint({ text, met, what }: { text: string; met: boolean; what?: string }) {
  return (
    <p className="text-xs text-neutral-700" data-testid="plan-hint">
      <span className="font-semibold">
        {met ? "Headroom" : "What it takes"}
        {what ? ` (${what})` : ""}:{" "}
      </span>
      {text}
    </p>
  );
}

export function CriterionCard({
  title,
  status,
  href,
  children,
}: {
  title: string;
  status: string;
  href?: string; // none: a read-only view (the operator workspace, SPEC §10)
  children: React.ReactNode;
}) {
  return (
    <article className="flex flex-col gap-3 rounded-md border border-neutral-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h3 className="font-semibold">{title}</h3>
        <ProgramStatus status={status} />
      </div>
      {children}
      {href ? (
        <Link
          href={href}
          className="mt-auto text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
          aria-label={`View details: ${title}`}
        >
          View details
        </Link>
      ) : null}
    </article>
  );
}
