import type { SafeHtml } from "@/lib/html";

/**
 * Markup built by lib/html.ts (every value escaped) as the content of one div. For read-only blocks that React would
 * otherwise render twice per request, as HTML and again as the RSC payload (bench/README.md): a string travels once.
 */
export function Markup({ html, className }: { html: SafeHtml; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: SafeHtml comes only from lib/html.ts, which escapes every value
  return <div className={className} dangerouslySetInnerHTML={{ __html: html.__html }} />;
}
