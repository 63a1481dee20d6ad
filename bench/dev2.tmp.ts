import { db, closeDatabase } from "@/db/client";
import { organizations } from "@/db/schema";
import { eq } from "drizzle-orm";
import { loadAlerts } from "@/db/queries/alerts";
import { loadTrainingServices } from "@/db/queries/training-services";
import { forecastTrainingServices } from "@/lib/rules/training-services";
import { timeIt } from "./lib/measure";
const today = "2026-11-15";
for (const p of ["BENCH-MAIN", "BENCH-MAIN-twin"]) {
  const id = (await db().select().from(organizations).where(eq(organizations.partnerId, p)))[0]!.id;
  const v = await loadTrainingServices(db(), id, today);
  console.log(p, "alerts", (await timeIt(() => loadAlerts(db(), id, today), 10)).median.toFixed(1),
    "ts", (await timeIt(() => loadTrainingServices(db(), id, today), 10)).median.toFixed(1),
    "forecast", (await timeIt(async () => forecastTrainingServices(v.monthly, v.freshness.dataThrough), 10)).median.toFixed(1));
}
await closeDatabase();
