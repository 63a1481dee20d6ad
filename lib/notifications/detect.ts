// SPEC §12: finds one organization's events for a day and writes each once. The facts come from
// the alerts loader (db/queries/alerts.ts) and the texts from lib/rules/alerts.ts and
// lib/rules/notifications.ts, so mail and the Alerts page never disagree. Writing happens in one
// transaction per organization: the event rows (unique key), the state of conditions whose change
// is the event, and each new event's place in its recipients' digests.
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loadAlertData } from "@/db/queries/alerts";
import { loadSolutionsPartner } from "@/db/queries/solutions-partner";
import { notificationEvents, notificationState, orders } from "@/db/schema";
import { inTransaction, type Tx } from "@/db/transaction";
import { buildAlerts } from "@/lib/rules/alerts";
import { AREA_SLUGS, areaLabel } from "@/lib/rules/areas";
import {
  certificationEvents,
  KIND_CATEGORY,
  type NotificationEvent,
  type OrderFact,
  orderEvents,
  renewalEvents,
  STALE_DAYS,
} from "@/lib/rules/notifications";
import type { OfferId } from "@/lib/rules/offers-catalog";
import { addDays, type IsoDate } from "@/lib/rules/time";
import { fanOut } from "./digests";

type Qualification = { key: string; label: string; qualified: boolean; version: string; href: string };

type Found = { events: NotificationEvent[]; rollOff: NotificationEvent[]; qualifications: Qualification[] };

async function wireOrders(db: Db, orgId: string, today: IsoDate): Promise<OrderFact[]> {
  const rows = await db
    .select({
      number: orders.number,
      offer: orders.offer,
      status: orders.status,
      expiresOn: sql<string | null>`${orders.expiresOn}::text`,
    })
    .from(orders)
    .where(
      and(
        eq(orders.orgId, orgId),
        inArray(orders.status, ["awaiting_payment", "expired"]),
        gte(orders.expiresOn, addDays(today, -STALE_DAYS - 1)),
      ),
    );
  return rows.map((r) => ({ ...r, offer: r.offer as OfferId }));
}

/** Everything one organization's data says today (reads only). */
export async function findEvents(db: Db, orgId: string, today: IsoDate): Promise<Found> {
  const [{ inputs, versions }, wire] = await Promise.all([
    loadAlertData(db, orgId, today),
    wireOrders(db, orgId, today),
  ]);
  const events = [
    ...renewalEvents(today, inputs.offers?.designations ?? []),
    ...orderEvents(today, wire),
    ...(inputs.solutionsPartner ? certificationEvents(today, inputs.solutionsPartner.impact) : []),
  ];
  // Roll-off risks: the Alerts page's Training Services alerts, each id a subject.
  const rollOff: NotificationEvent[] = inputs.trainingServices
    ? buildAlerts({ today, trainingServices: inputs.trainingServices }).map((a) => ({
        kind: "roll_off_risk",
        subject: a.id,
        date: today,
        title: a.title,
        detail: a.detail,
        href: a.href,
        deadline: null,
      }))
    : [];
  const qualifications: Qualification[] = [];
  if (inputs.trainingServices && versions.trainingServices)
    qualifications.push({
      key: "training-services",
      label: "Solutions Partner for Training Services",
      qualified: inputs.trainingServices.forecast.current.evaluation.qualified,
      version: versions.trainingServices,
      href: "/membership/training-services",
    });
  if (versions.solutionsPartner) {
    const view = await loadSolutionsPartner(db, orgId, today);
    for (const area of AREA_SLUGS)
      qualifications.push({
        key: `solutions-partner:${area}`,
        label: `Solutions Partner for ${areaLabel(area)}`,
        qualified: view.evaluation.areas[area].qualified,
        version: versions.solutionsPartner,
        href: `/membership/solutions-partner/${area}`,
      });
  }
  return { events, rollOff, qualifications };
}

async function insertEvent(tx: Tx, orgId: string, today: IsoDate, e: NotificationEvent): Promise<number | null> {
  const [row] = await tx
    .insert(notificationEvents)
    .values({
      orgId,
      kind: e.kind,
      category: KIND_CATEGORY[e.kind],
      subject: e.subject,
      eventDate: e.date,
      payload: { title: e.title, detail: e.detail, href: e.href, deadline: e.deadline },
      detectedOn: today,
    })
    .onConflictDoNothing()
    .returning({ id: notificationEvents.id });
  return row?.id ?? null;
}

/** A risk is news on the day it appears; it is forgotten when it goes, so a return is news again. */
async function newRisks(tx: Tx, orgId: string, today: IsoDate, current: NotificationEvent[]) {
  const keys = current.map((e) => `rolloff:${e.subject}`);
  await tx.delete(notificationState).where(
    and(
      eq(notificationState.orgId, orgId),
      sql`${notificationState.key} like 'rolloff:%'`,
      keys.length
        ? sql`${notificationState.key} not in (${sql.join(
            keys.map((k) => sql`${k}`),
            sql`, `,
          )})`
        : sql`true`,
    ),
  );
  const fresh: NotificationEvent[] = [];
  for (const e of current) {
    const inserted = await tx
      .insert(notificationState)
      .values({ orgId, key: `rolloff:${e.subject}`, value: "present", since: today })
      .onConflictDoNothing()
      .returning({ key: notificationState.key });
    if (inserted.length) fresh.push(e);
  }
  return fresh;
}

/** Qualification gained or lost: a changed status that came with new data (a new import version). */
async function qualificationChanges(tx: Tx, orgId: string, today: IsoDate, current: Qualification[]) {
  const out: NotificationEvent[] = [];
  for (const q of current) {
    const key = `qualification:${q.key}`;
    const value = q.qualified ? "qualified" : "not_qualified";
    const baseline = await tx
      .insert(notificationState)
      .values({ orgId, key, value, version: q.version, since: today })
      .onConflictDoNothing()
      .returning({ key: notificationState.key });
    if (baseline.length) continue; // first sight: nothing changed yet
    const [prev] = await tx
      .select({ value: notificationState.value, version: notificationState.version })
      .from(notificationState)
      .where(and(eq(notificationState.orgId, orgId), eq(notificationState.key, key)))
      .for("update");
    if (!prev || (prev.value === value && prev.version === q.version)) continue;
    await tx
      .update(notificationState)
      .set({ value, version: q.version, since: today, updatedAt: sql`now()` })
      .where(and(eq(notificationState.orgId, orgId), eq(notificationState.key, key)));
    if (prev.value === value || prev.version === q.version) continue;
    out.push({
      kind: q.qualified ? "qualification_gained" : "qualification_lost",
      subject: q.key,
      date: today,
      deadline: null,
      title: q.qualified
        ? `${q.label}: the organization now qualifies`
        : `${q.label}: the organization no longer qualifies`,
      detail: q.qualified
        ? "The latest import meets every criterion. Account and global admins can buy or renew the designation on the Offers page."
        : "After the latest import a criterion is no longer met. The details page shows what is missing and the smallest additions that would meet it.",
      href: q.href,
    });
  }
  return out;
}

/** Writes today's new events of one organization and places each in its recipients' digests. */
export async function recordOrgEvents(db: Db, orgId: string, today: IsoDate): Promise<number> {
  const found = await findEvents(db, orgId, today);
  return inTransaction(db, async (tx) => {
    const events = [
      ...found.events,
      ...(await newRisks(tx, orgId, today, found.rollOff)),
      ...(await qualificationChanges(tx, orgId, today, found.qualifications)),
    ];
    let created = 0;
    for (const e of events) {
      const id = await insertEvent(tx, orgId, today, e);
      if (id === null) continue; // already recorded by an earlier run or another worker
      created++;
      await fanOut(tx, { id, orgId, category: KIND_CATEGORY[e.kind] }, today);
    }
    return created;
  });
}
