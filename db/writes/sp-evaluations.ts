import type { Db } from "@/db/client";
import { solutionsPartnerView } from "@/db/queries/solutions-partner";
import { spEvaluations } from "@/db/schema";
import { AREA_SLUGS } from "@/lib/rules/areas";
import { toDecimalString } from "@/lib/rules/fraction";

// Writes of the Solutions Partner program's history (the reads are db/queries/solutions-partner*.ts).

/** SPEC §4.5: keep every evaluation as history — one row per area with the track that counts. */
export async function recordSpEvaluation(db: Db, orgId: string, today: string, at: Date): Promise<void> {
  const view = await solutionsPartnerView(db, orgId, today, true);
  await db.insert(spEvaluations).values(
    AREA_SLUGS.map((area) => {
      const a = view.evaluation.areas[area];
      const t = a.tracks[a.track]!;
      return {
        orgId,
        solutionArea: area,
        track: a.track,
        total: toDecimalString(a.totalExact), // exact (SPEC §2), never through a float
        qualified: a.qualified,
        metrics: Object.fromEntries(t.metrics.map((m) => [m.id, { value: m.value, points: m.points, max: m.max }])),
        dataThrough: view.dates.dataThrough,
        recordedAt: at,
      };
    }),
  );
}
