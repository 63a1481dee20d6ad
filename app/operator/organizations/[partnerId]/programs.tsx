// SPEC §10: both programs read-only, with the partner pages' components, fed by the same query
// functions with the organization passed explicitly.
import { Freshness } from "@/components/membership/freshness";
import { ProgramStatus } from "@/components/membership/status";
import { Card, CardTitle } from "@/components/ui/card";
import { Markup } from "@/components/ui/markup";
import { ProgressBar } from "@/components/ui/progress";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Db } from "@/db/client";
import { loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { loadTrainingServices } from "@/db/queries/training-services";
import { html } from "@/lib/html";
import { AREAS } from "@/lib/rules/areas";
import { loadAreaStatuses } from "@/lib/solutions-partner/status";
import {
  averageLineHtml,
  criterionCardHtml,
  pointsLineHtml,
} from "../../../membership/training-services/_components/criterion-card";

export async function TrainingServicesReadOnly({ db, orgId, day }: { db: Db; orgId: string; day: string }) {
  const view = await loadTrainingServices(db, orgId, day);
  const e = view.evaluation;
  const cards = html`${[
    criterionCardHtml({
      title: "Courseware completions",
      status: e.base.courseware.status,
      body: [pointsLineHtml(e.base.courseware, "Courseware completions")],
    }),
    criterionCardHtml({
      title: "Exam units",
      status: e.base.examVouchers.status,
      body: [pointsLineHtml(e.base.examVouchers, "Exam units")],
    }),
    criterionCardHtml({
      title: "Average response score",
      status: e.base.averageScore.status,
      body: [averageLineHtml(e.base.averageScore, "Average response score")],
    }),
    ...AREAS.map((area) => {
      const a = e.areas[area.slug];
      return criterionCardHtml({
        title: area.label,
        status: a.status,
        body: [
          pointsLineHtml(a.surveyCompletions, `${area.label}: survey completions`),
          averageLineHtml(a.averageScore, `${area.label}: average score`),
        ],
      });
    }),
  ]}`;
  return (
    <Card className="mb-6" aria-labelledby="ts-title">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <CardTitle id="ts-title">Training Services</CardTitle>
        <StatusBadge label={e.qualified ? "Qualified" : "Not qualified"} tone={e.qualified ? "success" : "neutral"} />
      </div>
      <div className="mt-2">
        <Freshness program="training-services" {...view.freshness} window={view.window} />
      </div>
      <p className="mt-2 text-sm">
        <span className="font-semibold">Badges earned:</span> {e.badges.length ? e.badges.join(", ") : "none yet"}
      </p>
      <Markup className="mt-3 grid gap-3 md:grid-cols-3" html={cards} />
    </Card>
  );
}

export async function SolutionsPartnerReadOnly({ db, orgId, day }: { db: Db; orgId: string; day: string }) {
  const view = await loadSolutionsPartner(db, orgId, day);
  const statuses = await loadAreaStatuses(db, orgId, day, view);
  return (
    <Card className="mb-6" aria-labelledby="sp-title">
      <CardTitle id="sp-title">Solutions Partner</CardTitle>
      <div className="mt-2">
        <Freshness
          program="solutions-partner"
          {...view.freshness}
          window={{ start: view.dates.windowStart, end: view.dates.end }}
        />
      </div>
      <div className="mt-3 grid gap-3 md:grid-cols-3">
        {AREAS.map((area) => {
          const a = view.evaluation.areas[area.slug];
          return (
            <article key={area.slug} className="rounded-md border border-neutral-200 p-3">
              <div className="flex items-start justify-between gap-2">
                <h3 className="font-semibold">{area.label}</h3>
                <ProgramStatus status={statuses[area.slug]} />
              </div>
              <p className="text-sm">
                <span className="text-xl font-semibold">{a.tracks[a.track]!.totalText}</span> / 100 points ·{" "}
                {a.track === "smb" ? "SMB" : "Enterprise"} track
              </p>
              <ProgressBar
                value={a.total}
                max={100}
                marker={view.evaluation.passMark}
                label={`${area.label}: ${a.tracks[a.track]!.totalText} of 100 points`}
              />
            </article>
          );
        })}
      </div>
    </Card>
  );
}
