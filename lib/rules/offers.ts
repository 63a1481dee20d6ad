// SPEC §5 / §4.5 — pure rules of the membership offers: terms, the renewal window, lapse and
// fresh purchase, eligibility windows, payment methods and prices by country. No clock reads:
// "today" is always a parameter (ISO dates compare chronologically as strings).
import {
  CURRENCY_BY_COUNTRY,
  DEFAULT_CURRENCY,
  DEFAULT_PAYMENT_METHODS,
  ELIGIBILITY_MONTHS,
  OFFERS,
  type OfferId,
  ORDER_PAYMENT_DAYS,
  PAYMENT_METHODS_BY_COUNTRY,
  type PaymentMethod,
  RENEWAL_WINDOW_DAYS,
} from "./offers-catalog";
import { addDays, addYears, endOfMonth, type IsoDate, monthOf, shiftMonth, startOfMonth } from "./time";

export type DesignationState = { status: "active" | "lapsed" | string; anniversary: IsoDate } | null;
export type OfferStatus = "not_qualified" | "ready_to_buy" | "awaiting_payment" | "active" | "renewal_due" | "lapsed";
export type OfferAction = "buy" | "renew" | "pay"; // pay: an order awaits payment (pay, upload proof or cancel)

/** SPEC §5: from 30 days before the anniversary up to and including the anniversary. */
export function renewalWindow(anniversary: IsoDate): { opens: IsoDate; closes: IsoDate } {
  return { opens: addDays(anniversary, -RENEWAL_WINDOW_DAYS), closes: anniversary };
}

export function isRenewalWindowOpen(today: IsoDate, anniversary: IsoDate): boolean {
  const w = renewalWindow(anniversary);
  return today >= w.opens && today <= w.closes;
}

/** Held through the anniversary day itself; the day after, an unrenewed designation has lapsed. */
export function isHeld(today: IsoDate, d: DesignationState): boolean {
  return d !== null && d.status === "active" && today <= d.anniversary;
}

export function hasLapsed(today: IsoDate, d: DesignationState): boolean {
  return d !== null && !isHeld(today, d);
}

/** What the card offers: renew while held, pay while an order is open, else a fresh purchase. */
export function offerAction(today: IsoDate, d: DesignationState, hasOpenOrder: boolean): OfferAction {
  if (hasOpenOrder) return "pay";
  return isHeld(today, d) ? "renew" : "buy";
}

export function offerStatus(
  today: IsoDate,
  d: DesignationState,
  hasOpenOrder: boolean,
  qualified: boolean,
): OfferStatus {
  if (hasOpenOrder) return "awaiting_payment";
  if (isHeld(today, d)) return isRenewalWindowOpen(today, d!.anniversary) ? "renewal_due" : "active";
  if (d !== null) return "lapsed";
  return qualified ? "ready_to_buy" : "not_qualified";
}

/** The term an order pays for: a purchase starts today, a renewal at the previous anniversary. */
export function termFor(
  kind: "purchase" | "renewal",
  today: IsoDate,
  anniversary: IsoDate | null,
): { start: IsoDate; end: IsoDate } {
  if (kind === "renewal") {
    if (!anniversary) throw new RangeError("a renewal needs the previous anniversary");
    return { start: anniversary, end: addYears(anniversary, 1) };
  }
  return { start: today, end: addYears(today, 1) };
}

/** SPEC §4.5: the current month and the previous five full calendar months, up to today. */
export function purchaseEligibilityWindow(today: IsoDate): { start: IsoDate; end: IsoDate } {
  return { start: startOfMonth(shiftMonth(monthOf(today), 1 - ELIGIBILITY_MONTHS)), end: today };
}

/** SPEC §4.5 renewal: the anniversary month and the five before it (days after today are not known yet). */
export function renewalEligibilityWindow(anniversary: IsoDate, today: IsoDate): { start: IsoDate; end: IsoDate } {
  const month = monthOf(anniversary);
  const end = endOfMonth(month);
  return { start: startOfMonth(shiftMonth(month, 1 - ELIGIBILITY_MONTHS)), end: end < today ? end : today };
}

export function paymentMethodsFor(country: string): readonly PaymentMethod[] {
  return PAYMENT_METHODS_BY_COUNTRY[country.toUpperCase()] ?? DEFAULT_PAYMENT_METHODS;
}

/** The yearly price for a country: its currency when priced, else the default currency. */
export function priceFor(offer: OfferId, country: string): { amountMinor: number; currency: string } {
  const prices = OFFERS[offer].prices;
  const currency = CURRENCY_BY_COUNTRY[country.toUpperCase()] ?? DEFAULT_CURRENCY;
  const chosen = prices[currency] !== undefined ? currency : DEFAULT_CURRENCY;
  return { amountMinor: prices[chosen]!, currency: chosen };
}

const MONEY_FORMATS = new Map<string, Intl.NumberFormat>(); // one per currency: building one costs ~0.1 ms

export function formatMoney(amountMinor: number, currency: string): string {
  let fmt = MONEY_FORMATS.get(currency);
  if (!fmt)
    MONEY_FORMATS.set(
      currency,
      (fmt = new Intl.NumberFormat("en-US", { style: "currency", currency, currencyDisplay: "code" })),
    );
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(amountMinor / 10 ** digits).replace(/\u00a0/g, " ");
}

/** The last day a wire transfer is accepted; the day after, the order has expired. */
export function orderPayBy(placedOn: IsoDate): IsoDate {
  return addDays(placedOn, ORDER_PAYMENT_DAYS);
}

export function isOrderExpired(today: IsoDate, payBy: IsoDate | null): boolean {
  return payBy !== null && today > payBy;
}

/** ISO 11649 structured creditor reference ("RF" + check digits + reference) to quote on a wire. */
export function creditorReference(reference: string): string {
  const ref = reference.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (!ref || ref.length > 21) throw new RangeError(`Invalid reference "${reference}"`);
  const numeric = `${ref}RF00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let mod = 0;
  for (const ch of numeric) mod = (mod * 10 + Number(ch)) % 97;
  return `RF${String(98 - mod).padStart(2, "0")}${ref}`;
}

export function isValidCreditorReference(value: string): boolean {
  const v = value.toUpperCase().replace(/\s/g, "");
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(v)) return false;
  const numeric = (v.slice(4) + v.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let mod = 0;
  for (const ch of numeric) mod = (mod * 10 + Number(ch)) % 97;
  return mod === 1;
}

/**
 * A payment instrument is stored as a masked description only ("Visa ending 4242"): any run of
 * nine or more digits — spaces, dots or dashes between digits ignored — looks like a full card
 * or account number and is refused.
 */
export function looksLikeCardNumber(text: string): boolean {
  return /\d{9,}/.test(text.replace(/(?<=\d)[\s.-]+(?=\d)/g, ""));
}
