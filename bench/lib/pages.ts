// The routes the benchmark loads, and for each the query functions its request runs, called the
// same way (same order, same parallelism) so their database time can be measured on its own.
import type { Db } from "@/db/client";
import { loadAlerts } from "@/db/queries/alerts";
import { loadSolutionsPartner, loadSpHistory } from "@/db/queries/solutions-partner";
import { loadSolutionsPartnerTrend } from "@/db/queries/solutions-partner-trend";
import { loadTrainingServices } from "@/db/queries/training-services";
import { loadTrainingServicesTrend } from "@/db/queries/training-services-trend";
import { solutionsPartnerJson } from "@/lib/api/solutions-partner-json";
import { toTrainingServicesJson } from "@/lib/api/training-services-json";
import { loadContext } from "@/lib/auth/sessions";
import { spEligibleAreasOfVersion } from "@/lib/offers/eligibility";
import { loadOfferCards } from "@/lib/offers/state";
import { addMonths, startOfMonth } from "@/lib/rules/time";
import { analyzeArea } from "@/lib/solutions-partner/area-analysis";
import { loadAreaStatuses } from "@/lib/solutions-partner/status";

export type QueryCtx = { db: Db; orgId: string; sessionId: string; today: string; now: Date };

export type BenchRoute = {
  id: string;
  label: string;
  path: string;
  /** Text the response must contain (proves the signed-in page rendered, not a redirect or an error). */
  marker: string;
  /** Pages run the guard and the workspace layout (header alerts) besides their own queries. */
  kind: "page" | "json";
  queries: (c: QueryCtx) => Promise<unknown>;
};

export const AREA = "modern-work";

/** The guard of every signed-in request (lib/auth/guard.ts currentContext → loadContext). */
export const guardQueries = (c: QueryCtx) => loadContext(c.db, c.sessionId, c.now);
/** The workspace layout's header alerts count (app/membership/alerts/load.ts). */
export const layoutQueries = (c: QueryCtx) => loadAlerts(c.db, c.orgId, c.today);

/** app/membership/solutions-partner/[area]/page.tsx, its trend section closed or open (trend-section.tsx). */
async function areaQueries(c: QueryCtx, trendOpen: boolean) {
  const eligibleFrom = startOfMonth(addMonths(c.today, -5).slice(0, 7));
  const view = await loadSolutionsPartner(c.db, c.orgId, c.today);
  return Promise.all([
    loadAreaStatuses(c.db, c.orgId, c.today, view),
    loadSpHistory(c.db, c.orgId, AREA, c.today, view.scope),
    spEligibleAreasOfVersion(c.db, c.orgId, { start: eligibleFrom, end: c.today }, view.scope),
    analyzeArea(c.db, c.orgId, view, AREA, view.evaluation.areas[AREA].track), // the expiring list only on a new version
    trendOpen ? loadSolutionsPartnerTrend(c.db, c.orgId, AREA, c.today, view.scope) : null,
  ]);
}

export const ROUTES: BenchRoute[] = [
  {
    id: "ts-dashboard",
    label: "Training Services dashboard",
    path: "/membership/training-services",
    kind: "page",
    marker: "Solutions Partner for Training Services",
    queries: (c) => loadTrainingServices(c.db, c.orgId, c.today), // app/membership/training-services/page.tsx
  },
  {
    id: "sp-overview",
    label: "Solutions Partner overview",
    path: "/membership/solutions-partner",
    kind: "page",
    marker: "Solutions Partner designations",
    queries: async (c) => {
      // app/membership/solutions-partner/page.tsx
      const view = await loadSolutionsPartner(c.db, c.orgId, c.today);
      return loadAreaStatuses(c.db, c.orgId, c.today, view);
    },
  },
  {
    id: "sp-area",
    label: `Solutions Partner area (${AREA})`,
    path: `/membership/solutions-partner/${AREA}`,
    kind: "page",
    marker: "Recommendations",
    queries: (c) => areaQueries(c, false),
  },
  {
    id: "sp-area-trend",
    label: `Solutions Partner area (${AREA}), trend open`,
    path: `/membership/solutions-partner/${AREA}?trend=show`,
    kind: "page",
    marker: "highest score per month",
    queries: (c) => areaQueries(c, true),
  },
  {
    id: "ts-criterion",
    label: "Training Services criterion (courseware)",
    path: "/membership/training-services/courseware",
    kind: "page",
    marker: "Courseware completions",
    queries: async (c) => {
      // app/membership/training-services/[criterion]/page.tsx (its trend section closed; opened below)
      return loadTrainingServices(c.db, c.orgId, c.today);
    },
  },
  {
    id: "ts-criterion-trend",
    label: "Training Services criterion (courseware), trend open",
    path: "/membership/training-services/courseware?trend=show",
    kind: "page",
    marker: "Courseware completions: last",
    queries: async (c) => {
      const view = await loadTrainingServices(c.db, c.orgId, c.today);
      return loadTrainingServicesTrend(c.db, c.orgId, view.window.lastMonth);
    },
  },
  {
    id: "offers",
    label: "Offers",
    path: "/membership/offers",
    kind: "page",
    marker: "Buy or renew",
    // app/membership/offers/page.tsx (the bench's user is a partner admin of a verified organization)
    queries: (c) =>
      loadOfferCards(c.db, { orgId: c.orgId, role: "partner_admin", verified: true, country: "US" }, c.today),
  },
  {
    id: "json-ts",
    label: "JSON /api/v1/membership/training-services",
    path: "/api/v1/membership/training-services",
    kind: "json",
    marker: '"qualified"',
    queries: async (c) => toTrainingServicesJson(await loadTrainingServices(c.db, c.orgId, c.today)),
  },
  {
    id: "json-sp",
    label: "JSON /api/v1/membership/solutions-partner",
    path: "/api/v1/membership/solutions-partner",
    kind: "json",
    marker: '"areas"',
    queries: (c) => solutionsPartnerJson(c.db, c.orgId, c.today),
  },
];

/** Everything one request of the route runs against the database, in order. */
export async function requestQueries(route: BenchRoute, c: QueryCtx): Promise<void> {
  await guardQueries(c);
  if (route.kind === "page")
    await Promise.all([layoutQueries(c), route.queries(c)]); // the layout's Suspense streams beside the page
  else await route.queries(c);
}
