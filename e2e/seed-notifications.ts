import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { designations, organizations } from "../db/schema";
import { runNotify } from "../lib/notifications/notify";
import { E2E_AUTH_SECRET, E2E_ORGS, E2E_TODAY } from "./fixtures";

// SPEC §12 end-to-end data: a designation whose renewal window is open on E2E_TODAY (2026-11-15),
// and one notify run without SMTP, so its admins find the digest in the in-app outbox.
export async function seedE2eNotifications(db: Db): Promise<void> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.partnerId, E2E_ORGS.notifications));
  await db.insert(designations).values({
    orgId: org!.id,
    offer: "solutions-partner",
    status: "active",
    anniversary: "2026-12-01",
    heldSince: "2025-12-01",
  });
  await runNotify(db, {
    today: E2E_TODAY,
    now: new Date(`${E2E_TODAY}T06:00:00Z`),
    mailer: null,
    from: "Partner Membership Center <no-reply@localhost>",
    appUrl: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`,
    secret: E2E_AUTH_SECRET,
  });
}
