import { and, eq, gte, sql } from "drizzle-orm";
import { cache } from "react";
import type { Db } from "@/db/client";
import { tsMonthly } from "@/db/schema";
import { derived, type Scope } from "@/lib/cache";
import { isAreaSlug } from "@/lib/rules/areas";
import { PROGRAMS } from "@/lib/rules/programs";
import { type Window, windowFor } from "@/lib/rules/time";
import {
  emptyAggregates,
  evaluateTrainingServices,
  forecastTrainingServices,
  type MonthlyTsAggregates,
  planTrainingServices,
  rulesetFor,
  sumAggregates,
  type TsAggregates,
  type TsEvaluation,
  type TsRuleset,
} from "@/lib/rules/training-services";
import { dataScope } from "./data-version";
import { type Freshness, loadFreshness } from "./freshness";

export const TS_KINDS = [...PROGRAMS["training-services"].kinds];

type RollupRow = {
  month: string;
  kind: string;
  category: string;
  solutionArea: string;
  items: number;
  answerSum: number;
  answerCount: number;
};

const CATEGORY_KEY = {
  fundamentals: "fundamentals",
  "two-days-or-less": "twoDaysOrLess",
  "three-days-or-more": "threeDaysOrMore",
} as const;

/** Turns rollup rows into per-month aggregates (SPEC §3.2: fundamentals surveys never count). */
export function monthlyFromRollup(rows: RollupRow[]): MonthlyTsAggregates {
  const out: MonthlyTsAggregates = {};
  for (const r of rows) {
    const agg = (out[r.month] ??= emptyAggregates());
    if (r.kind === "completion") {
      const key = CATEGORY_KEY[r.category as keyof typeof CATEGORY_KEY];
      if (key) agg.completions[key] += r.items;
    } else if (r.kind === "voucher") {
      if (r.category === "fundamentals" || r.category === "advanced") agg.vouchers[r.category] += r.items;
    } else if (r.kind === "survey" && r.category !== "fundamentals") {
      agg.surveys.surveyCount += r.items;
      agg.surveys.answerSum += r.answerSum;
      agg.surveys.answerCount += r.answerCount;
      if (isAreaSlug(r.solutionArea)) {
        const area = agg.areas[r.solutionArea];
        if (r.category === "two-days-or-less") area.twoDaysOrLess += r.items;
        else area.threeDaysOrMore += r.items;
        area.answerSum += r.answerSum;
        area.answerCount += r.answerCount;
      }
    }
  }
  return out;
}

export type TrainingServicesView = {
  freshness: Freshness;
  /** What the figures below were computed from (lib/cache.ts); null inside a transaction (nothing is kept). */
  scope: Scope;
  window: Window;
  ruleset: TsRuleset;
  monthly: MonthlyTsAggregates; // every month from the window's first on (later months feed the forecast)
  aggregates: TsAggregates; // the window's
  evaluation: TsEvaluation;
};
type Figures = Omit<TrainingServicesView, "freshness" | "scope">;

/** One evaluation function for the program: dashboard, details, JSON, CLI and forecast use it.
 * Read and evaluated once per data version and day in the process (lib/cache.ts; SPEC §9, fast at any size);
 * memoized per server request (React `cache`) so the header and the page share one lookup. */
export const loadTrainingServices = cache(
  async (db: Db, orgId: string, today: string): Promise<TrainingServicesView> => {
    const scope = await dataScope(db, orgId, today);
    return derived(scope, "training-services", async () => {
      const freshness = await loadFreshness(db, orgId, TS_KINDS, today, { catalog: true });
      return { freshness, scope, ...(await readFigures(db, orgId, freshness.asOf)) };
    });
  },
);

async function readFigures(db: Db, orgId: string, dataThrough: string): Promise<Figures> {
  const window = windowFor(dataThrough);
  const rows = await db
    .select({
      month: tsMonthly.month,
      kind: tsMonthly.kind,
      category: tsMonthly.category,
      solutionArea: tsMonthly.solutionArea,
      items: sql<number>`${tsMonthly.items}::int`,
      answerSum: sql<number>`${tsMonthly.answerSum}::int`,
      answerCount: sql<number>`${tsMonthly.answerCount}::int`,
    })
    .from(tsMonthly)
    .where(and(eq(tsMonthly.orgId, orgId), gte(tsMonthly.month, window.months[0]!)));
  const monthly = monthlyFromRollup(rows);
  const aggregates = sumAggregates(window.months.map((m) => monthly[m] ?? emptyAggregates()));
  const ruleset = rulesetFor(dataThrough);
  return { window, ruleset, monthly, aggregates, evaluation: evaluateTrainingServices(aggregates, ruleset) };
}

/** SPEC §8 roll-off forecast of the current data: a pure function of the view, kept with it (lib/cache.ts). */
export const loadTrainingServicesForecast = cache(async (db: Db, orgId: string, today: string) => {
  const view = await loadTrainingServices(db, orgId, today);
  return derived(view.scope, "training-services-forecast", () =>
    forecastTrainingServices(view.monthly, view.freshness.asOf),
  );
});

/** SPEC §8 gap planner of the window's figures (pure; kept with the view, lib/cache.ts). */
export function planOf(view: TrainingServicesView): Promise<ReturnType<typeof planTrainingServices>> {
  return derived(view.scope, "training-services-plan", () => planTrainingServices(view.aggregates, view.ruleset));
}
