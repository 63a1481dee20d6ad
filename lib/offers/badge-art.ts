import { type AreaSlug, areaLabel } from "@/lib/rules/areas";
import type { OfferId } from "@/lib/rules/offers-catalog";

export type BadgeId = AreaSlug | "cloud-partner";

export function badgeLabel(id: BadgeId): string {
  return id === "cloud-partner" ? "Cloud Partner" : areaLabel(id);
}

// One layout for both renderers (SVG and PNG), in a 600×240 box.
export const BADGE_W = 600;
export const BADGE_H = 240;
export const TEXT_X = 220;
export const TEXT_MAX_CHARS = { sm: 30, lg: 20 } as const; // at 12 and 18 px per character

const AREA_COLORS: Record<BadgeId, string> = {
  "data-ai": "#0078d4",
  infrastructure: "#00838f",
  "digital-app-innovation": "#8661c5",
  "business-applications": "#008272",
  "modern-work": "#c43e1c",
  security: "#107c10",
  "cloud-partner": "#243a5e",
};

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

const HEIGHT = { sm: 14, lg: 21 } as const; // glyph heights at scale 2 and 3
const GAP = 12;

export function badgeArt(offer: OfferId, id: BadgeId): BadgeArt {
  const label = badgeLabel(id).toUpperCase();
  const spec: Omit<ArtLine, "y">[] = [{ text: "SOLUTIONS PARTNER", size: "sm", color: "#616161" }];
  if (offer === "training-services") spec.push({ text: "FOR TRAINING SERVICES", size: "sm", color: "#5c2e91" });
  for (const line of wrap(label, TEXT_MAX_CHARS.lg)) spec.push({ text: line, size: "lg", color: "#242424" });
  const total = spec.reduce((h, l) => h + HEIGHT[l.size], 0) + GAP * (spec.length - 1);
  let y = Math.round((BADGE_H - total) / 2);
  const lines = spec.map((l) => {
    const line = { ...l, y };
    y += HEIGHT[l.size] + GAP;
    return line;
  });
  const program = offer === "training-services" ? "Solutions Partner for Training Services" : "Solutions Partner";
  return { accent: AREA_COLORS[id], lines, title: `${program} — ${badgeLabel(id)}` };
}
