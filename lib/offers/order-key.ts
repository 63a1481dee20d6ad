import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { OfferId } from "@/lib/rules/offers-catalog";

// Server-issued idempotency keys for order forms: signed (HMAC with AUTH_SECRET), so any app
// server can check them without shared state. A key names the organization, the offer and
// whether it buys or renews; replaying a key returns the order it created the first time.
export type OrderKind = "purchase" | "renewal";
const MAX_AGE_MS = 12 * 60 * 60 * 1000;

function secret(): string {
  const s = env().AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET is required to issue order forms");
  return s;
}

function sign(orgId: string, body: string): string {
  return createHmac("sha256", secret()).update(`order-key|${orgId}|${body}`).digest("base64url");
}

export function issueOrderKey(orgId: string, offer: OfferId, kind: OrderKind, nowMs = Date.now()): string {
  const body = `${offer}.${kind}.${randomBytes(12).toString("base64url")}.${nowMs.toString(36)}`;
  return `${body}.${sign(orgId, body)}`;
}

/** Throws a DomainError unless the key was issued by this server for this org, offer and kind, recently. */
export function verifyOrderKey(key: string, orgId: string, offer: OfferId, kind: OrderKind, nowMs = Date.now()): void {
  const invalid = () =>
    new DomainError("This order form has expired or is not valid. Close it and open it again.", "idempotencyKey");
  const parts = key.split(".");
  if (parts.length !== 5) throw invalid();
  const body = parts.slice(0, 4).join(".");
  const expected = Buffer.from(sign(orgId, body));
  const given = Buffer.from(parts[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  if (parts[0] !== offer || parts[1] !== kind) throw invalid();
  const issued = parseInt(parts[3]!, 36);
  if (!Number.isFinite(issued) || nowMs - issued > MAX_AGE_MS || issued - nowMs > 60_000) throw invalid();
}
