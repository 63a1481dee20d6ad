import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";

// Reads the session id from Auth.js's session cookie with Auth.js's own `decode` (same cookie
// names, salt, algorithms and 15 s clock tolerance as its `auth()`).
//
// Why not `auth()`: in a server component it builds a Request, runs Auth.js's session endpoint,
// decrypts the token and then encrypts a rolled one that a server component cannot even set —
// two HKDF derivations, a JWK thumbprint and two AES-CBC/HMAC passes per request, about a tenth
// of a signed-in page's server CPU (measured in a profile). The session cookie carries only the id of
// a server-side session row, which the guard re-reads on every request (revocation, expiry,
// disabled users: lib/auth/sessions.ts), so the decoded id of a token can be remembered until the
// token itself expires.

/** Auth.js's cookie names: `__Secure-` over HTTPS, plain otherwise (its salt is the name). */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

const MAX_REMEMBERED = 5_000;
const remembered = new Map<string, { sessionId: string; expiresAtMs: number }>();

/** The session id a token carries, or null (absent, forged, expired, or signed with another secret). */
export async function sessionIdOfToken(name: string, token: string, nowMs: number): Promise<string | null> {
  const key = `${name}\u0000${token}`;
  const hit = remembered.get(key);
  if (hit) {
    if (hit.expiresAtMs > nowMs) return hit.sessionId;
    remembered.delete(key);
  }
  const secret = env().AUTH_SECRET;
  if (!secret) return null; // Auth.js cannot have issued it either
  let payload: { sub?: unknown; exp?: unknown } | null;
  try {
    payload = await decode({ token, secret, salt: name });
  } catch {
    return null; // not a token of ours: tampered, truncated or encrypted with another secret
  }
  const sessionId = typeof payload?.sub === "string" ? payload.sub : null;
  const exp = typeof payload?.exp === "number" ? payload.exp * 1000 : 0;
  if (!sessionId || exp <= nowMs) return null;
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!); // oldest first
  remembered.set(key, { sessionId, expiresAtMs: exp });
  return sessionId;
}

/**
 * The session id of the current request's cookie, or null when signed out. Token expiry is real
 * time (as Auth.js checks it), not the app's pinnable day (lib/clock.ts).
 */
export async function currentSessionId(nowMs = Date.now()): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    const token = jar.get(name)?.value;
    if (token) return sessionIdOfToken(name, token, nowMs);
  }
  return null;
}
