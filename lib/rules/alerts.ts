// SPEC §8 alerts — one list of what needs attention, each with the page that resolves it:
// Training Services criteria at risk of roll-off (the forecast), certifications expiring within
// 90 days that would cost Solutions Partner points, renewal windows opening and closing, and
// orders awaiting payment. Pure: inputs are the program views and the offers state; no I/O.
import { type AreaSlug, areaLabel } from "@/lib/rules/areas";
import { formatScore } from "@/lib/rules/number-format";
import { isHeld, renewalWindow } from "@/lib/rules/offers";
import { OFFERS, type OfferId } from "@/lib/rules/offers-catalog";
import type { ExpiryImpact } from "@/lib/rules/solutions-partner";
import { daysBetween, type IsoDate } from "@/lib/rules/time";
import {
  type CriterionRef,
  formatAverage,
  formatPoints,
  type TsEvaluation,
  type TsForecast,
} from "@/lib/rules/training-services";
import { detailsHref } from "@/lib/rules/training-services/criteria";
import { criterionLabel } from "@/lib/rules/training-services/trend";

export type AlertSeverity = "critical" | "warning" | "info";
export type Alert = { id: string; severity: AlertSeverity; title: string; detail: string; href: string };

export type OffersAlertState = {
  designations: { offer: OfferId; status: string; anniversary: IsoDate }[];
  awaitingOrders: { number: string; offer: OfferId; expiresOn: IsoDate | null }[];
};

export type AlertInputs = {
  today: IsoDate;
  trainingServices?: { forecast: TsForecast } | null;
  solutionsPartner?: { impact: ExpiryImpact } | null;
  offers?: OffersAlertState | null;
};

/** An upcoming date this close (in days) makes an alert critical. */
export const URGENT_DAYS = 7;

const SEVERITY_ORDER: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };
const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

function tsHref(ref: CriterionRef): string {
  if (ref.area === null)
    return detailsHref(
      ref.criterion === "courseware"
        ? "courseware"
        : ref.criterion === "examVouchers"
          ? "exam-vouchers"
          : "average-score",
    );
  return detailsHref(ref.criterion === "surveyCompletions" ? "survey-completions" : "average-score", ref.area);
}

function scoreText(e: TsEvaluation, ref: CriterionRef): string {
  if (ref.criterion === "averageScore") {
    const c = ref.area === null ? e.base.averageScore : e.areas[ref.area].averageScore;
    return `the average would be ${formatAverage(c.value)} (needs ${c.threshold.toFixed(2)})`;
  }
  const c =
    ref.area === null
      ? ref.criterion === "courseware"
        ? e.base.courseware
        : e.base.examVouchers
      : e.areas[ref.area].surveyCompletions;
  return `it would have ${formatPoints(c.points)} of ${formatPoints(c.threshold)} points`;
}

function trainingServicesAlerts(f: TsForecast): Alert[] {
  const out: Alert[] = [];
  const lost = f.current.evaluation.qualified ? f.months.find((m) => !m.qualified) : undefined;
  if (lost) {
    out.push({
      id: "ts-qualification-roll-off",
      severity: "critical",
      title: "Training Services qualification at risk of roll-off",
      detail: `With no new data, the organization would no longer qualify once data through ${lost.dataThrough} is in (the window would start ${lost.window.start}).`,
      href: "/membership/training-services#forecast",
    });
  }
  const seen = new Set<string>();
  for (const m of f.months) {
    for (const ref of m.failing) {
      const id = `ts-roll-off-${ref.area ?? "base"}-${ref.criterion}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({
        id,
        severity: "warning",
        title: `${criterionLabel(ref)} at risk of roll-off`,
        detail: `Met today; when ${m.leaving.month} leaves the window (data through ${m.dataThrough}) and no new data arrives, ${scoreText(m.evaluation, ref)}.`,
        href: tsHref(ref),
      });
    }
  }
  return out;
}

function expiringAlerts(impact: ExpiryImpact): Alert[] {
  const selected = impact.tracks.filter((t) => t.selected);
  return impact.metrics
    .filter((m) => selected.some((t) => t.area === m.area && t.track === m.track))
    .map((m) => {
      const t = selected.find((x) => x.area === m.area)!;
      const lostQualification = t.qualifiedNow && !t.qualifiedAfter;
      const certs = m.certifications
        .slice(0, 3)
        .map((c) => `${c.personName} (${c.code}, ${c.ends === "stops-counting" ? "counts until " : ""}${c.expiresOn})`)
        .join(", ");
      const more = m.certifications.length > 3 ? ` and ${m.certifications.length - 3} more` : "";
      return {
        id: `sp-expiring-${m.area}-${m.metric}`,
        severity: lostQualification ? "critical" : "warning",
        title: `${areaLabel(m.area as AreaSlug)}: expiring certifications would cost ${m.pointsAtRiskText} points`,
        detail: `${certs}${more} ${m.certifications.length === 1 ? "expires" : "expire"} by ${impact.horizon}. The total would fall from ${formatScore(t.totalNow)} to ${formatScore(t.totalAfter)}${lostQualification ? " and the area would no longer qualify" : ""}.`,
        href: `/membership/solutions-partner/${m.area}`,
      } satisfies Alert;
    });
}

function offersAlerts(today: IsoDate, s: OffersAlertState): Alert[] {
  const out: Alert[] = [];
  for (const d of s.designations) {
    if (!isHeld(today, d)) continue;
    const w = renewalWindow(d.anniversary);
    const title = OFFERS[d.offer].title;
    if (today < w.opens) {
      const until = daysBetween(today, w.opens);
      if (until <= 30)
        out.push({
          id: `renewal-opens-${d.offer}`,
          severity: "info",
          title: `${title}: renewal window opens in ${days(until)}`,
          detail: `You can renew from ${w.opens} until the anniversary on ${w.closes}.`,
          href: "/membership/offers",
        });
      continue;
    }
    const left = daysBetween(today, w.closes);
    out.push({
      id: `renewal-open-${d.offer}`,
      severity: left <= URGENT_DAYS ? "critical" : "warning",
      title:
        left === 0 ? `${title}: renewal window closes today` : `${title}: renewal window open, closes in ${days(left)}`,
      detail: `Renew by ${w.closes} (the anniversary); after that the designation and its badges lapse.`,
      href: "/membership/offers",
    });
  }
  for (const o of s.awaitingOrders) {
    if (o.expiresOn !== null && o.expiresOn < today) continue; // already expired
    const left = o.expiresOn === null ? null : daysBetween(today, o.expiresOn);
    out.push({
      id: `order-awaiting-${o.number}`,
      severity: left !== null && left <= URGENT_DAYS ? "critical" : "warning",
      title: `Order ${o.number} awaiting payment`,
      detail: `${OFFERS[o.offer].title}: ${o.expiresOn ? `pay by ${o.expiresOn} (${left === 0 ? "today" : `in ${days(left!)}`}), quoting the bank reference, or the order expires.` : "pay it, quoting the bank reference."}`,
      href: `/membership/orders/${encodeURIComponent(o.number)}`,
    });
  }
  return out;
}

/** Every alert, the most severe first (stable within a severity). */
export function buildAlerts(input: AlertInputs): Alert[] {
  const all = [
    ...(input.offers ? offersAlerts(input.today, input.offers) : []),
    ...(input.trainingServices ? trainingServicesAlerts(input.trainingServices.forecast) : []),
    ...(input.solutionsPartner ? expiringAlerts(input.solutionsPartner.impact) : []),
  ];
  return all
    .map((a, i) => ({ a, i }))
    .sort((x, y) => SEVERITY_ORDER[x.a.severity] - SEVERITY_ORDER[y.a.severity] || x.i - y.i)
    .map((x) => x.a);
}
