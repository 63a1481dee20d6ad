"use client";
import { Markup } from "@/components/ui/markup";
import { html } from "@/lib/html";
import { type JsonProp, readJsonProp } from "@/lib/json-prop";
import { type MetricCardView, metricCardHtml } from "./metric-card";

/**
 * The area's metric cards, built from their data where they render (on the server for the HTML): the page's RSC
 * payload then carries each card's figures and texts instead of its markup a second time, as one JSON text
 * (lib/json-prop.ts; SPEC §9, fast pages).
 */
export function MetricCards({ metrics, className }: { metrics: JsonProp<MetricCardView[]>; className: string }) {
  return <Markup className={className} html={html`${readJsonProp(metrics).map(metricCardHtml)}`} />;
}
