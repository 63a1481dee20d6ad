import { z } from "zod";
import { db } from "@/db/client";
import { loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { SP_LINE_ITEM_COLUMNS, spLineItemPages } from "@/db/queries/solutions-partner-items";
import { today } from "@/lib/clock";
import { csvResponse } from "@/lib/csv";
import { guardedRoute, jsonError } from "@/lib/http";
import { AREA_SLUGS } from "@/lib/rules/areas";
import { METRIC_IDS } from "@/lib/rules/solutions-partner";

const query = z.object({
  area: z.enum(AREA_SLUGS),
  track: z.enum(["enterprise", "smb"]),
  metric: z.enum(METRIC_IDS as [string, ...string[]]),
});

// SPEC §4.6: the line items behind one metric of an area and track, as CSV.
export const GET = guardedRoute("membership:view", async (ctx, request) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(400, "Unknown solution area, track or metric.");
  const { area, track, metric } = parsed.data;
  const view = await loadSolutionsPartner(db(), ctx.orgId, today());
  const rule = view.ruleset.areas[area].tracks[track].find((r) => r.id === metric);
  if (!rule) return jsonError(404, `The ${area} ${track} track has no ${metric} metric.`);
  return csvResponse(
    `solutions-partner-${area}-${track}-${metric}-${view.dates.end}.csv`,
    SP_LINE_ITEM_COLUMNS[rule.source],
    spLineItemPages(db(), ctx.orgId, view.ruleset, area, track, rule, view.dates),
  );
});
