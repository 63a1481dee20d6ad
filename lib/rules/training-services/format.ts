// SPEC §3.2 display rules: averages shown rounded to two decimals (the comparison stays exact,
// see evaluate.ts), points as exact halves. Labels for SPEC §3.4 statuses.
import { formatOneDecimal } from "../number-format";
import type { Status } from "./types";

export const STATUS_LABELS: Record<Status, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  completed: "Completed",
};

export function statusLabel(status: Status): string {
  return STATUS_LABELS[status];
}

/**
 * An average rounded half-up to two decimals ("4.25"); null (no score) → "—".
 * Binary noise is removed first so that e.g. 849/200 = 4.245 shows "4.25", not "4.24".
 * Prefer formatAverageExact when sum and count are at hand.
 */
export function formatAverage(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const hundredths = Math.round(Number((Math.abs(value) * 100).toPrecision(12)));
  return ((Math.sign(value) * hundredths) / 100).toFixed(2);
}

/** sum/count rounded half-up to two decimals with integer arithmetic only; count 0 → "—". */
export function formatAverageExact(sum: number, count: number): string {
  if (count === 0) return "—";
  const a = 200 * sum + count; // round(100·sum/count) = floor((200·sum + count) / (2·count))
  const hundredths = (a - (a % (2 * count))) / (2 * count); // exact integer division
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}

/** Points as exact halves with thousands separators: 1000 → "1,000", 999.5 → "999.5". */
export function formatPoints(points: number): string {
  return formatOneDecimal(points);
}
