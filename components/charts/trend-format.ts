import { formatScore } from "@/lib/rules/number-format";
import { formatAverage, formatPoints } from "@/lib/rules/training-services/format";

// SPEC §8 trend chart: a value per month against its threshold.
export type TrendDatum = { month: string; value: number | null; threshold: number; met: boolean };
export type TrendKind = "points" | "average" | "score";

export const FORMATS: Record<TrendKind, (v: number | null) => string> = {
  points: (v) => (v === null ? "—" : formatPoints(v)), // exact halves
  average: (v) => formatAverage(v), // two decimals
  score: (v) => (v === null ? "—" : formatScore(v)), // PCS: the one display rounding of scores
};
