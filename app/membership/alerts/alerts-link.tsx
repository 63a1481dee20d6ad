import { alertCount } from "./load";

const SOME = "bg-amber-300 text-amber-950 hover:bg-amber-200"; // alerts to see
const NONE = "bg-white/15 text-white hover:bg-white/25";

// SPEC §8: the alerts count in the workspace header, linking to the Alerts page (a plain link, as the workspace
// navigation: app/_components/workspace-nav.tsx).
export function AlertsLink({ count }: { count: number | null }) {
  const label = count === null ? "Alerts" : `Alerts (${count})`;
  return (
    <a
      href="/membership/alerts"
      data-testid="alerts-link"
      aria-label={count === null ? "Alerts" : `Alerts: ${count === 0 ? "none" : count}`}
      className={`rounded-full px-2 py-0.5 text-xs font-semibold ${count ? SOME : NONE}`}
    >
      {label}
    </a>
  );
}

export async function AlertsCount({ orgId, day }: { orgId: string; day: string }) {
  return <AlertsLink count={await alertCount(orgId, day)} />;
}
