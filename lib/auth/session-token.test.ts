import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { SESSION_COOKIE_NAMES, sessionIdOfToken } from "./session-token";

const NAME = SESSION_COOKIE_NAMES[1];
const SID = "0b6a4a36-5d1f-4a8e-9a51-0f3b1a7c2d11";
const token = (sub: string, opts: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  encode({
    token: { sub },
    secret: opts.secret ?? env().AUTH_SECRET!,
    salt: opts.salt ?? NAME,
    maxAge: opts.maxAge ?? 3600,
  });

describe("sessionIdOfToken (Auth.js session cookie, decoded without auth())", () => {
  it("returns the session id of a token Auth.js issued, again from memory", async () => {
    const t = await token(SID);
    expect(await sessionIdOfToken(NAME, t, Date.now())).toBe(SID);
    expect(await sessionIdOfToken(NAME, t, Date.now())).toBe(SID);
  });

  it("refuses a tampered token, another secret's token and another cookie's salt", async () => {
    const t = await token(SID);
    const tampered = t.slice(0, -6) + (t.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    expect(await sessionIdOfToken(NAME, tampered, Date.now())).toBeNull();
    expect(
      await sessionIdOfToken(
        NAME,
        await token(SID, { secret: "another-secret-another-secret-0123456789" }),
        Date.now(),
      ),
    ).toBeNull();
    expect(await sessionIdOfToken(NAME, await token(SID, { salt: SESSION_COOKIE_NAMES[0] }), Date.now())).toBeNull();
    expect(await sessionIdOfToken(NAME, "not-a-token", Date.now())).toBeNull();
  });

  it("stops answering for a remembered token once it expires", async () => {
    const t = await token(SID, { maxAge: 60 });
    const now = Date.now();
    expect(await sessionIdOfToken(NAME, t, now)).toBe(SID);
    expect(await sessionIdOfToken(NAME, t, now + 61_000)).toBeNull();
  });

  it("refuses a token whose expiry has passed", async () => {
    const t = await token(SID, { maxAge: 1 });
    expect(await sessionIdOfToken(NAME, t, Date.now() + 30_000)).toBeNull();
  });
});
