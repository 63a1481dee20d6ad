// SPEC §4.1 "compute exactly; show one decimal": one display rounding of scores, half up on the
// exact value, whatever form the score arrives in (Fraction, JSON number, numeric column text).
import { describe, expect, it } from "vitest";
import { frac, fromDecimal, sub, toDecimalString, toNumber } from "./fraction";
import { formatScore } from "./number-format";

describe("formatScore", () => {
  it("rounds the exact value half up to one decimal at the boundaries", () => {
    expect(formatScore(frac(1401, 20))).toBe("70.1"); // exactly 70.05
    expect(formatScore(frac(1399, 20))).toBe("70.0"); // exactly 69.95
    expect(formatScore(frac(1251, 20))).toBe("62.6"); // exactly 62.55
    expect(formatScore(frac(1, 20))).toBe("0.1"); // exactly 0.05
    expect(formatScore(frac(7004999, 100000))).toBe("70.0"); // 70.04999
    expect(formatScore(sub(frac(1401, 20), frac(1, 10n ** 30n)))).toBe("70.0"); // a hair below 70.05
    expect(formatScore(frac(209, 3))).toBe("69.7"); // 69.666…
    expect(formatScore(frac(40, 6))).toBe("6.7");
    expect(formatScore(frac(70))).toBe("70.0");
    expect(formatScore(frac(100))).toBe("100.0");
    expect(formatScore(frac(0))).toBe("0.0");
  });

  it("reads a number or a decimal string exactly, so it agrees with the Fraction it came from", () => {
    // The floats themselves sit below the boundary: toFixed shows the drift this function avoids.
    expect((70.05).toFixed(1)).toBe("70.0");
    expect((62.55).toFixed(1)).toBe("62.5");
    expect(formatScore(70.05)).toBe("70.1");
    expect(formatScore("70.05")).toBe("70.1");
    expect(formatScore(69.95)).toBe("70.0");
    expect(formatScore(62.55)).toBe("62.6");
    expect(formatScore(70.04999)).toBe("70.0");
    expect(formatScore("70.049999999999999999")).toBe("70.0");
    for (let k = 0; k <= 2000; k++) {
      const exact = frac(k, 20); // every twentieth from 0 to 100, each tenth boundary among them
      const shown = formatScore(exact);
      expect(formatScore(toNumber(exact)), `${k}/20 as a JSON number`).toBe(shown);
      expect(formatScore(toDecimalString(exact)), `${k}/20 from a numeric column`).toBe(shown);
    }
  });
});

describe("toDecimalString", () => {
  it("is exact when the decimal terminates and rounds at 12 places otherwise", () => {
    expect(toDecimalString(frac(1401, 20))).toBe("70.05");
    expect(toDecimalString(frac(70))).toBe("70");
    expect(toDecimalString(frac(2, 3))).toBe("0.666666666667");
    expect(toDecimalString(frac(-1, 8))).toBe("-0.125");
    expect(toDecimalString(frac(1, 3), 2)).toBe("0.33");
    expect(fromDecimal(toDecimalString(frac(40, 6)))).toEqual(frac(6666666666667, 1000000000000));
  });
});
