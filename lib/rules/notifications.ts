// SPEC §12 — which alerts of §8 become mail, for whom, and when. Pure: "today" is a parameter.
// The alert texts themselves come from lib/rules/alerts.ts (one copy of the rules); this module only
// decides which of them are events, their unique key (kind, subject, date) and their deadline.
import { type AreaSlug, areaLabel } from "./areas";
import { isHeld, renewalWindow } from "./offers";
import { OFFERS, type OfferId } from "./offers-catalog";
import type { ExpiryImpact } from "./solutions-partner/expiring";
import { addDays, daysBetween, type IsoDate } from "./time";

export const CATEGORIES = ["renewals", "payments", "qualification", "roll_off", "certifications"] as const;
export type Category = (typeof CATEGORIES)[number];

type OrgRole = "member" | "partner_admin" | "account_admin" | "global_admin";

/** SPEC §12: offers and payments to account and global admins; the rest to partner and global admins. */
export const CATEGORY_ROLES: Record<Category, readonly OrgRole[]> = {
  renewals: ["account_admin", "global_admin"],
  payments: ["account_admin", "global_admin"],
  qualification: ["partner_admin", "global_admin"],
  roll_off: ["partner_admin", "global_admin"],
  certifications: ["partner_admin", "global_admin"],
};

export const CATEGORY_LABELS: Record<Category, { label: string; description: string }> = {
  renewals: {
    label: "Renewals and lapses",
    description: "The renewal window opens, 7 days before the anniversary, and a designation lapses.",
  },
  payments: {
    label: "Wire transfer orders",
    description: "An order awaiting payment expires within 7 days, or has expired.",
  },
  qualification: {
    label: "Qualification changes",
    description: "An import makes the organization gain or lose a designation's qualification.",
  },
  roll_off: {
    label: "Roll-off risks",
    description: "A criterion met today would no longer be met once old data leaves the window.",
  },
  certifications: {
    label: "Expiring certifications",
    description: "Certifications that count expire within 30 days, with the points at risk.",
  },
};

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function categoriesFor(role: OrgRole): Category[] {
  return CATEGORIES.filter((c) => CATEGORY_ROLES[c].includes(role));
}

export type EventKind =
  | "renewal_window_open"
  | "renewal_7_days"
  | "designation_lapsed"
  | "order_expiring"
  | "order_expired"
  | "roll_off_risk"
  | "certifications_expiring"
  | "qualification_gained"
  | "qualification_lost";

export const KIND_CATEGORY: Record<EventKind, Category> = {
  renewal_window_open: "renewals",
  renewal_7_days: "renewals",
  designation_lapsed: "renewals",
  order_expiring: "payments",
  order_expired: "payments",
  roll_off_risk: "roll_off",
  certifications_expiring: "certifications",
  qualification_gained: "qualification",
  qualification_lost: "qualification",
};

/** One event; (kind, organization, subject, date) is its identity. */
export type NotificationEvent = {
  kind: EventKind;
  subject: string;
  date: IsoDate;
  title: string;
  detail: string;
  href: string;
  deadline: IsoDate | null;
};

/** Days before the anniversary for the second reminder, and for an order's expiry warning. */
export const REMINDER_DAYS = 7;
/** Certifications expiring within this many days of today are mailed. */
export const CERTIFICATION_DAYS = 30;
/** A lapse or an expiry older than this is history, not news (a first run must not mail the past). */
export const STALE_DAYS = 30;

export type DesignationFact = { offer: OfferId; status: string; anniversary: IsoDate };
export type OrderFact = { number: string; offer: OfferId; status: string; expiresOn: IsoDate | null };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Renewal window open (more than 7 days left), 7 days before the anniversary, and a recent lapse. */
export function renewalEvents(today: IsoDate, designations: DesignationFact[]): NotificationEvent[] {
  const out: NotificationEvent[] = [];
  for (const d of designations) {
    const title = OFFERS[d.offer].title;
    const w = renewalWindow(d.anniversary);
    const base = { subject: d.offer, date: d.anniversary, href: "/membership/offers", deadline: d.anniversary };
    if (isHeld(today, d) && today >= w.opens) {
      const left = daysBetween(today, d.anniversary);
      if (left > REMINDER_DAYS)
        out.push({
          ...base,
          kind: "renewal_window_open",
          title: `${title}: the renewal window is open until ${d.anniversary}`,
          detail: `You can renew from ${w.opens} until the anniversary on ${d.anniversary} (${plural(left, "day")} left). After that the designation and its badges lapse.`,
        });
      else
        out.push({
          ...base,
          kind: "renewal_7_days",
          title: `${title}: ${left === 0 ? "renew today" : `${plural(left, "day")} left to renew`} (anniversary ${d.anniversary})`,
          detail: `Renew by ${d.anniversary}, the anniversary; the day after, the designation and its badges lapse and only a fresh purchase is possible.`,
        });
    }
    const since = daysBetween(d.anniversary, today);
    if (!isHeld(today, d) && since >= 1 && since <= STALE_DAYS)
      out.push({
        ...base,
        kind: "designation_lapsed",
        deadline: null,
        title: `${title}: the designation lapsed on ${addDays(d.anniversary, 1)}`,
        detail: `It was not renewed by its anniversary on ${d.anniversary}. Its badges are gone; a fresh purchase starts a new year.`,
      });
  }
  return out;
}

/** A wire order expiring within 7 days, and one that expired unpaid (SPEC §5: 30 days to pay). */
export function orderEvents(today: IsoDate, orders: OrderFact[]): NotificationEvent[] {
  const out: NotificationEvent[] = [];
  for (const o of orders) {
    if (o.expiresOn === null) continue;
    const title = OFFERS[o.offer].title;
    const base = {
      subject: o.number,
      date: o.expiresOn,
      href: `/membership/orders/${encodeURIComponent(o.number)}`,
    };
    const left = daysBetween(today, o.expiresOn);
    if (o.status === "awaiting_payment" && left >= 0 && left <= REMINDER_DAYS)
      out.push({
        ...base,
        kind: "order_expiring",
        deadline: o.expiresOn,
        title: `Order ${o.number} expires ${left === 0 ? "today" : `in ${plural(left, "day")}`} unless paid by ${o.expiresOn}`,
        detail: `${title}: pay by wire transfer quoting the bank reference shown on the order and upload the proof, or the order expires.`,
      });
    const expired = o.status === "expired" || (o.status === "awaiting_payment" && left < 0);
    if (expired && -left >= 1 && -left <= STALE_DAYS)
      out.push({
        ...base,
        kind: "order_expired",
        deadline: null,
        title: `Order ${o.number} expired unpaid on ${addDays(o.expiresOn, 1)}`,
        detail: `${title}: no payment was recorded by ${o.expiresOn}. Place a new order to buy or renew.`,
      });
  }
  return out;
}

/**
 * Certifications that count (the selected track's certification metrics, as on the Alerts page)
 * expiring within 30 days of today. One event per metric, dated by the latest such expiry: a
 * certification newly entering the 30 days makes a new event, one expiring does not. The points at
 * risk are those of the Alerts page (every certification expiring by the 90-day horizon).
 */
export function certificationEvents(today: IsoDate, impact: ExpiryImpact): NotificationEvent[] {
  const until = addDays(today, CERTIFICATION_DAYS);
  const out: NotificationEvent[] = [];
  for (const m of impact.metrics) {
    if (!impact.tracks.some((t) => t.selected && t.area === m.area && t.track === m.track)) continue;
    const soon = m.certifications.filter((c) => c.expiresOn >= today && c.expiresOn <= until);
    if (soon.length === 0) continue;
    const first = soon[0]!.expiresOn;
    const last = soon[soon.length - 1]!.expiresOn;
    const names = soon
      .slice(0, 5)
      .map((c) => `${c.personName} (${c.code}, expires ${c.expiresOn})`)
      .join(", ");
    const more = soon.length > 5 ? ` and ${soon.length - 5} more` : "";
    out.push({
      kind: "certifications_expiring",
      subject: `${m.area}:${m.metric}`,
      date: last,
      deadline: first,
      title: `${areaLabel(m.area as AreaSlug)}: ${plural(soon.length, "certification")} expiring by ${last}, ${m.pointsAtRiskText} points at risk`,
      detail: `${names}${more}. Certifications expiring by ${impact.horizon} would cost ${m.pointsAtRiskText} points on this metric unless renewed.`,
      href: `/membership/solutions-partner/${m.area}`,
    });
  }
  return out;
}

/** Backoff before the next delivery attempt: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(6 * 60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/** Attempts after which a digest is marked failed (still readable in the app). */
export const MAX_ATTEMPTS = 10;
