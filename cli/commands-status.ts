import { db } from "@/db/client";
import { loadTrainingServices } from "@/db/queries/training-services";
import { solutionsPartnerJson } from "@/lib/api/solutions-partner-json";
import { toTrainingServicesJson } from "@/lib/api/training-services-json";
import { today } from "@/lib/clock";
import { AREAS } from "@/lib/rules/areas";
import { noDataText } from "@/lib/rules/programs";
import { formatAverage, formatPoints, statusLabel } from "@/lib/rules/training-services";
import { orgIdByPartnerId } from "@/lib/users/verbs";
import { type Command, type Io, str, UsageError } from "./framework";

export type ProgramStatusPrinter = (orgId: string, json: boolean, io: Io) => Promise<void>;

async function trainingServices(orgId: string, asJson: boolean, io: Io) {
  const view = await loadTrainingServices(db(), orgId, today());
  if (asJson) return io.out(JSON.stringify(toTrainingServicesJson(view), null, 2));
  const e = view.evaluation;
  io.out(
    `Training Services — ${e.qualified ? "QUALIFIED" : "not qualified"} (${
      view.freshness.dataThrough === null
        ? noDataText("training-services")
        : `data through ${view.freshness.dataThrough}, window ${view.window.start} … ${view.window.end}`
    })`,
  );
  io.out(
    `  Courseware completions  ${formatPoints(e.base.courseware.points)} / ${formatPoints(e.base.courseware.threshold)}  ${statusLabel(e.base.courseware.status)}`,
  );
  io.out(
    `  Exam units              ${formatPoints(e.base.examVouchers.points)} / ${formatPoints(e.base.examVouchers.threshold)}  ${statusLabel(e.base.examVouchers.status)}`,
  );
  io.out(
    `  Average response score  ${formatAverage(e.base.averageScore.value)} / ${e.base.averageScore.threshold}  ${statusLabel(e.base.averageScore.status)}`,
  );
  for (const area of AREAS) {
    const a = e.areas[area.slug];
    io.out(
      `  ${area.label.padEnd(34)} ${formatPoints(a.surveyCompletions.points)} pts, avg ${formatAverage(a.averageScore.value)}  ${statusLabel(a.status)}`,
    );
  }
  io.out(`  Badges: ${e.badges.length ? e.badges.join(", ") : "none"}`);
}

async function solutionsPartner(orgId: string, asJson: boolean, io: Io) {
  const body = await solutionsPartnerJson(db(), orgId, today());
  if (asJson) return io.out(JSON.stringify(body, null, 2));
  io.out(
    `Solutions Partner (${body.dataThrough === null ? noDataText("solutions-partner") : `data through ${body.dataThrough}`})`,
  );
  for (const area of AREAS) {
    const a = body.areas[area.slug];
    io.out(`  ${area.label.padEnd(34)} ${a.totalText.padStart(5)} / 100  ${a.track.padEnd(10)} ${a.status}`);
  }
}

export const STATUS_PRINTERS: Record<string, ProgramStatusPrinter> = {
  "training-services": trainingServices,
  "solutions-partner": solutionsPartner,
};

export const statusCommands: Command[] = [
  {
    name: "status",
    summary: "Print an organization's evaluation (SPEC §7 JSON with --json)",
    usage: "status --org ID --program training-services|solutions-partner [--json]",
    options: { org: { type: "string" }, program: { type: "string" }, json: { type: "boolean" } },
    async run({ values }, io) {
      const printer = STATUS_PRINTERS[str(values, "program")];
      if (!printer) throw new UsageError(`--program must be one of ${Object.keys(STATUS_PRINTERS).join(", ")}`);
      const orgId = await orgIdByPartnerId(db(), str(values, "org"));
      await printer(orgId, values.json === true, io);
      return 0;
    },
  },
];
