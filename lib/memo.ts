// Values derived from versioned data, kept in this process (SPEC §9, fast at any size). The key must name every
// input of the computation: an organization's data version (its newest import), the ruleset,
// the day where it matters. A null key means "not versioned": compute every time. Bounded: the
// oldest entry leaves first. Cached values are shared between requests — never mutate them.
export function versionedMemo<T>(limit = 500): (key: string | null, compute: () => T) => T {
  const entries = new Map<string, T>();
  return (key, compute) => {
    if (key === null) return compute();
    if (entries.has(key)) return entries.get(key)!;
    const value = compute();
    if (entries.size >= limit) entries.delete(entries.keys().next().value!);
    entries.set(key, value);
    return value;
  };
}

/** The same for an async computation: concurrent requests share one promise; a failure is not kept. */
export function versionedMemoAsync<T>(limit = 500): (key: string | null, compute: () => Promise<T>) => Promise<T> {
  const entries = new Map<string, Promise<T>>();
  return (key, compute) => {
    if (key === null) return compute();
    const hit = entries.get(key);
    if (hit) return hit;
    const value = compute();
    if (entries.size >= limit) entries.delete(entries.keys().next().value!);
    entries.set(key, value);
    value.catch(() => {
      if (entries.get(key) === value) entries.delete(key);
    });
    return value;
  };
}
