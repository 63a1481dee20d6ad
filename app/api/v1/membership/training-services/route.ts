import { db } from "@/db/client";
import type { TrainingServicesResponse } from "@/lib/api/schemas";
import { trainingServicesJson } from "@/lib/api/training-services-json";
import { today } from "@/lib/clock";
import { apiRoute, json } from "@/lib/http";

// SPEC §7: the calling organization's Training Services evaluation — for a signed-in user with
// the role, or an API token with the "read" scope (the shape is lib/api/schemas.ts).
export const GET = apiRoute("membership:view", async (caller) => {
  const body = await trainingServicesJson(db(), caller.orgId, today());
  return json(body satisfies TrainingServicesResponse);
});
