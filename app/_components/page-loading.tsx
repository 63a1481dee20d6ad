// The placeholder a workspace page shows while its data loads (its folder's loading.tsx). Only pages
// that can answer nothing but 200 get one: a loading boundary sends the status before the page runs,
// so a page that may answer 403 or 404 (a role check beyond viewing, an id in the address) has none.
// Nor do the dashboards and offers: their figures are kept per data version (lib/cache.ts), so they answer
// in a few milliseconds, and a streamed boundary cost them more than the wait (bench/README.md, SPEC §9).
export function PageLoading({ title }: { title: string }) {
  return (
    <div role="status" aria-live="polite">
      <p className="text-sm text-neutral-600">Loading {title}…</p>
      <div aria-hidden="true" className="mt-4 grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-32 animate-pulse rounded-md border border-neutral-200 bg-neutral-100" />
        ))}
      </div>
    </div>
  );
}
