import { and, eq, sql } from "drizzle-orm";
import { designations, type Order, spEnrollments } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { DomainError } from "@/lib/errors";
import type { AreaSlug } from "@/lib/rules/areas";
import { purchaseEligibilityWindow, renewalEligibilityWindow } from "@/lib/rules/offers";
import { spEligibleAreas } from "./eligibility";

/**
 * An order becomes Active (billing profile at once, wire transfer on confirmation): the
 * designation is held until the order's term end. A purchase (re)starts it; a renewal moves the
 * anniversary from the previous one — exactly once, because the update requires it unchanged.
 * Solutions Partner: the areas eligible for the term are enrolled (SPEC §4.5).
 */
export async function activateOrder(tx: Tx, order: Order, today: string): Promise<{ enrolled: AreaSlug[] }> {
  if (order.kind === "renewal") {
    const moved = await tx
      .update(designations)
      .set({ status: "active", anniversary: order.termEnd, updatedAt: new Date() })
      .where(
        and(
          eq(designations.orgId, order.orgId),
          eq(designations.offer, order.offer),
          eq(designations.anniversary, order.termStart),
        ),
      )
      .returning({ anniversary: designations.anniversary });
    if (moved.length !== 1)
      throw new DomainError(
        `Order ${order.number} renews the anniversary ${order.termStart}, which is no longer the designation's.`,
      );
  } else {
    await tx
      .insert(designations)
      .values({
        orgId: order.orgId,
        offer: order.offer,
        status: "active",
        anniversary: order.termEnd,
        heldSince: order.termStart,
      })
      .onConflictDoUpdate({
        target: [designations.orgId, designations.offer],
        set: { status: "active", anniversary: order.termEnd, heldSince: order.termStart, updatedAt: sql`now()` },
      });
  }
  if (order.offer !== "solutions-partner") return { enrolled: [] };
  const window =
    order.kind === "renewal"
      ? renewalEligibilityWindow(order.termStart, today)
      : { start: purchaseEligibilityWindow(order.placedOn).start, end: today };
  const areas = await spEligibleAreas(tx, order.orgId, window);
  if (areas.length) {
    await tx
      .insert(spEnrollments)
      .values(areas.map((area) => ({ orderId: order.id, orgId: order.orgId, solutionArea: area, enrolledOn: today })))
      .onConflictDoNothing();
  }
  return { enrolled: areas };
}
