import type { ReactNode } from "react";
import { requireOperatorPage } from "@/lib/auth/guard";
import { SignOutButton } from "../_components/sign-out-button";
import { type NavItem, WorkspaceNav } from "../_components/workspace-nav";

// SPEC §10: the operator workspace, its own segment and shell. Each page still runs its own guard.
export default async function OperatorLayout({ children }: { children: ReactNode }) {
  const op = await requireOperatorPage();
  const items: NavItem[] = [
    { href: "/operator", label: "Organizations" },
    { href: "/operator/payments", label: "Payments" },
    { href: "/operator/catalog", label: "Course catalog" },
    { href: "/operator/outbox", label: "Mail outbox" },
    { href: "/operator/audit", label: "Audit log" },
  ];
  return (
    <div className="min-h-screen">
      <header className="bg-neutral-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <a href="/operator" className="font-semibold">
            Partner Membership Center · Operator
          </a>
          <div className="flex items-center gap-3 text-sm">
            <span className="opacity-90">{op.name} (Operator)</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-56 md:shrink-0">
          <WorkspaceNav items={items} label="Operator workspace" root="/operator" />
        </aside>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
