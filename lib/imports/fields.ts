// Field rules shared by the import kinds: each cell arrives as a string ("" when empty) and
// leaves normalized as a string (ready for COPY) or null. Messages name the value, never SQL.
import { z } from "zod";
import { isAreaSlug } from "@/lib/rules/areas";
import { isValidIsoDate, isValidIsoMonth } from "@/lib/rules/time";

export type Cell = string | null;

export class Problem {
  constructor(readonly message: string) {}
}

/** A value quoted for messages, cut short so one huge cell cannot flood the error list. */
export function show(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value);
}

/** Problems every cell can have, whatever its column (also used for survey extra answers). */
export function textProblem(raw: string): string | null {
  if (raw.includes("\uFFFD")) return "Contains bytes that are not UTF-8 text (save the file as “CSV UTF-8”)";
  if (raw.includes("\u0000")) return "Contains a NUL character";
  return null;
}

/** Wraps a parser of the trimmed cell into a zod schema that reports its Problem as an issue. */
export function field(parse: (value: string) => Cell | Problem) {
  return z.string().transform((raw, ctx): Cell => {
    const bad = textProblem(raw);
    const out = bad ? new Problem(bad) : parse(raw.trim());
    if (out instanceof Problem) {
      ctx.addIssue({ code: "custom", message: out.message });
      return z.NEVER;
    }
    return out;
  });
}

const missing = () => new Problem("Required, but empty");

function emptyOr(required: boolean, value: string, parse: (v: string) => Cell | Problem): Cell | Problem {
  if (value === "") return required ? missing() : null;
  return parse(value);
}

export function text(opts: { required?: boolean; max?: number; upper?: boolean; lower?: boolean } = {}) {
  const { required = true, max = 200, upper = false, lower = false } = opts;
  return field((v) => emptyOr(required, v, (x) => {
    if (x.length > max) return new Problem(`Longer than ${max} characters`);
    return upper ? x.toUpperCase() : lower ? x.toLowerCase() : x;
  }));
}

export function date(required = true) {
  return field((v) => emptyOr(required, v, (x) =>
    isValidIsoDate(x) ? x : new Problem(`${show(x)} is not a valid date (expected YYYY-MM-DD, a real calendar day)`)));
}

export function month() {
  return field((v) => emptyOr(true, v, (x) =>
    isValidIsoMonth(x) ? x : new Problem(`${show(x)} is not a valid month (expected YYYY-MM)`)));
}

export function oneOf(values: readonly string[]) {
  return field((v) => emptyOr(true, v, (x) => {
    const lower = x.toLowerCase();
    return values.includes(lower) ? lower : new Problem(`${show(x)} is not one of ${values.join(", ")}`);
  }));
}

export function area(required = true) {
  return field((v) => emptyOr(required, v, (x) => {
    const lower = x.toLowerCase();
    return isAreaSlug(lower) ? lower : new Problem(`${show(x)} is not a known solution area`);
  }));
}

/** q1…q5: 1 (low) to 5 (high), or empty = unanswered. */
export function answer() {
  return field((v) => emptyOr(false, v, (x) =>
    /^[1-5]$/.test(x) ? x : new Problem(`${show(x)} is not an answer from 1 to 5 (leave it empty when unanswered)`)));
}

export function integer(min: number, max: number, required = false) {
  return field((v) => emptyOr(required, v, (x) => {
    if (!/^\d{1,9}$/.test(x) || Number(x) < min || Number(x) > max) return new Problem(`${show(x)} is not a whole number from ${min} to ${max}`);
    return String(Number(x));
  }));
}

/** An exact decimal kept as a string (never a float): digits, an optional point and fraction. */
export function decimal() {
  return field((v) => emptyOr(true, v, (x) =>
    /^\d{1,18}(\.\d{1,8})?$/.test(x) ? x : new Problem(`${show(x)} is not a number such as 1234.5 (no sign, no thousands separators, at most 8 decimals)`)));
}

/** A code that must be in a known set; `canonical` maps the upper-cased code to the stored one. */
export function knownCode(canonical: (upper: string) => string | undefined, what: string) {
  return field((v) => emptyOr(true, v, (x) => canonical(x.toUpperCase()) ?? new Problem(`${show(x)} is not a known ${what}`)));
}

/** Row-level check: `later` must not be before `earlier` (both optional dates already valid). */
export function notBefore<T extends Record<string, Cell>>(earlier: keyof T & string, later: keyof T & string) {
  return (row: T, ctx: z.RefinementCtx) => {
    const a = row[earlier];
    const b = row[later];
    if (a && b && b < a) ctx.addIssue({ code: "custom", path: [later], message: `${b} is before ${earlier} ${a}` });
  };
}
