"use client";
import { Markup } from "@/components/ui/markup";
import { html, type SafeHtml } from "@/lib/html";
import type { Check } from "@/lib/offers/situation";

/** "Why can't I buy?": each check as met or not, with a link to fix it where there is one. Pure and client-safe. */
export function whyNotHtml(checks: readonly Check[], question: string): SafeHtml {
  const items = checks.map((c) => {
    const mark = c.met ? "text-green-700" : "text-red-700";
    const fix = c.id === "qualified" ? "See the program dashboard" : "Open the order";
    const link = !c.met && c.href && html` <a class="text-brand-700 underline" href="${c.href}">${fix}</a>`;
    const label = html`<span class="font-medium">${c.label}: </span>`;
    const verdict = html`<span class="font-semibold">${c.met ? "met" : "not met"}</span>`;
    const detail = html`<span class="block text-neutral-700">${c.detail}${link}</span>`;
    const sign = html`<span aria-hidden="true" class="mt-0.5 font-bold ${mark}">${c.met ? "✓" : "✗"}</span>`;
    const data = html`data-check="${c.id}" data-met="${String(c.met)}"`;
    return html`<li class="flex items-start gap-2" ${data}>${sign}<span>${label}${verdict}${detail}</span></li>`;
  });
  const summary = html`<summary class="cursor-pointer font-semibold text-brand-700">${question}</summary>`;
  const list = html`<ul class="mt-2 flex flex-col gap-2" aria-label="Purchase checks">${items}</ul>`;
  return html`<details class="mt-2 text-sm">${summary}${list}</details>`;
}

/**
 * The checks built from their data where they render: read-only, so one string instead of a dozen elements per check,
 * and the page's RSC payload carries the checks, not their markup a second time (SPEC §9, fast pages).
 */
export function WhyNot({ id, checks, question }: { id: string; checks: Check[]; question: string }) {
  return <Markup id={id} html={whyNotHtml(checks, question)} />;
}
