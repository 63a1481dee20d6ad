import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { StatusBadge, type Tone } from "@/components/ui/status-badge";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import type { AlertSeverity } from "@/lib/rules/alerts";
import { alertsFor } from "./load";

export const metadata: Metadata = { title: "Alerts" };

const SEVERITY: Record<AlertSeverity, { label: string; tone: Tone }> = {
  critical: { label: "Urgent", tone: "danger" },
  warning: { label: "Warning", tone: "warning" },
  info: { label: "Notice", tone: "info" },
};

// SPEC §8: everything that needs attention, in one place, each with the page that resolves it.
export default async function AlertsPage() {
  const ctx = await requirePage("membership:view");
  const alerts = await alertsFor(ctx.orgId, today());
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Renewal windows, orders awaiting payment, criteria at risk of roll-off and certifications expiring — the most urgent first."
      />
      {alerts.length === 0 ? (
        <p className="rounded-md border border-neutral-200 bg-white p-4 text-sm" data-testid="no-alerts">
          No alerts: nothing needs your attention right now.
        </p>
      ) : (
        <ul className="space-y-3" aria-label="Alerts">
          {alerts.map((a) => (
            <li key={a.id} className="rounded-md border border-neutral-200 bg-white p-4 shadow-sm" data-testid="alert">
              <div className="flex flex-wrap items-center gap-2">
                <StatusBadge label={SEVERITY[a.severity].label} tone={SEVERITY[a.severity].tone} />
                <h2 className="font-semibold">{a.title}</h2>
              </div>
              <p className="mt-1 text-sm text-neutral-700">{a.detail}</p>
              <a
                href={a.href}
                aria-label={`Resolve: ${linkLabel(a.href)} — ${a.title}`}
                className="mt-2 inline-block text-sm font-semibold text-brand-700 hover:underline"
              >
                Resolve: {linkLabel(a.href)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function linkLabel(href: string): string {
  if (href.startsWith("/membership/offers")) return "open Offers";
  if (href.startsWith("/membership/orders")) return "open the order";
  if (href.startsWith("/membership/training-services")) return "open Training Services";
  if (href.startsWith("/membership/solutions-partner")) return "open the solution area";
  return "open";
}
