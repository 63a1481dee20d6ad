import { createHash, randomBytes } from "node:crypto";

// The secret of an API token: "pmc_" and 32 random bytes (256 bits) in base64url. Only its
// SHA-256 is stored. A slow, salted hash (argon2, as for passwords) protects low-entropy secrets
// that people choose; a 256-bit random secret cannot be guessed or brute-forced from its hash
// whatever the hash's speed, and a deterministic hash lets the guard find the token with one
// indexed lookup per request instead of ~13 ms of argon2 per API call.
export const TOKEN_PREFIX = "pmc_";
const SHAPE = /^pmc_[A-Za-z0-9_-]{43}$/;

export function newSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** What the list shows of a token: the prefix and the first 6 characters (36 of 256 bits). */
export function displayPrefix(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 6);
}

/** Whether a presented value could be one of our secrets (anything else is refused unread). */
export function hasSecretShape(value: string): boolean {
  return SHAPE.test(value);
}
