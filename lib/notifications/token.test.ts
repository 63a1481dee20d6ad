import { describe, expect, it } from "vitest";
import { signUnsubscribe, verifyUnsubscribe } from "./token";

const SECRET = "unit-secret-unit-secret-0123";
const USER = "6f1c2f7e-4b7a-4f1a-9a55-0d7c1c3f1a11";

describe("unsubscribe tokens", () => {
  it("round-trips the user and the categories", () => {
    const token = signUnsubscribe(SECRET, { userId: USER, categories: ["renewals", "payments"] });
    expect(verifyUnsubscribe(SECRET, token)).toEqual({ userId: USER, categories: ["payments", "renewals"] });
  });
  it("refuses another secret, a changed payload and garbage", () => {
    const token = signUnsubscribe(SECRET, { userId: USER, categories: ["payments"] });
    const [, mac] = token.split(".");
    const other = Buffer.from(JSON.stringify({ u: USER, c: ["payments", "renewals"] })).toString("base64url");
    expect(verifyUnsubscribe("another-secret-another-secret", token)).toBeNull();
    expect(verifyUnsubscribe(SECRET, `${other}.${mac}`)).toBeNull();
    expect(verifyUnsubscribe(SECRET, `${token}x`)).toBeNull();
    expect(verifyUnsubscribe(SECRET, "not-a-token")).toBeNull();
  });
  it("refuses a correctly signed payload that is not a grant", () => {
    // A valid signature over something else (e.g. an unknown category) still grants nothing.
    const bad = signUnsubscribe(SECRET, { userId: USER, categories: ["payments"] }).replace(/^[^.]+/, "e30");
    expect(verifyUnsubscribe(SECRET, bad)).toBeNull();
  });
});
