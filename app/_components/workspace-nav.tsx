"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

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
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded px-3 py-2 text-sm ${active ? "bg-brand-50 font-semibold text-brand-800" : "text-neutral-700 hover:bg-neutral-100"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
