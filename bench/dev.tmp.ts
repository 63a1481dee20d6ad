import { db, closeDatabase, dbHandle } from "@/db/client";
import { organizations } from "@/db/schema";
import { eq } from "drizzle-orm";
import { ROUTES, layoutQueries, guardQueries } from "./lib/pages";
import { timeIt } from "./lib/measure";
import { profile } from "./lib/profile";
const ids: Record<string, string> = {};
for (const p of ["BENCH-MAIN", "BENCH-MAIN-twin"]) ids[p] = (await db().select().from(organizations).where(eq(organizations.partnerId, p)))[0]!.id;
const today = "2026-11-15";
for (const [p, id] of Object.entries(ids)) {
  const c = { db: db(), orgId: id, sessionId: "00000000-0000-0000-0000-000000000000", today, now: new Date() };
  console.log(p, "layout", (await timeIt(() => layoutQueries(c), 10)).median.toFixed(1));
  for (const r of ROUTES) console.log(p, r.id, (await timeIt(() => r.queries(c), 10)).median.toFixed(1));
}
if (process.argv[2]) {
  const client = (dbHandle().driver as any).sql;
  const r = process.argv[2] === "layout" ? { queries: layoutQueries } : ROUTES.find((x) => x.id === process.argv[2])!;
  const m = await profile(client, (d) => r.queries({ db: d, orgId: ids["BENCH-MAIN"]!, sessionId: "", today, now: new Date() }));
  for (const [, e] of m) console.log(e.executionMs, e.sql.slice(0, 150), "\n", process.argv[3] ? e.plan : "");
}
await closeDatabase();
