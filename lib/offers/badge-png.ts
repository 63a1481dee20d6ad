import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { OfferId } from "@/lib/rules/offers-catalog";
import { BADGE_W, type BadgeId } from "./badge-art";
import { renderBadgeSvg } from "./badge-svg";

// The PNG is the SVG badge rasterized by resvg (anti-aliased shapes and text) with the fonts committed
// beside this file, never the machine's: the same pixels on every server.
const FONT_DIR = path.join(process.cwd(), "lib", "offers", "fonts");
export const BADGE_FONT_FILES = ["LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"].map((f) =>
  path.join(FONT_DIR, f),
);

/** Rasterizes an SVG drawn in the badge's 600-unit width at `scale` (2 = 1200×480). */
export function rasterizeBadge(
  svg: string,
  scale: number,
): { png: Buffer; width: number; height: number; rgba: Buffer } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: BADGE_W * scale },
    font: {
      loadSystemFonts: false,
      fontFiles: BADGE_FONT_FILES,
      defaultFontFamily: "Liberation Sans",
      sansSerifFamily: "Liberation Sans",
    },
    logLevel: "off",
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height, rgba: image.pixels };
}

export function renderBadgePng(offer: OfferId, id: BadgeId, scale = 2): Buffer {
  return rasterizeBadge(renderBadgeSvg(offer, id), scale).png;
}
