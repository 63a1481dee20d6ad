export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-md rounded-md border border-neutral-200 bg-white p-6 text-center shadow-sm">
        <p className="text-sm font-semibold text-neutral-600">404</p>
        <h1 className="mt-1 text-xl font-semibold">Page not found</h1>
        <p className="mt-2 text-sm text-neutral-700">
          The page you asked for does not exist or is not available to your organization.
        </p>
        <a href="/membership" className="mt-4 inline-block text-sm font-semibold text-brand-700 underline">
          Go to Membership
        </a>
      </div>
    </main>
  );
}
