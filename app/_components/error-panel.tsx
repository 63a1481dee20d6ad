"use client";

// Users never see a stack trace: Next passes only a digest to the client; the server logs the detail.
export function ErrorPanel({ digest, reset }: { digest?: string; reset: () => void }) {
  return (
    <div role="alert" className="max-w-md rounded-md border border-red-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-neutral-700">
        We could not show this page. Try again in a moment.{digest ? ` Reference: ${digest}.` : ""}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white"
      >
        Try again
      </button>
    </div>
  );
}
