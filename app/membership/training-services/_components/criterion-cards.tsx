"use client";
import { Markup } from "@/components/ui/markup";
import { type JsonProp, readJsonProp } from "@/lib/json-prop";
import { type CriterionCardData, criterionCardsHtml } from "./criterion-card";

/**
 * The dashboard's criterion cards, built from their data where they render (on the server for the HTML): the page's
 * RSC payload then carries a few hundred bytes of data per card instead of its markup a second time, and bytes are
 * most of what a page costs the server beyond its shell (bench/README.md; SPEC §9, fast pages). The data is one JSON
 * text (lib/json-prop.ts).
 */
export function CriterionCards({ cards, className }: { cards: JsonProp<CriterionCardData[]>; className: string }) {
  return <Markup className={className} html={criterionCardsHtml(readJsonProp(cards))} />;
}
