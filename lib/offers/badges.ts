import type { Db } from "@/db/client";
import { AREA_SLUGS, isAreaSlug } from "@/lib/rules/areas";
import { isHeld } from "@/lib/rules/offers";
import { OFFERS, type OfferId } from "@/lib/rules/offers-catalog";
import { type BadgeId, badgeLabel } from "./badge-art";
import { tsQualified } from "./eligibility";
import { enrolledAreas, readSpEnrollment } from "./enrollment";
import { maintainOrg } from "./maintenance";
import { loadDesignation } from "./situation";

export type { BadgeId };
export type Badge = { offer: OfferId; id: BadgeId; label: string };
export type HeldProgram = { offer: OfferId; title: string; held: boolean; anniversary: string | null; badges: Badge[] };

function withCloudPartner(offer: OfferId, areas: string[]): Badge[] {
  const held = AREA_SLUGS.filter((a) => areas.includes(a));
  const ids: BadgeId[] = held.length === AREA_SLUGS.length ? [...held, "cloud-partner"] : held;
  return ids.map((id) => ({ offer, id, label: badgeLabel(id) }));
}

/**
 * SPEC §5 Logo builder: Solutions Partner — one badge per enrolled area; Training Services —
 * one per completed area while the designation is held; all six → "Cloud Partner". Lapsed: none.
 */
export async function loadHeldPrograms(db: Db, orgId: string, today: string): Promise<HeldProgram[]> {
  await maintainOrg(db, orgId, today);
  const [sp, ts] = await Promise.all([
    loadDesignation(db, orgId, "solutions-partner"),
    loadDesignation(db, orgId, "training-services"),
  ]);
  const out: HeldProgram[] = [];
  const spHeld = isHeld(today, sp);
  const spAreas = spHeld ? enrolledAreas(await readSpEnrollment(db, orgId, today)) : [];
  out.push({
    offer: "solutions-partner",
    title: OFFERS["solutions-partner"].title,
    held: spHeld,
    anniversary: sp?.anniversary ?? null,
    badges: withCloudPartner("solutions-partner", spAreas),
  });
  const tsHeld = isHeld(today, ts);
  const tsAreas = tsHeld ? (await tsQualified(db, orgId, today)).badges.filter(isAreaSlug) : [];
  out.push({
    offer: "training-services",
    title: OFFERS["training-services"].title,
    held: tsHeld,
    anniversary: ts?.anniversary ?? null,
    badges: withCloudPartner("training-services", tsAreas),
  });
  return out;
}

export async function findHeldBadge(
  db: Db,
  orgId: string,
  today: string,
  offer: string,
  id: string,
): Promise<Badge | null> {
  const programs = await loadHeldPrograms(db, orgId, today);
  return programs.find((p) => p.offer === offer)?.badges.find((b) => b.id === id) ?? null;
}
