"use client";

import { ErrorPanel } from "./_components/error-panel";

// Outside the Membership workspace (its own error.tsx keeps the header and navigation).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-4">
      <ErrorPanel digest={error.digest} reset={reset} />
    </main>
  );
}
