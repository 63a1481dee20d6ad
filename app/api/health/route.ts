import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { logUnexpected } from "@/lib/log";

// Readiness: the web server is up and the database answers.
export async function GET() {
  try {
    await db().execute(sql`select 1`);
    return Response.json({ status: "ok", database: "reachable" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    logUnexpected(error, { route: "/api/health" });
    return Response.json(
      { status: "degraded", database: "unreachable" },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
