import { describe, expect, it } from "vitest";
import { lockDecision, lockMessage } from "./rate-limit";

const now = new Date("2026-11-23T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("sign-in rate limit decision", () => {
  it("allows nine recent failures", () => {
    expect(
      lockDecision(
        Array.from({ length: 9 }, (_, i) => minutesAgo(i)),
        now,
      ),
    ).toEqual({ locked: false });
  });
  it("locks at ten failures within 15 minutes until the tenth newest ages out", () => {
    const d = lockDecision(
      Array.from({ length: 10 }, (_, i) => minutesAgo(i)),
      now,
    );
    expect(d).toEqual({ locked: true, retryAfterMs: 6 * 60_000 });
    expect(lockMessage(6 * 60_000)).toBe("Too many failed sign-in attempts for this account. Try again in 6 minutes.");
  });
  it("ignores failures older than 15 minutes", () => {
    const failures = [...Array.from({ length: 9 }, (_, i) => minutesAgo(i)), minutesAgo(15)];
    expect(lockDecision(failures, now)).toEqual({ locked: false });
  });
});
