// SPEC §9 — session cookies. The end-to-end tests run on plain http; production runs on https,
// where Auth.js must name the cookie __Secure-… and mark it Secure. This signs in through the
// app's own Auth.js handlers at an https and an http address and reads the Set-Cookie headers.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { handlers } from "@/lib/auth/config";
import { SESSION_TTL_MS } from "@/lib/auth/sessions";
import { createOrganization } from "@/lib/orgs/verbs";
import { createUser } from "@/lib/users/verbs";
import { useTestDatabase } from "./test-db";

useTestDatabase();

function setCookies(res: Response): string[] {
  return res.headers.getSetCookie();
}

async function signIn(base: string, email: string, password: string): Promise<string[]> {
  const csrfRes = await handlers.GET(new NextRequest(`${base}/api/auth/csrf`));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = setCookies(csrfRes)
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await handlers.POST(
    new NextRequest(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/membership` }),
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
    }),
  );
  expect(res.status).toBe(302);
  return [...setCookies(csrfRes), ...setCookies(res)];
}

describe("session cookies", () => {
  it("over https: __Secure- prefix, Secure, HttpOnly, SameSite=Lax, expiring with the server-side session", async () => {
    const org = await createOrganization(
      db(),
      { kind: "cli" },
      { partnerId: "cookie-1", name: "Cookie Org", country: "US" },
    );
    await createUser(db(), { kind: "cli" }, org.id, {
      name: "C",
      email: "c@cookie-1.example",
      role: "partner_admin",
      password: "cookie-password-1",
    });
    const cookies = await signIn("https://pmc.example", "c@cookie-1.example", "cookie-password-1");
    const session = cookies.find((c) => c.startsWith("__Secure-authjs.session-token="));
    expect(session, cookies.join("\n")).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\//i);
    const expires = Date.parse(/Expires=([^;]+)/i.exec(session!)![1]!);
    expect(Math.abs(expires - (Date.now() + SESSION_TTL_MS))).toBeLessThan(60_000);
    // the CSRF cookie is host-only and Secure too
    expect(cookies.find((c) => c.startsWith("__Host-authjs.csrf-token="))).toMatch(/;\s*Secure/i);
    expect(cookies.some((c) => c.startsWith("authjs.session-token="))).toBe(false);
  });

  it("over http (local development and these tests): the plain name, without Secure", async () => {
    const cookies = await signIn("http://127.0.0.1:3000", "c@cookie-1.example", "cookie-password-1");
    const session = cookies.find((c) => c.startsWith("authjs.session-token="));
    expect(session).toBeDefined();
    expect(session).not.toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
  });
});
