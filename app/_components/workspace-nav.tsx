"use client";
import { usePathname } from "next/navigation";

// Plain links, not next/link, as everywhere in the app: each page is a server-rendered document of its own. A <Link>
// is a client component rendered on every request (fifteen here), and in the browser each one in view prefetches
// its route: one view of a dashboard cost the server 18 more requests, each running the proxy, the guard and the
// layout (bench/page-requests.ts; SPEC §9, fast pages).

export type NavItem = { href: string; label: string };

const ACTIVE = "bg-brand-50 font-semibold text-brand-800";
const INACTIVE = "text-neutral-700 hover:bg-neutral-100";

export function WorkspaceNav({
  items,
  label = "Membership workspace",
  root = "/membership",
}: {
  items: NavItem[];
  label?: string;
  root?: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="no-print">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {items.map((item) => {
          const active =
            item.href === root
              ? pathname === item.href || pathname.startsWith(`${root}/organizations`)
              : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <a
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded px-3 py-2 text-sm ${active ? ACTIVE : INACTIVE}`}
              >
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
