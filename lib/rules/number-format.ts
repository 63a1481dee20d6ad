import { formatOneDecimal as exactOneDecimal, type Fraction, fromDecimal } from "./fraction";

// Number formatting for display, en-US. The formatters are built once per process: a
// `toLocaleString(locale, options)` call builds a new Intl.NumberFormat every time, which
// measured 8% of the dashboard's server CPU in a profile.
const INTEGER = new Intl.NumberFormat("en-US");
const ONE_DECIMAL = new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** The default en-US format (up to three decimals): 1234 → "1,234". */
export function formatCount(n: number): string {
  return INTEGER.format(n);
}

/** At most one decimal, thousands separators: 1000 → "1,000", 999.5 → "999.5". */
export function formatOneDecimal(n: number): string {
  return ONE_DECIMAL.format(n);
}

/**
 * SPEC §4.1 "compute exactly; show one decimal" — the one display rounding of scores (points,
 * totals, points at risk, history, trend) on every surface: the exact value rounded half up to
 * one decimal, always with that decimal: exactly 70.05 → "70.1", 69.95 → "70.0", 1401/20 → "70.1".
 * A number (JSON, a computed total) or a decimal string (a numeric column) is read exactly through
 * its shortest decimal form, never with float arithmetic: 70.05 is "70.05", not 70.0499999…, so it
 * rounds the same as the Fraction it came from. Scores are never negative; a negative value rounds
 * half away from zero (its magnitude half up).
 */
export function formatScore(value: Fraction | number | string): string {
  return exactOneDecimal(typeof value === "object" ? value : fromDecimal(value));
}
