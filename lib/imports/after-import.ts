// The one place where work that must happen inside every import transaction is wired, for the
// web upload and the CLI alike (SPEC §4.5: an evaluation is recorded after every import; SPEC §10:
// the operator's Organizations list reads each organization's summary kept in org_status).
// Hooks get a Drizzle `Db` bound to the import's transaction: if they throw, nothing is imported.
import { SP_KINDS } from "@/db/queries/solutions-partner";
import { recordSpEvaluation } from "@/db/writes/sp-evaluations";
import { now } from "@/lib/clock";
import { refreshAllTrainingStatus, refreshOrgStatus } from "@/lib/operator/status";
import type { AfterImportContext } from "./pipeline";

export async function afterImport(ctx: AfterImportContext): Promise<void> {
  if (ctx.orgId && SP_KINDS.includes(ctx.kind)) await recordSpEvaluation(ctx.db, ctx.orgId, ctx.today, now());
  if (ctx.orgId) await refreshOrgStatus(ctx.db, ctx.orgId, ctx.today);
  else if (ctx.kind === "courses") await refreshAllTrainingStatus(ctx.db, ctx.today);
}
