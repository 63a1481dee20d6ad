"use client";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "./button";

// A section whose content (a client component) is rendered only once the user opens it. The
// server then renders a heading and a button instead of the whole simulator on every page view
// (SPEC §9, fast at any size: the what-if simulator was 40% of the Training Services page's HTML and render time).
// On opening, focus moves to the content's first heading, so keyboard users land in it.
export function OnDemandSection({
  id,
  title,
  description,
  openLabel,
  className = "",
  children,
}: {
  id: string;
  title: string;
  description: string;
  openLabel: string;
  className?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const heading = open ? content.current?.querySelector<HTMLElement>("h2, h3") : null;
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [open]);
  if (open) return <div ref={content}>{children}</div>;
  return (
    <section
      aria-labelledby={id}
      className={`mb-8 flex flex-wrap items-center justify-between gap-3 rounded-md border border-brand-100 bg-brand-50/40 p-4 ${className}`}
    >
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-neutral-700">{description}</p>
      </div>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {openLabel}
      </Button>
    </section>
  );
}
