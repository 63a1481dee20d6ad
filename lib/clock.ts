import { env } from "./env";

// The one clock of the app (only the outermost layer reads it). APP_TODAY pins the date for
// demos and end-to-end tests; the time of day stays real so rate limits and sessions work.
export function now(): Date {
  const real = new Date();
  const pinned = env().APP_TODAY;
  if (!pinned) return real;
  return new Date(`${pinned}T${real.toISOString().slice(11)}`);
}

export function today(): string {
  return now().toISOString().slice(0, 10);
}
