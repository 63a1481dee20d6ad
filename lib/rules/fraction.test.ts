import { describe, expect, it } from "vitest";
import * as F from "./fraction";

describe("fraction (SPEC §2 exact points)", () => {
  it("40/6 × 3 is exactly 20", () => {
    const r = F.mul(F.frac(40, 6), F.fromInt(3));
    expect(r).toEqual(F.fromInt(20));
    expect(F.toNumber(r)).toBe(20);
    expect(F.eq(r, F.fromInt(20))).toBe(true);
  });
  it("normalizes sign and gcd", () => {
    expect(F.frac(40, 6)).toEqual({ n: 20n, d: 3n });
    expect(F.frac(3, -6)).toEqual({ n: -1n, d: 2n });
    expect(F.frac(0, 7)).toEqual({ n: 0n, d: 1n });
  });
  it("a sum of 2,000 halves is exactly 1000; 0.5 × 3 is 1.5", () => {
    expect(F.sum(Array.from({ length: 2000 }, () => F.frac(1, 2)))).toEqual(F.fromInt(1000));
    expect(F.mul(F.frac(1, 2), F.fromInt(3))).toEqual(F.frac(3, 2));
  });
  it("a total of exactly 70 compares ≥ 70, one sixth less does not", () => {
    const seventy = F.sum([F.mul(F.frac(40, 6), F.fromInt(3)), F.fromInt(20), F.fromInt(20), F.fromInt(10)]);
    expect(F.gte(seventy, F.fromInt(70))).toBe(true);
    expect(F.compare(seventy, F.fromInt(70))).toBe(0);
    expect(F.gte(F.sub(seventy, F.frac(1, 6)), F.fromInt(70))).toBe(false);
  });
  it("add, sub, div, min, max, compare", () => {
    expect(F.add(F.frac(1, 3), F.frac(1, 6))).toEqual(F.frac(1, 2));
    expect(F.sub(F.frac(1, 3), F.frac(1, 2))).toEqual(F.frac(-1, 6));
    expect(F.div(F.frac(3, 4), F.frac(3, 8))).toEqual(F.fromInt(2));
    expect(F.min(F.frac(2, 3), F.frac(3, 5))).toEqual(F.frac(3, 5));
    expect(F.max(F.frac(2, 3), F.frac(3, 5))).toEqual(F.frac(2, 3));
    expect(F.compare(F.frac(-1, 2), F.frac(1, 3))).toBe(-1);
    expect(() => F.div(F.ONE, F.ZERO)).toThrow(RangeError);
    expect(() => F.frac(1, 0)).toThrow(RangeError);
  });
  it("fromDecimal reads numbers and strings exactly", () => {
    expect(F.fromDecimal(0.1)).toEqual(F.frac(1, 10));
    expect(F.add(F.fromDecimal(0.1), F.fromDecimal(0.2))).toEqual(F.frac(3, 10));
    expect(F.fromDecimal("1234.56")).toEqual(F.frac(123456, 100));
    expect(F.fromDecimal("-1e3")).toEqual(F.fromInt(-1000));
    expect(F.fromDecimal("2.5e-1")).toEqual(F.frac(1, 4));
    expect(F.fromDecimal(" 42 ")).toEqual(F.fromInt(42));
    expect(() => F.fromDecimal("abc")).toThrow(RangeError);
    expect(() => F.fromDecimal("")).toThrow(RangeError);
  });
  it("floor and ceil, also for negatives", () => {
    expect(F.floor(F.frac(7, 2))).toBe(3n);
    expect(F.ceil(F.frac(7, 2))).toBe(4n);
    expect(F.floor(F.frac(-7, 2))).toBe(-4n);
    expect(F.ceil(F.frac(-7, 2))).toBe(-3n);
    expect(F.ceil(F.fromInt(5))).toBe(5n);
  });
  it("formats to one decimal, halves away from zero", () => {
    expect(F.formatOneDecimal(F.frac(40, 6))).toBe("6.7");
    expect(F.formatOneDecimal(F.fromInt(70))).toBe("70.0");
    expect(F.formatOneDecimal(F.frac(1, 20))).toBe("0.1");
    expect(F.formatOneDecimal(F.frac(1, 25))).toBe("0.0");
    expect(F.formatOneDecimal(F.frac(-1, 25))).toBe("0.0");
    expect(F.formatOneDecimal(F.frac(-3, 2))).toBe("-1.5");
    expect(F.formatOneDecimal(F.frac(139, 2))).toBe("69.5");
    expect(F.formatOneDecimal(F.frac(6999, 100))).toBe("70.0");
    expect(F.toFractionString(F.frac(40, 6))).toBe("20/3");
  });
});
