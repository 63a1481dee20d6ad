import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  defaultDataThrough,
  endOfMonth,
  inWindow,
  isEndOfMonth,
  isValidIsoDate,
  monthOf,
  nextRefreshDue,
  shiftMonth,
  windowFor,
} from "./time";

describe("windowFor (SPEC §2)", () => {
  it("data through a month's last day → that month ends the window", () => {
    const w = windowFor("2026-10-31");
    expect(w.start).toBe("2025-11-01");
    expect(w.end).toBe("2026-10-31");
    expect(w.months).toHaveLength(12);
    expect(w.months[0]).toBe("2025-11");
    expect(w.months[11]).toBe("2026-10");
    expect(w.lastMonth).toBe("2026-10");
    expect(w.yearEarlierMonth).toBe("2025-10");
  });

  it("mid-month data through → the month before ends the window", () => {
    expect(windowFor("2026-11-10")).toEqual(windowFor("2026-10-31"));
    expect(windowFor("2026-11-29").end).toBe("2026-10-31");
    expect(windowFor("2026-11-30").end).toBe("2026-11-30");
  });

  it("handles year boundaries and February", () => {
    const w = windowFor("2024-02-29");
    expect(w.start).toBe("2023-03-01");
    expect(w.end).toBe("2024-02-29");
    expect(windowFor("2026-01-15").months).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
    ]);
    expect(windowFor("2025-02-28").lastMonth).toBe("2025-02");
    expect(windowFor("2024-02-28").lastMonth).toBe("2024-01"); // leap year: 28th is not the last day
  });

  it("includes the first and last day and excludes one day outside each", () => {
    const w = windowFor("2026-10-31");
    expect(inWindow("2025-11-01", w)).toBe(true);
    expect(inWindow("2026-10-31", w)).toBe(true);
    expect(inWindow("2025-10-31", w)).toBe(false);
    expect(inWindow("2026-11-01", w)).toBe(false);
    const mid = windowFor("2026-11-10");
    expect(inWindow("2026-11-05", mid)).toBe(false); // covered by the data but not a completed month
  });

  it("rejects invalid dates", () => {
    expect(() => windowFor("2026-02-30")).toThrow(RangeError);
    expect(() => windowFor("2026-1-31")).toThrow(RangeError);
  });
});

describe("nextRefreshDue (SPEC §2)", () => {
  it("before the 20th and not landed this month → the 20th of this month", () => {
    expect(nextRefreshDue("2026-11-10", "2026-10-18")).toBe("2026-11-20");
    expect(nextRefreshDue("2026-11-19", null)).toBe("2026-11-20");
  });
  it("before the 20th but already landed this month → the 20th of next month", () => {
    expect(nextRefreshDue("2026-11-10", "2026-11-01")).toBe("2026-12-20");
    expect(nextRefreshDue("2026-11-10", "2026-11-09")).toBe("2026-12-20");
  });
  it("on or after the 20th → the 20th of next month (year rollover)", () => {
    expect(nextRefreshDue("2026-11-20", "2026-10-18")).toBe("2026-12-20");
    expect(nextRefreshDue("2026-12-25", null)).toBe("2027-01-20");
  });
});

describe("defaultDataThrough (SPEC §6)", () => {
  it("is the last day of the previous month", () => {
    expect(defaultDataThrough("2026-11-10")).toBe("2026-10-31");
    expect(defaultDataThrough("2026-01-01")).toBe("2025-12-31");
    expect(defaultDataThrough("2024-03-31")).toBe("2024-02-29");
  });
});

describe("date helpers", () => {
  it("validates calendar dates", () => {
    expect(isValidIsoDate("2026-02-28")).toBe(true);
    expect(isValidIsoDate("2026-02-29")).toBe(false);
    expect(isValidIsoDate("2024-02-29")).toBe(true);
    expect(isValidIsoDate("2026-02-30")).toBe(false);
    expect(isValidIsoDate("2026-13-01")).toBe(false);
    expect(isValidIsoDate("2026-04-31")).toBe(false);
    expect(isValidIsoDate("2026-00-10")).toBe(false);
    expect(isValidIsoDate("26-01-01")).toBe(false);
    expect(isValidIsoDate("2026-01-01T00:00:00Z")).toBe(false);
  });
  it("adds days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-10-31", -30)).toBe("2026-10-01");
  });
  it("adds years, Feb 29 → Feb 28", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2026-06-15", 1)).toBe("2027-06-15");
  });
  it("adds months with clamping", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-11-15", 2)).toBe("2027-01-15");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-01", -25)).toBe("2023-12");
  });
  it("month helpers", () => {
    expect(monthOf("2026-11-10")).toBe("2026-11");
    expect(endOfMonth("2026-02")).toBe("2026-02-28");
    expect(endOfMonth("2024-02")).toBe("2024-02-29");
    expect(endOfMonth("2026-12")).toBe("2026-12-31");
    expect(isEndOfMonth("2026-04-30")).toBe(true);
    expect(isEndOfMonth("2026-04-29")).toBe(false);
    expect(() => endOfMonth("2026-13")).toThrow(RangeError);
  });
  it("counts days between dates", () => {
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2026-03-10", "2026-03-01")).toBe(-9);
  });
});
