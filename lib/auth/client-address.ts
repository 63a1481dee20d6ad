// The client address behind the sign-in throttle (README "Security notes"). Next.js puts the
// socket's address in X-Forwarded-For when the request has none; each trusted proxy in front of
// the app (TRUSTED_PROXY_HOPS in lib/env.ts) appends the address it received the request from.
// So the client is the entry TRUSTED_PROXY_HOPS from the right (the rightmost when 0 or 1);
// entries further left were written by the client and are never trusted.
import { isIP } from "node:net";

export function clientAddress(headers: Headers, trustedHops: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const entry = entries[Math.max(0, entries.length - Math.max(1, trustedHops))]!;
  return normalizeAddress(entry);
}

/** One spelling per address: IPv4-mapped IPv6 as IPv4, lower case, no brackets or port. */
export function normalizeAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (a.startsWith("::ffff:") && isIP(a.slice(7)) === 4) a = a.slice(7);
  return a.slice(0, 100);
}
