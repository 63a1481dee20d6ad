// SPEC §2 / §4.1 — exact rational arithmetic for points ("compute exactly; show one decimal").
// A Fraction is an immutable, normalized bigint ratio: d > 0 and gcd(|n|, d) = 1, so structural
// equality is numeric equality. 40/6 × 3 is exactly 20; a total of exactly 70 compares equal to 70.

export type Fraction = { readonly n: bigint; readonly d: bigint };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function toBig(v: number | bigint, what: string): bigint {
  if (typeof v === "bigint") return v;
  if (!Number.isSafeInteger(v)) throw new RangeError(`${what} must be a safe integer, got ${v}`);
  return BigInt(v);
}

/** n / d, normalized. Throws on a zero denominator. */
export function frac(n: number | bigint, d: number | bigint = 1n): Fraction {
  let nn = toBig(n, "numerator");
  let dd = toBig(d, "denominator");
  if (dd === 0n) throw new RangeError("denominator must not be 0");
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd);
  return g > 1n ? { n: nn / g, d: dd / g } : { n: nn, d: dd };
}

export const ZERO: Fraction = frac(0);
export const ONE: Fraction = frac(1);

export function fromInt(n: number | bigint): Fraction {
  return frac(n, 1n);
}

/**
 * Exact value of a decimal written as a JS number or a decimal string ("1234.56", "-1e3").
 * A number is read through its shortest round-trip decimal form, so 0.1 becomes exactly 1/10.
 */
export function fromDecimal(value: number | string): Fraction {
  const text = typeof value === "number" ? String(value) : value.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new RangeError(`not a decimal number: ${text}`);
  const [, sign, int, fracPart = "", exp = "0"] = m;
  let n = BigInt((int || "0") + fracPart);
  const scale = BigInt(fracPart.length) - BigInt(exp);
  if (sign === "-") n = -n;
  let d = 1n;
  if (scale > 0n) d = 10n ** scale;
  else if (scale < 0n) n *= 10n ** -scale;
  return frac(n, d);
}

export function add(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.n, a.d * b.d);
}

/** a / b. Throws when b is zero. */
export function div(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new RangeError("division by zero");
  return frac(a.n * b.d, a.d * b.n);
}

export function sum(values: readonly Fraction[]): Fraction {
  return values.reduce(add, ZERO);
}

/** -1, 0 or 1. */
export function compare(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const eq = (a: Fraction, b: Fraction) => compare(a, b) === 0;
export const lt = (a: Fraction, b: Fraction) => compare(a, b) < 0;
export const gte = (a: Fraction, b: Fraction) => compare(a, b) >= 0;
export const gt = (a: Fraction, b: Fraction) => compare(a, b) > 0;

export function min(a: Fraction, b: Fraction): Fraction {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Fraction, b: Fraction): Fraction {
  return compare(a, b) >= 0 ? a : b;
}

export function isZero(a: Fraction): boolean {
  return a.n === 0n;
}

/** Largest integer ≤ a. */
export function floor(a: Fraction): bigint {
  const q = a.n / a.d; // truncates toward zero
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** Smallest integer ≥ a. */
export function ceil(a: Fraction): bigint {
  return -floor(frac(-a.n, a.d));
}

/** Nearest JS number (exact for integers and for halves). */
export function toNumber(a: Fraction): number {
  if (a.d === 1n) return Number(a.n);
  return Number(a.n) / Number(a.d);
}

/**
 * One decimal, rounded half away from zero (half up for the non-negative scores): 40/6 → "6.7",
 * 1/20 → "0.1", 70 → "70.0". The kernel of number-format.ts's formatScore, the display rounding
 * of every score.
 */
export function formatOneDecimal(a: Fraction): string {
  const neg = a.n < 0n;
  const absN = neg ? -a.n : a.n;
  const tenths = (absN * 20n + a.d) / (2n * a.d); // round(|a| × 10), halves up
  const text = `${tenths / 10n}.${tenths % 10n}`;
  return neg && tenths !== 0n ? `-${text}` : text;
}

/**
 * The exact decimal text of `a` when its expansion ends within `places` decimals (every total of
 * halves, tenths, twentieths… does), else rounded half away from zero at `places`: for a numeric
 * column, without passing through a float. 1401/20 → "70.05", 2/3 → "0.666666666667" (12 places).
 */
export function toDecimalString(a: Fraction, places = 12): string {
  const neg = a.n < 0n;
  const absN = neg ? -a.n : a.n;
  const scale = 10n ** BigInt(places);
  const scaled = (absN * scale * 2n + a.d) / (2n * a.d); // round(|a| × 10^places), halves up
  const int = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, "0").replace(/0+$/, "");
  const text = fraction ? `${int}.${fraction}` : `${int}`;
  return neg && scaled !== 0n ? `-${text}` : text;
}

/** "n/d" (or "n" when whole) — handy in test messages and logs. */
export function toFractionString(a: Fraction): string {
  return a.d === 1n ? `${a.n}` : `${a.n}/${a.d}`;
}
