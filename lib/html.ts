// Markup built as a string, for the few places that are not React: the digest mail (SPEC §12), the
// badge SVG, and long read-only tables whose rows React would render twice per request (as HTML and
// again as the RSC payload; bench/README.md "Operator organizations list"). Every interpolated value
// is escaped unless it is itself markup made here. Pure.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const SPECIAL = /[&<>"']/;

/** Text made safe for an element's content or a quoted attribute value. Most values have nothing to escape. */
export const escapeHtml = (s: string): string => (SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : s);

/** Markup made by `html`, and only by it (a plain object with `__html` is text, escaped): trusted as it is. */
export class SafeHtml {
  constructor(readonly __html: string) {}
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false || v === true) return "";
  if (Array.isArray(v)) return v.map(render).join("");
  if (v instanceof SafeHtml) return v.__html;
  return escapeHtml(String(v));
}

/**
 * html`<td>${name}</td>` → markup with `name` escaped; arrays are joined, null/undefined/booleans are
 * nothing (so `${cond && html`…`}` works), and markup from another `html` call is kept as it is.
 * React takes it as `dangerouslySetInnerHTML={{ __html: markup.__html }}` (components/ui/table.tsx).
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}
