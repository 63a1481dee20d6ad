import { type AreaSlug, areaLabel } from "@/lib/rules/areas";
import type { OfferId } from "@/lib/rules/offers-catalog";

export type BadgeId = AreaSlug | "cloud-partner";

export function badgeLabel(id: BadgeId): string {
  return id === "cloud-partner" ? "Cloud Partner" : areaLabel(id);
}

// The one badge design (SPEC §5 Logo builder), in a 600×240 box: badge-svg.ts draws it and
// badge-png.ts rasterizes that same SVG.
export const BADGE_W = 600;
export const BADGE_H = 240;
export const TEXT_X = 220;
/** Text sizes in px, and the characters per line that keep the widest wrap inside the badge (tested). */
export const FONT_SIZE = { sm: 18, lg: 27 } as const;
export const TEXT_MAX_CHARS = { sm: 34, lg: 22 } as const;

const AREA_COLORS: Record<BadgeId, string> = {
  "data-ai": "#0078d4",
  infrastructure: "#00838f",
  "digital-app-innovation": "#8661c5",
  "business-applications": "#008272",
  "modern-work": "#c43e1c",
  security: "#107c10",
  "cloud-partner": "#243a5e",
};

/** `y` is the top of the line's capitals; the baseline is `y + CAP[size]`. */
export type ArtLine = { text: string; size: "sm" | "lg"; color: string; y: number };
export type BadgeArt = { accent: string; lines: ArtLine[]; title: string };

export function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

// Cap heights (Liberation Sans and Arial: 0.716 em) and the gap that leaves room for descenders.
export const CAP = { sm: 13, lg: 19 } as const;
const GAP = 12;

export function badgeArt(offer: OfferId, id: BadgeId): BadgeArt {
  const spec: Omit<ArtLine, "y">[] = [{ text: "Solutions Partner", size: "sm", color: "#616161" }];
  if (offer === "training-services") spec.push({ text: "for Training Services", size: "sm", color: "#5c2e91" });
  for (const line of wrap(badgeLabel(id), TEXT_MAX_CHARS.lg)) spec.push({ text: line, size: "lg", color: "#242424" });
  const total = spec.reduce((h, l) => h + CAP[l.size], 0) + GAP * (spec.length - 1);
  let y = Math.round((BADGE_H - total) / 2);
  const lines = spec.map((l) => {
    const line = { ...l, y };
    y += CAP[l.size] + GAP;
    return line;
  });
  const program = offer === "training-services" ? "Solutions Partner for Training Services" : "Solutions Partner";
  return { accent: AREA_COLORS[id], lines, title: `${program} — ${badgeLabel(id)}` };
}
