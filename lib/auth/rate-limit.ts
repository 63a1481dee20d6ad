// SPEC §9: after 10 failed attempts for one account within 15 minutes, refuse further
// attempts until the oldest of those failures is 15 minutes old. Pure decision; the
// attempts live in the database so the limit holds across restarts and instances.
export const RATE_LIMIT = { maxFailures: 10, windowMs: 15 * 60 * 1000 } as const;

export type LockDecision = { locked: false } | { locked: true; retryAfterMs: number };

/** `failures` are the times of failed attempts within the window, newest first. */
export function lockDecision(failures: Date[], now: Date): LockDecision {
  const recent = failures.filter((f) => now.getTime() - f.getTime() < RATE_LIMIT.windowMs);
  if (recent.length < RATE_LIMIT.maxFailures) return { locked: false };
  const tenth = recent[RATE_LIMIT.maxFailures - 1]!;
  return { locked: true, retryAfterMs: tenth.getTime() + RATE_LIMIT.windowMs - now.getTime() };
}

export function lockMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many failed sign-in attempts for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
