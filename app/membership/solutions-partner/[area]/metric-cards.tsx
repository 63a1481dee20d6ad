"use client";
import { Markup } from "@/components/ui/markup";
import { html } from "@/lib/html";
import { type MetricCardView, metricCardHtml } from "./metric-card";

/**
 * The area's metric cards, built from their data where they render (on the server for the HTML): the page's RSC
 * payload then carries each card's figures and texts instead of its markup a second time (SPEC §9, fast pages).
 */
export function MetricCards({ metrics, className }: { metrics: MetricCardView[]; className: string }) {
  return <Markup className={className} html={html`${metrics.map(metricCardHtml)}`} />;
}
