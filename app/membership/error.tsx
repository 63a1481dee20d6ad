"use client";

import { ErrorPanel } from "../_components/error-panel";

// Rendered inside the workspace layout's <main>: a page that fails keeps the header, the organization
// and the navigation, so the user can go elsewhere or try again.
export default function MembershipError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel digest={error.digest} reset={reset} />;
}
