import type { ReactNode } from "react";
import { z } from "zod";
import { buttonClass } from "@/components/ui/button";

// SPEC §8 trend charts, rendered on demand: a page shows the section's heading and a link that opens it; the chart, its
// table and the query behind them run only on a view with `?trend=show`. The chart was 9 % of the Solutions Partner
// area page's server work on every view (bench/README.md, stop 33) for a section most views never scroll to. A plain
// link, like every other in the app, so it works without JavaScript and the open view can be bookmarked or shared.

/** The page's `trend` search parameter, parsed at the boundary: anything but "show" keeps the section closed. */
const trendParam = z.object({ trend: z.literal("show").optional().catch(undefined) }).catch({});

export function trendOpen(search: Record<string, string | string[] | undefined>): boolean {
  return trendParam.parse(search).trend === "show";
}

/** `href` (a page's path and search) with the trend opened or closed, scrolled to the section. */
export function trendHref(href: string, open: boolean, anchor: string): string {
  const url = new URL(href, "http://page");
  if (open) url.searchParams.set("trend", "show");
  else url.searchParams.delete("trend");
  return `${url.pathname}${url.search}#${anchor}`;
}

export function TrendSection({
  id,
  title,
  description,
  href,
  open,
  className = "",
  children,
}: {
  id: string; // the heading's id, and the anchor the links scroll to
  title: string;
  description: string;
  href: string; // the page's own path and search, without the trend parameter's effect
  open: boolean;
  className?: string;
  children: () => ReactNode; // rendered only when open
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id={id} className="text-lg font-semibold">
            {title}
          </h2>
          <p className="text-sm text-neutral-600">{description}</p>
        </div>
        <a className={buttonClass("secondary")} href={trendHref(href, !open, id)}>
          {open ? "Hide the trend" : "Show the trend"}
        </a>
      </div>
      {open ? children() : null}
    </section>
  );
}
