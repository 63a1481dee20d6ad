import { and, asc, between, eq, gt, ne, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { courses, coursewareCompletions, examVouchers, mtmSurveys } from "@/db/schema";
import type { AreaSlug } from "@/lib/rules/areas";
import type { Window } from "@/lib/rules/time";

// The line items behind a Training Services criterion, in the window, in pages (keyset by
// natural key) so a download of a million rows streams with bounded memory on both drivers.
export type TsLineItemKind = "courseware" | "exam-vouchers" | "surveys";

export const TS_LINE_ITEM_COLUMNS: Record<TsLineItemKind, string[]> = {
  courseware: ["achievement_code", "course_code", "redeemed_on"],
  "exam-vouchers": ["voucher_id", "exam_code", "level", "purchased_on"],
  surveys: ["survey_id", "course_code", "completed_on", "q1", "q2", "q3", "q4", "q5"],
};

export async function* tsLineItemPages(
  db: Db, orgId: string, kind: TsLineItemKind, window: Pick<Window, "start" | "end">, area: AreaSlug | null, pageSize = 5000,
): AsyncGenerator<unknown[][]> {
  let last = "";
  for (;;) {
    let rows: unknown[][];
    if (kind === "courseware") {
      const t = coursewareCompletions;
      const found = await db.select({ k: t.achievementCode, c: t.courseCode, d: t.redeemedOn }).from(t)
        .where(and(eq(t.orgId, orgId), between(t.redeemedOn, window.start, window.end), gt(t.achievementCode, last)))
        .orderBy(asc(t.achievementCode)).limit(pageSize);
      rows = found.map((r) => [r.k, r.c, r.d]);
    } else if (kind === "exam-vouchers") {
      const t = examVouchers;
      const found = await db.select({ k: t.voucherId, e: t.examCode, l: t.level, d: t.purchasedOn }).from(t)
        .where(and(eq(t.orgId, orgId), between(t.purchasedOn, window.start, window.end), gt(t.voucherId, last)))
        .orderBy(asc(t.voucherId)).limit(pageSize);
      rows = found.map((r) => [r.k, r.e, r.l, r.d]);
    } else {
      const t = mtmSurveys;
      const conditions: SQL[] = [eq(t.orgId, orgId), between(t.completedOn, window.start, window.end), gt(t.surveyId, last), ne(courses.category, "fundamentals")];
      if (area) conditions.push(eq(courses.solutionArea, area));
      const found = await db.select({ k: t.surveyId, c: t.courseCode, d: t.completedOn, q1: t.q1, q2: t.q2, q3: t.q3, q4: t.q4, q5: t.q5 })
        .from(t).innerJoin(courses, eq(courses.courseCode, t.courseCode))
        .where(and(...conditions)).orderBy(asc(t.surveyId)).limit(pageSize);
      rows = found.map((r) => [r.k, r.c, r.d, r.q1, r.q2, r.q3, r.q4, r.q5]);
    }
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    last = String(rows[rows.length - 1]![0]);
  }
}
