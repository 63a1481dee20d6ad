import { db } from "@/db/client";
import { today } from "@/lib/clock";
import { guardedRoute, json } from "@/lib/http";
import { solutionsPartnerJson } from "@/lib/solutions-partner/json";

// SPEC §7: the signed-in organization's Solutions Partner evaluation.
export const GET = guardedRoute("membership:view", async (ctx) =>
  json(await solutionsPartnerJson(db(), ctx.orgId, today())),
);
