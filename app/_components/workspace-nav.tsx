"use client";
import { usePathname } from "next/navigation";
import { html, type SafeHtml } from "@/lib/html";

// Plain links, not next/link, as everywhere in the app: each page is a server-rendered document of its own. A <Link>
// is a client component rendered on every request (fifteen here), and in the browser each one in view prefetches
// its route: one view of a dashboard cost the server 18 more requests, each running the proxy, the guard and the
// layout (bench/page-requests.ts; SPEC §9, fast pages).

export type NavItem = { href: string; label: string };

const ACTIVE = "bg-brand-50 font-semibold text-brand-800";
const INACTIVE = "text-neutral-700 hover:bg-neutral-100";

/** Whether `href` is the entry of the page at `pathname` (the root entry also covers the operator's organizations). */
function isActive(href: string, pathname: string, root: string): boolean {
  return href === root ? pathname === href || pathname.startsWith(`${root}/organizations`) : pathname.startsWith(href);
}

/** The entries as one escaped string (lib/html.ts): one element for React to render instead of thirty per request. */
function entriesHtml(items: NavItem[], pathname: string, root: string): SafeHtml {
  return html`${items.map((item) => {
    const active = isActive(item.href, pathname, root);
    const current = active ? html` aria-current="page"` : "";
    const cls = `block whitespace-nowrap rounded px-3 py-2 text-sm ${active ? ACTIVE : INACTIVE}`;
    return html`<li><a href="${item.href}"${current} class="${cls}">${item.label}</a></li>`;
  })}`;
}

export function WorkspaceNav({
  items,
  label = "Membership workspace",
  root = "/membership",
}: {
  items: NavItem[];
  label?: string;
  root?: string;
}) {
  // Built from the address where it renders, so the current entry follows a client-side redirect too.
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="no-print">
      <ul
        className="flex gap-1 overflow-x-auto md:flex-col"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: entriesHtml escapes every value (lib/html.ts)
        dangerouslySetInnerHTML={{ __html: entriesHtml(items, pathname, root).__html }}
      />
    </nav>
  );
}
