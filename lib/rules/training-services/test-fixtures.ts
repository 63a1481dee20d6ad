// Test helpers (not used by the engine): build aggregates from partial figures.
import { AREA_SLUGS, type AreaSlug } from "../areas";
import { emptyAggregates } from "./aggregates";
import type { TsAggregates, TsAreaAggregates } from "./types";

export type AggInput = {
  completions?: Partial<TsAggregates["completions"]>;
  vouchers?: Partial<TsAggregates["vouchers"]>;
  surveys?: Partial<TsAggregates["surveys"]>;
  areas?: Partial<Record<AreaSlug, Partial<TsAreaAggregates>>>;
};

export function agg(input: AggInput = {}): TsAggregates {
  const a = emptyAggregates();
  Object.assign(a.completions, input.completions);
  Object.assign(a.vouchers, input.vouchers);
  Object.assign(a.surveys, input.surveys);
  for (const s of AREA_SLUGS) Object.assign(a.areas[s], input.areas?.[s]);
  return a;
}

/** An area meeting both criteria: 200 three-day surveys averaging 4.5. */
export const AREA_MET: TsAreaAggregates = {
  twoDaysOrLess: 0,
  threeDaysOrMore: 200,
  answerSum: 4500,
  answerCount: 1000,
};

/** Base criteria all met (exactly at the thresholds). */
export const BASE_MET: AggInput = {
  completions: { threeDaysOrMore: 1000 },
  vouchers: { advanced: 200 },
  surveys: { answerSum: 17, answerCount: 4, surveyCount: 1 },
};
