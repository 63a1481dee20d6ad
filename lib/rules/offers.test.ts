import { describe, expect, it } from "vitest";
import {
  creditorReference,
  formatMoney,
  hasLapsed,
  isHeld,
  isOrderExpired,
  isRenewalWindowOpen,
  isValidCreditorReference,
  looksLikeCardNumber,
  offerAction,
  offerStatus,
  orderPayBy,
  paymentMethodsFor,
  priceFor,
  purchaseEligibilityWindow,
  renewalEligibilityWindow,
  renewalWindow,
  termFor,
} from "./offers";

const held = (anniversary: string) => ({ status: "active", anniversary });

describe("renewal window (SPEC §5: 30 days before the anniversary up to and including it)", () => {
  const anniversary = "2026-12-15";
  it("opens 30 days before and closes on the anniversary", () => {
    expect(renewalWindow(anniversary)).toEqual({ opens: "2026-11-15", closes: "2026-12-15" });
  });
  it("is open on its first and last day and closed on the days just outside", () => {
    expect(isRenewalWindowOpen("2026-11-14", anniversary)).toBe(false);
    expect(isRenewalWindowOpen("2026-11-15", anniversary)).toBe(true);
    expect(isRenewalWindowOpen("2026-12-15", anniversary)).toBe(true);
    expect(isRenewalWindowOpen("2026-12-16", anniversary)).toBe(false);
  });
  it("crosses month and year ends and leap days", () => {
    expect(renewalWindow("2027-01-10").opens).toBe("2026-12-11");
    expect(renewalWindow("2028-03-01").opens).toBe("2028-01-31");
  });
  it("renewing moves the anniversary exactly one year from the previous anniversary, not from today", () => {
    expect(termFor("renewal", "2026-11-20", "2026-12-15")).toEqual({ start: "2026-12-15", end: "2027-12-15" });
    expect(termFor("renewal", "2028-02-10", "2028-02-29")).toEqual({ start: "2028-02-29", end: "2029-02-28" });
    expect(() => termFor("renewal", "2026-11-20", null)).toThrow(RangeError);
  });
});

describe("lapse and fresh purchase", () => {
  const d = held("2026-12-15");
  it("is held through the anniversary and lapses the day after", () => {
    expect(isHeld("2026-12-15", d)).toBe(true);
    expect(isHeld("2026-12-16", d)).toBe(false);
    expect(hasLapsed("2026-12-16", d)).toBe(true);
    expect(hasLapsed("2026-12-15", d)).toBe(false);
    expect(hasLapsed("2026-12-01", null)).toBe(false);
  });
  it("offers Renew while held and only a fresh purchase (a new anniversary) after the lapse", () => {
    expect(offerAction("2026-12-15", d, false)).toBe("renew");
    expect(offerAction("2026-12-16", d, false)).toBe("buy");
    expect(termFor("purchase", "2026-12-16", d.anniversary)).toEqual({ start: "2026-12-16", end: "2027-12-16" });
    expect(offerAction("2026-12-16", d, true)).toBe("pay");
  });
  it("names the status of the card", () => {
    expect(offerStatus("2026-11-14", d, false, true)).toBe("active");
    expect(offerStatus("2026-11-15", d, false, false)).toBe("renewal_due");
    expect(offerStatus("2026-12-16", d, false, true)).toBe("lapsed");
    expect(offerStatus("2026-12-16", { status: "lapsed", anniversary: "2026-12-15" }, false, true)).toBe("lapsed");
    expect(offerStatus("2026-11-15", null, true, true)).toBe("awaiting_payment");
    expect(offerStatus("2026-11-15", null, false, true)).toBe("ready_to_buy");
    expect(offerStatus("2026-11-15", null, false, false)).toBe("not_qualified");
  });
  it("a purchase starts today; Feb 29 anniversaries fall on Feb 28", () => {
    expect(termFor("purchase", "2028-02-29", null)).toEqual({ start: "2028-02-29", end: "2029-02-28" });
  });
});

describe("eligibility window (SPEC §4.5)", () => {
  it("purchase: the current month and the previous five full months, up to today", () => {
    expect(purchaseEligibilityWindow("2026-11-15")).toEqual({ start: "2026-06-01", end: "2026-11-15" });
    expect(purchaseEligibilityWindow("2026-03-01")).toEqual({ start: "2025-10-01", end: "2026-03-01" });
  });
  it("renewal: the anniversary month and the five before it, never past today", () => {
    expect(renewalEligibilityWindow("2026-12-10", "2026-11-20")).toEqual({ start: "2026-07-01", end: "2026-11-20" });
    expect(renewalEligibilityWindow("2026-12-10", "2026-12-10")).toEqual({ start: "2026-07-01", end: "2026-12-10" });
    expect(renewalEligibilityWindow("2026-12-10", "2027-01-05")).toEqual({ start: "2026-07-01", end: "2026-12-31" });
  });
});

describe("payment methods and prices by country", () => {
  it("offers both by default, billing profile first (recommended)", () => {
    expect(paymentMethodsFor("US")).toEqual(["billing_profile", "wire_transfer"]);
    expect(paymentMethodsFor("de")).toEqual(["billing_profile", "wire_transfer"]);
  });
  it("some countries get only one", () => {
    expect(paymentMethodsFor("IN")).toEqual(["wire_transfer"]);
    expect(paymentMethodsFor("JP")).toEqual(["billing_profile"]);
  });
  it("prices are integer minor units per currency (seed 4,730 and 4,875 USD)", () => {
    expect(priceFor("solutions-partner", "US")).toEqual({ amountMinor: 473000, currency: "USD" });
    expect(priceFor("training-services", "DE")).toEqual({ amountMinor: 487500, currency: "USD" });
    expect(formatMoney(473000, "USD")).toBe("USD 4,730.00");
    expect(formatMoney(1234, "JPY")).toBe("JPY 1,234");
  });
});

describe("wire transfers", () => {
  it("accept payment for 30 days and expire the day after", () => {
    expect(orderPayBy("2026-11-15")).toBe("2026-12-15");
    expect(isOrderExpired("2026-12-15", "2026-12-15")).toBe(false);
    expect(isOrderExpired("2026-12-16", "2026-12-15")).toBe(true);
    expect(isOrderExpired("2030-01-01", null)).toBe(false);
  });
  it("quote an ISO 11649 creditor reference", () => {
    expect(creditorReference("539007547034")).toBe("RF18539007547034"); // the standard's example
    expect(isValidCreditorReference(creditorReference("PMC100001"))).toBe(true);
    expect(creditorReference("PMC100001")).toBe("RF51PMC100001");
    expect(isValidCreditorReference("RF52PMC100001")).toBe(false);
  });
});

describe("masked payment instruments", () => {
  it("refuses anything that looks like a full card number", () => {
    for (const s of [
      "4242424242424242",
      "4242 4242 4242 4242",
      "4242-4242-4242-4242",
      "Visa 5555.5555.5555.4444",
      "378282246310005",
    ]) {
      expect(looksLikeCardNumber(s)).toBe(true);
    }
  });
  it("accepts masked descriptions", () => {
    for (const s of [
      "Visa ending 4242",
      "Mastercard •••• 4444, expires 12/28",
      "Invoice (net 30), PO 12345",
      "IBAN DE** **** **** 1234",
    ]) {
      expect(looksLikeCardNumber(s)).toBe(false);
    }
  });
});
