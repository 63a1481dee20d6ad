import { describe, expect, it } from "vitest";
import { categoriesFor, orderEvents, renewalEvents, retryDelayMs } from "./notifications";

const designation = { offer: "solutions-partner" as const, status: "active", anniversary: "2027-01-10" };
const kinds = (today: string, status = "active") =>
  renewalEvents(today, [{ ...designation, status }]).map((e) => `${e.kind}@${e.date}`);

describe("SPEC §12 renewal events", () => {
  it("window open from 30 days before until 8 days before, then the 7-day reminder through the anniversary", () => {
    expect(kinds("2026-12-10")).toEqual([]);
    expect(kinds("2026-12-11")).toEqual(["renewal_window_open@2027-01-10"]); // the window's first day
    expect(kinds("2027-01-02")).toEqual(["renewal_window_open@2027-01-10"]);
    expect(kinds("2027-01-03")).toEqual(["renewal_7_days@2027-01-10"]);
    expect(kinds("2027-01-10")).toEqual(["renewal_7_days@2027-01-10"]); // the anniversary itself
  });
  it("a lapse the day after the anniversary, news for 30 days only", () => {
    expect(kinds("2027-01-11")).toEqual(["designation_lapsed@2027-01-10"]);
    expect(kinds("2027-01-11", "lapsed")).toEqual(["designation_lapsed@2027-01-10"]);
    expect(kinds("2027-02-09", "lapsed")).toEqual(["designation_lapsed@2027-01-10"]);
    expect(kinds("2027-02-10", "lapsed")).toEqual([]);
  });
});

describe("SPEC §12 wire order events", () => {
  const order = (status: string) => [
    { number: "1", offer: "training-services" as const, status, expiresOn: "2026-12-31" },
  ];
  const at = (today: string, status = "awaiting_payment") => orderEvents(today, order(status)).map((e) => e.kind);
  it("expiring within 7 days (pay-by day included), expired the day after", () => {
    expect(at("2026-12-23")).toEqual([]);
    expect(at("2026-12-24")).toEqual(["order_expiring"]);
    expect(at("2026-12-31")).toEqual(["order_expiring"]);
    expect(at("2027-01-01")).toEqual(["order_expired"]); // not yet marked expired by maintenance
    expect(at("2027-01-01", "expired")).toEqual(["order_expired"]);
    expect(at("2027-01-01", "active")).toEqual([]); // paid in time
    expect(at("2027-01-30", "expired")).toEqual(["order_expired"]); // 30 days after the pay-by day
    expect(at("2027-01-31", "expired")).toEqual([]);
  });
});

describe("recipients and retries", () => {
  it("offers and payments to account and global admins; the rest to partner and global admins", () => {
    expect(categoriesFor("member")).toEqual([]);
    expect(categoriesFor("partner_admin")).toEqual(["qualification", "roll_off", "certifications"]);
    expect(categoriesFor("account_admin")).toEqual(["renewals", "payments"]);
    expect(categoriesFor("global_admin")).toHaveLength(5);
  });
  it("backs off exponentially up to six hours", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(6 * 60 * 60_000);
  });
});
