import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address";
import { ADDRESS_LIMIT, lockDecision, lockMessage, throttleMessage } from "./rate-limit";

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

describe("sign-in throttle per client address", () => {
  it("allows 29 recent failures from one address and refuses at 30 until the 30th newest ages out", () => {
    const failures = Array.from({ length: 30 }, (_, i) => new Date(now.getTime() - i * 20_000));
    expect(lockDecision(failures.slice(0, 29), now, ADDRESS_LIMIT)).toEqual({ locked: false });
    expect(lockDecision(failures, now, ADDRESS_LIMIT)).toEqual({ locked: true, retryAfterMs: 320_000 }); // the 30th newest: 580 s ago
    expect(throttleMessage(60_000)).toBe("Too many failed sign-in attempts from your network. Try again in 1 minute.");
  });

  it("takes the client from X-Forwarded-For, as many entries from the right as there are trusted proxies", () => {
    const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
    expect(clientAddress(h(), 0)).toBeNull();
    expect(clientAddress(h("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1"); // set by Next.js from the socket
    expect(clientAddress(h("1.1.1.1, 203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(h("forged, 203.0.113.9"), 1)).toBe("203.0.113.9"); // one proxy appended the client
    expect(clientAddress(h("forged, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientAddress(h("203.0.113.9"), 3)).toBe("203.0.113.9"); // fewer entries than proxies: the first
  });

  it("spells one address one way", () => {
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("203.0.113.9:5000")).toBe("203.0.113.9");
    expect(normalizeAddress("::FFFF:203.0.113.9")).toBe("203.0.113.9");
  });
});
