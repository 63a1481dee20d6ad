import type { SafeHtml } from "@/lib/html";

/**
 * Markup built by lib/html.ts (every value escaped) as the content of one div. For read-only blocks that React would
 * otherwise render twice per request, as HTML and again as the RSC payload (bench/README.md): a string travels once.
 * Inside a client component that builds the string from data (e.g. metric-cards.tsx), the payload carries the data.
 */
export function Markup({ html, className, id }: { html: SafeHtml; className?: string; id?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: SafeHtml comes only from lib/html.ts, which escapes every value
  return <div id={id} className={className} dangerouslySetInnerHTML={{ __html: html.__html }} />;
}
