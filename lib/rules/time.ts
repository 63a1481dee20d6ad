// SPEC §2 — time: calendar dates in UTC, the 12-month window, refresh due dates.
// Dates are ISO strings 'YYYY-MM-DD', months 'YYYY-MM'. Pure: no clock reads — "today" is
// always a parameter. Invalid input throws a RangeError naming the bad value.

export type IsoDate = string; // 'YYYY-MM-DD'
export type IsoMonth = string; // 'YYYY-MM'

export type Window = {
  start: IsoDate; // first day of the oldest month (included)
  end: IsoDate; // last day of the last completed month (included)
  months: IsoMonth[]; // the 12 months, oldest first
  lastMonth: IsoMonth; // SPEC §2 "last month"
  yearEarlierMonth: IsoMonth; // SPEC §2 "a year earlier": lastMonth minus 12 months
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DAY_MS = 86_400_000;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days of month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2026-02-30, 2025-02-29). */
export function isValidIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** True for 'YYYY-MM' with a month 01–12. */
export function isValidIsoMonth(value: string): boolean {
  const m = MONTH_RE.exec(value);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function parseDate(date: IsoDate): [number, number, number] {
  if (!isValidIsoDate(date)) throw new RangeError(`Invalid date "${date}" (expected YYYY-MM-DD)`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function parseMonth(month: IsoMonth): [number, number] {
  if (!isValidIsoMonth(month)) throw new RangeError(`Invalid month "${month}" (expected YYYY-MM)`);
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const fmtDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
const fmtMonth = (y: number, m: number) => `${pad(y, 4)}-${pad(m, 2)}`;

function toEpochDays(date: IsoDate): number {
  const [y, m, d] = parseDate(date);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // setUTCFullYear: no 19xx mapping for years < 100
  return Math.round(t.getTime() / DAY_MS);
}

function fromEpochDays(days: number): IsoDate {
  const t = new Date(days * DAY_MS);
  return fmtDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, "days");
  return fromEpochDays(toEpochDays(date) + n);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDays(to) - toEpochDays(from);
}

/** `month` plus `n` months, 'YYYY-MM'. */
export function shiftMonth(month: IsoMonth, n: number): IsoMonth {
  assertInteger(n, "months");
  const [y, m] = parseMonth(month);
  const idx = y * 12 + (m - 1) + n;
  return fmtMonth(Math.floor(idx / 12), (((idx % 12) + 12) % 12) + 1);
}

/** `date` plus `n` months; the day is clamped to the target month (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [, , d] = parseDate(date);
  const target = shiftMonth(date.slice(0, 7), n);
  const [ty, tm] = parseMonth(target);
  return fmtDate(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** `date` plus `n` years; Feb 29 becomes Feb 28 in a non-leap year (SPEC §2 anniversaries). */
export function addYears(date: IsoDate, n: number): IsoDate {
  assertInteger(n, "years");
  return addMonths(date, n * 12);
}

/** The month 'YYYY-MM' of a date. */
export function monthOf(date: IsoDate): IsoMonth {
  parseDate(date);
  return date.slice(0, 7);
}

/** First day of a month. */
export function startOfMonth(month: IsoMonth): IsoDate {
  const [y, m] = parseMonth(month);
  return fmtDate(y, m, 1);
}

/** Last day of a month. */
export function endOfMonth(month: IsoMonth): IsoDate {
  const [y, m] = parseMonth(month);
  return fmtDate(y, m, daysInMonth(y, m));
}

/** True when `date` is the last day of its month. */
export function isEndOfMonth(date: IsoDate): boolean {
  return endOfMonth(monthOf(date)) === date;
}

/**
 * SPEC §2 window: the 12 completed calendar months ending with the last completed month that
 * `dataThrough` covers — its own month when it is that month's last day, else the month before.
 */
export function windowFor(dataThrough: IsoDate): Window {
  const own = monthOf(dataThrough);
  const lastMonth = isEndOfMonth(dataThrough) ? own : shiftMonth(own, -1);
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(lastMonth, i - 11));
  return {
    start: startOfMonth(months[0]),
    end: endOfMonth(lastMonth),
    months,
    lastMonth,
    yearEarlierMonth: shiftMonth(lastMonth, -12),
  };
}

/** SPEC §2: both ends of the window are included; anything outside does not count. */
export function inWindow(date: IsoDate, window: Pick<Window, "start" | "end">): boolean {
  parseDate(date);
  return date >= window.start && date <= window.end; // ISO strings compare chronologically
}

/**
 * SPEC §2: the monthly refresh is due by the 20th — "the 20th of next month, or of this month if
 * today is before the 20th and this month's has not landed".
 * Interpretation: `latestRefreshOn` is the date the latest refresh landed (was imported); this
 * month's monthly refresh counts as landed when that date is on or after the 1st of today's
 * month. `null` means no refresh has landed yet.
 */
export function nextRefreshDue(today: IsoDate, latestRefreshOn: IsoDate | null): IsoDate {
  const [y, m, d] = parseDate(today);
  if (latestRefreshOn !== null) parseDate(latestRefreshOn);
  const thisMonth = fmtMonth(y, m);
  const landed = latestRefreshOn !== null && latestRefreshOn >= startOfMonth(thisMonth);
  const month = d < 20 && !landed ? thisMonth : shiftMonth(thisMonth, 1);
  return `${month}-20`;
}

/** SPEC §6: an import's default data_through — the last day of the month before today's. */
export function defaultDataThrough(today: IsoDate): IsoDate {
  return endOfMonth(shiftMonth(monthOf(today), -1));
}
