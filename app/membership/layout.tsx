import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/guard";
import { can, ROLE_LABELS } from "@/lib/auth/roles";
import { today } from "@/lib/clock";
import { SignOutButton } from "../_components/sign-out-button";
import { type NavItem, WorkspaceNav } from "../_components/workspace-nav";
import { AlertsCount } from "./alerts/alerts-link";

// The app shell. Each page still runs its own guard: layouts are not re-run on every navigation.
export default async function MembershipLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePage("membership:view");
  const items: NavItem[] = [
    { href: "/membership", label: "Overview" },
    { href: "/membership/training-services", label: "Training Services" },
    { href: "/membership/solutions-partner", label: "Solutions Partner" },
    { href: "/membership/alerts", label: "Alerts" },
    { href: "/membership/notifications", label: "Notifications" },
    { href: "/membership/import", label: "Import data" },
    { href: "/membership/offers", label: "Offers" },
    { href: "/membership/orders", label: "Bills and payments" },
    { href: "/membership/badges", label: "Logo builder" },
    { href: "/membership/benefits", label: "Benefits" },
    ...(can(ctx.role, "billing:manage") ? [{ href: "/membership/billing-profile", label: "Billing profile" }] : []),
    ...(can(ctx.role, "audit:view") ? [{ href: "/membership/audit", label: "Audit log" }] : []),
    ...(can(ctx.role, "users:manage") ? [{ href: "/membership/users", label: "Users" }] : []),
    ...(can(ctx.role, "tokens:manage") ? [{ href: "/membership/api-tokens", label: "API tokens" }] : []),
    ...(can(ctx.role, "users:manage") ? [{ href: "/membership/sign-in-settings", label: "Sign-in settings" }] : []),
  ];
  return (
    <div className="min-h-screen">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <a href="/membership" className="font-semibold">
            Partner Membership Center
          </a>
          <div className="flex items-center gap-3 text-sm">
            {/* No Suspense boundary: the count is one indexed statement (db/queries/alerts.ts) and an
                extra streamed chunk cost more than waiting for it (SPEC §9, fast at any size); errors render "Alerts". */}
            <AlertsCount orgId={ctx.orgId} day={today()} />
            <span>
              <span className="font-semibold">{ctx.orgName}</span>{" "}
              <span className="opacity-80">· Partner ID {ctx.partnerId}</span>
            </span>
            <span className="hidden opacity-90 sm:inline">
              {ctx.name} ({ROLE_LABELS[ctx.role]})
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-56 md:shrink-0">
          <WorkspaceNav items={items} />
        </aside>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
