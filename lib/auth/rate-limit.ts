// Sign-in throttles (SPEC §9). Per account: after 10 failed attempts within 15 minutes, refuse
// further attempts until the oldest of those failures is 15 minutes old. Per client address:
// the same rule with 30 failures, so that a few guesses at each of many accounts from one
// address are slowed too. Pure decisions; the attempts live in the database so the limits hold
// across restarts and instances.
export type Limit = { maxFailures: number; windowMs: number };
export const RATE_LIMIT = { maxFailures: 10, windowMs: 15 * 60 * 1000 } as const satisfies Limit;
export const ADDRESS_LIMIT = { maxFailures: 30, windowMs: 15 * 60 * 1000 } as const satisfies Limit;

export type LockDecision = { locked: false } | { locked: true; retryAfterMs: number };

/** `failures` are the times of failed attempts within the window, newest first. */
export function lockDecision(failures: Date[], now: Date, limit: Limit = RATE_LIMIT): LockDecision {
  const recent = failures.filter((f) => now.getTime() - f.getTime() < limit.windowMs);
  if (recent.length < limit.maxFailures) return { locked: false };
  const last = recent[limit.maxFailures - 1]!;
  return { locked: true, retryAfterMs: last.getTime() + limit.windowMs - now.getTime() };
}

function minutes(retryAfterMs: number): string {
  const n = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `${n} minute${n === 1 ? "" : "s"}`;
}

export function lockMessage(retryAfterMs: number): string {
  return `Too many failed sign-in attempts for this account. Try again in ${minutes(retryAfterMs)}.`;
}

export function throttleMessage(retryAfterMs: number): string {
  return `Too many failed sign-in attempts from your network. Try again in ${minutes(retryAfterMs)}.`;
}
