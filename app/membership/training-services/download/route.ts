import { z } from "zod";
import { db, dbHandle } from "@/db/client";
import { loadFreshness } from "@/db/queries/freshness";
import { TS_KINDS } from "@/db/queries/training-services";
import {
  TS_LINE_ITEM_COLUMNS,
  type TsLineItemKind,
  tsLineItemCsvSql,
  tsLineItemPages,
} from "@/db/queries/training-services-items";
import { today } from "@/lib/clock";
import { csvCopyResponse, csvResponse } from "@/lib/csv";
import { guardedRoute, jsonError } from "@/lib/http";
import { AREA_SLUGS } from "@/lib/rules/areas";
import { windowFor } from "@/lib/rules/time";

const query = z.object({
  criterion: z.enum(["courseware", "exam-vouchers", "average-score", "survey-completions"]),
  area: z.enum(AREA_SLUGS).optional(),
});

// SPEC §3.5: the line items behind a criterion, as CSV with the import's columns.
export const GET = guardedRoute("membership:view", async (ctx, request) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(400, "Unknown criterion or solution area.");
  const { criterion, area } = parsed.data;
  if (criterion === "survey-completions" && !area) return jsonError(400, "Survey completions need a solution area.");
  const kind: TsLineItemKind =
    criterion === "courseware" ? "courseware" : criterion === "exam-vouchers" ? "exam-vouchers" : "surveys";
  const freshness = await loadFreshness(db(), ctx.orgId, TS_KINDS, today());
  const window = windowFor(freshness.asOf);
  const name = `training-services-${area ? `${area}-` : ""}${criterion}-${window.end}.csv`;
  const { driver } = dbHandle();
  // PostgreSQL: one COPY streamed straight into the response (SPEC §9, fast at any size); PGlite: keyset pages.
  return driver.kind === "postgres"
    ? await csvCopyResponse(
        name,
        TS_LINE_ITEM_COLUMNS[kind],
        driver.sql,
        tsLineItemCsvSql(ctx.orgId, kind, window, area ?? null),
      )
    : csvResponse(name, TS_LINE_ITEM_COLUMNS[kind], tsLineItemPages(db(), ctx.orgId, kind, window, area ?? null));
});
