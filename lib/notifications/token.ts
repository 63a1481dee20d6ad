import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { CATEGORIES, type Category } from "@/lib/rules/notifications";

// SPEC §12 one-click unsubscribe (RFC 8058): the link carries the user and the categories, signed
// with an HMAC-SHA256 of AUTH_SECRET, so it works without a session and cannot be forged or
// widened. It is the only secret-bearing link in a mail, and all it can do is turn mail off.
const PURPOSE = "pmc-unsubscribe-v1\n";
const payloadSchema = z.object({ u: z.uuid(), c: z.array(z.enum(CATEGORIES)).min(1).max(CATEGORIES.length) });

export type UnsubscribeGrant = { userId: string; categories: Category[] };

const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64url");
const mac = (secret: string, payload: string) =>
  createHmac("sha256", secret)
    .update(PURPOSE + payload)
    .digest();

export function signUnsubscribe(secret: string, grant: UnsubscribeGrant): string {
  const payload = b64(JSON.stringify({ u: grant.userId, c: [...new Set(grant.categories)].sort() }));
  return `${payload}.${b64(mac(secret, payload))}`;
}

/** The grant of a well-formed token whose signature matches; null for anything else. */
export function verifyUnsubscribe(secret: string, token: string): UnsubscribeGrant | null {
  if (token.length > 1000) return null;
  const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const expected = mac(secret, m[1]!);
  const given = Buffer.from(m[2]!, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(m[1]!, "base64url").toString("utf8")));
    return parsed.success ? { userId: parsed.data.u, categories: parsed.data.c } : null;
  } catch {
    return null;
  }
}
