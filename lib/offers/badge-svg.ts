import { escapeHtml as esc } from "@/lib/html";
import type { OfferId } from "@/lib/rules/offers-catalog";
import { BADGE_H, BADGE_W, type BadgeId, badgeArt, CAP, FONT_SIZE, TEXT_X } from "./badge-art";

/** The font the PNG is rendered with (lib/offers/fonts), then Arial, whose metrics it shares. */
export const BADGE_FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, sans-serif";

export function renderBadgeSvg(offer: OfferId, id: BadgeId): string {
  const art = badgeArt(offer, id);
  const text = art.lines
    .map(
      (l) =>
        `<text x="${TEXT_X}" y="${l.y + CAP[l.size]}" font-size="${FONT_SIZE[l.size]}" font-weight="${l.size === "lg" ? 700 : 400}" fill="${l.color}">${esc(l.text)}</text>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_W}" height="${BADGE_H}" viewBox="0 0 ${BADGE_W} ${BADGE_H}" role="img" aria-label="${esc(art.title)}">
<title>${esc(art.title)}</title>
<defs><clipPath id="c"><rect x="3" y="3" width="${BADGE_W - 6}" height="${BADGE_H - 6}" rx="14"/></clipPath></defs>
<rect x="2" y="2" width="${BADGE_W - 4}" height="${BADGE_H - 4}" rx="15" fill="#ffffff" stroke="#d1d1d1" stroke-width="2"/>
<rect x="3" y="3" width="12" height="${BADGE_H - 6}" fill="${art.accent}" clip-path="url(#c)"/>
<circle cx="115" cy="120" r="68" fill="${art.accent}"/><circle cx="115" cy="120" r="52" fill="#ffffff"/><circle cx="115" cy="120" r="40" fill="${art.accent}"/>
<path d="M93 115h44v10h-44zM110 98h10v44h-10z" fill="#ffffff"/>
<g font-family="${BADGE_FONT_FAMILY}">${text}</g>
</svg>
`;
}
