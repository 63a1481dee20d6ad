import { cache } from "react";
import { db } from "@/db/client";
import { loadAlerts } from "@/db/queries/alerts";
import { logUnexpected } from "@/lib/log";
import type { Alert } from "@/lib/rules/alerts";

// One alerts load per request, shared by the header count and the Alerts page.
export const alertsFor = cache(async (orgId: string, day: string): Promise<Alert[]> => loadAlerts(db(), orgId, day));

/** For the header: the number of alerts, or null when they could not be loaded (never breaks the page). */
export async function alertCount(orgId: string, day: string): Promise<number | null> {
  try {
    return (await alertsFor(orgId, day)).length;
  } catch (e) {
    logUnexpected(e, { where: "alerts count" });
    return null;
  }
}
