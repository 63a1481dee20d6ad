import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { seedOrgsAndUsers } from "./users";

/** Loads demo data once: does nothing when organizations already exist (re-runs keep data). */
export async function seedDemo(db: Db, today: string): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  if (row && row.n > 0) return false;
  await seedOrgsAndUsers(db);
  void today;
  return true;
}
