// The one cache of derived figures (SPEC §9, fast at any size): values computed from an organization's data — its
// dashboards' figures, forecasts, plans, trends, eligibility, the header's alerts — kept in this process and keyed
// by the organization's data version (organizations.data_version, bumped in the transaction of every write that
// changes an input: db/queries/data-version.ts), the course catalog's version (shared by every organization) and,
// for figures that depend on it, the evaluation day. The key is built here and nowhere else, so no caller can forget
// an input. Several app servers stay correct: each reads the version from the database on every request.
// Cached values are shared between requests — never mutate them.

/** The version of everything an organization's derived figures read. */
export type DataVersion = { org: number; catalog: number };

/** What a cached value belongs to; null means "do not cache" (inside a transaction: it may see its own writes). */
export type Scope = { orgId: string; version: DataVersion; day?: string } | null;

const LIMIT = 5_000; // entries; each is a few kilobytes at most (an area analysis is the largest)
const entries = new Map<string, Promise<unknown>>(); // insertion order = recency: a hit moves to the end
const stats = { computed: 0, hits: 0 };

function keyOf(scope: NonNullable<Scope>, name: string, parts: readonly (string | number)[]): string {
  const { orgId, version, day } = scope;
  return [orgId, version.org, version.catalog, day ?? "", name, ...parts].join("\u0000");
}

/**
 * The value of `compute` for this scope and name (with `parts`, e.g. an area and a track), computed once while the
 * organization's data stays the same. Concurrent requests share one promise; a failure is not kept.
 */
export function derived<T>(
  scope: Scope,
  name: string,
  compute: () => T | Promise<T>,
  parts: readonly (string | number)[] = [],
): Promise<T> {
  if (scope === null) return Promise.resolve().then(compute);
  const key = keyOf(scope, name, parts);
  const hit = entries.get(key) as Promise<T> | undefined;
  if (hit) {
    stats.hits++;
    entries.delete(key); // least recently used leaves first
    entries.set(key, hit);
    return hit;
  }
  stats.computed++;
  const value = Promise.resolve().then(compute);
  if (entries.size >= LIMIT) entries.delete(entries.keys().next().value!);
  entries.set(key, value);
  value.catch(() => {
    if (entries.get(key) === value) entries.delete(key);
  });
  return value;
}

/** Counts since the process started (tests and the benchmark read them). */
export function cacheStats(): Readonly<{ computed: number; hits: number; size: number }> {
  return { ...stats, size: entries.size };
}
