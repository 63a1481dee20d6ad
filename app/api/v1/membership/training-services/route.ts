import { db } from "@/db/client";
import { loadTrainingServices, toTrainingServicesJson } from "@/db/queries/training-services";
import { today } from "@/lib/clock";
import { guardedRoute, json } from "@/lib/http";

// SPEC §7: the signed-in organization's Training Services evaluation.
export const GET = guardedRoute("membership:view", async (ctx) => {
  return json(toTrainingServicesJson(await loadTrainingServices(db(), ctx.orgId, today())));
});
