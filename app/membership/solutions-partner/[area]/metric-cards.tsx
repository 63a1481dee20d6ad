"use client";
import { html } from "@/lib/html";
import { type MetricCardView, metricCardHtml } from "./metric-card";

/**
 * The area's metric cards, built from their data where they render (on the server for the HTML): the page's RSC
 * payload then carries each card's figures and texts instead of its markup a second time (SPEC §9, fast pages).
 */
export function MetricCards({ metrics, className }: { metrics: MetricCardView[]; className: string }) {
  const markup = html`${metrics.map(metricCardHtml)}`;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: metricCardHtml escapes every value (lib/html.ts)
  return <div className={className} dangerouslySetInnerHTML={{ __html: markup.__html }} />;
}
