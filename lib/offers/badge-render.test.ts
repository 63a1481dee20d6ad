import { describe, expect, it } from "vitest";
import { AREA_SLUGS } from "@/lib/rules/areas";
import { OFFER_IDS } from "@/lib/rules/offers-catalog";
import { BADGE_H, BADGE_W, type BadgeId, badgeArt, CAP, TEXT_X } from "./badge-art";
import { rasterizeBadge, renderBadgePng } from "./badge-png";
import { renderBadgeSvg } from "./badge-svg";

type Image = { width: number; height: number; rgba: Buffer };
const BADGES: BadgeId[] = [...AREA_SLUGS, "cloud-partner"];

/** Averages k×k blocks: a 2× rendering brought to 1× for comparison. */
function downscale(img: Image, k: number): Image {
  const width = img.width / k;
  const height = img.height / k;
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < k; dy++)
          for (let dx = 0; dx < k; dx++) sum += img.rgba[((y * k + dy) * img.width + x * k + dx) * 4 + c]!;
        rgba[(y * width + x) * 4 + c] = Math.round(sum / (k * k));
      }
  return { width, height, rgba };
}

/** The bounding box (in badge units) of the pixels in the text column darker than near-white. */
function textBox(img: Image) {
  const k = img.width / BADGE_W;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  for (let y = 8 * k; y < img.height - 8 * k; y++)
    for (let x = (TEXT_X - 10) * k; x < img.width - 8 * k; x++) {
      const i = (y * img.width + x) * 4;
      if (Math.min(img.rgba[i]!, img.rgba[i + 1]!, img.rgba[i + 2]!) > 200) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  return { x0: x0 / k, y0: y0 / k, x1: (x1 + 1) / k, y1: (y1 + 1) / k };
}

const greys = (img: Image, box: ReturnType<typeof textBox>) => {
  const k = img.width / BADGE_W;
  const seen = new Set<number>();
  for (let y = box.y0 * k; y < box.y1 * k; y++)
    for (let x = box.x0 * k; x < box.x1 * k; x++) seen.add(img.rgba[(y * img.width + x) * 4 + 1]!);
  return seen.size;
};

describe("badge PNG (resvg with the committed fonts)", () => {
  it("is a PNG of the SVG badge at twice 600×240", () => {
    const png = renderBadgePng("solutions-partner", "cloud-partner");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString("ascii", 12, 16)).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 480]);
  });

  it("lays out the same at 1× and 2×, text in the font, anti-aliased", () => {
    const svg = renderBadgeSvg("training-services", "digital-app-innovation");
    const one = rasterizeBadge(svg, 1);
    const two = rasterizeBadge(svg, 2);
    expect([one.width, one.height, two.width, two.height]).toEqual([BADGE_W, BADGE_H, 2 * BADGE_W, 2 * BADGE_H]);
    const [b1, b2] = [textBox(one), textBox(two)];
    // Text drawn (no font → no text) where the design puts it: the first line's capitals start at its y.
    const first = badgeArt("training-services", "digital-app-innovation").lines[0]!;
    expect(b1.x0).toBeGreaterThanOrEqual(TEXT_X);
    expect(b1.x0).toBeLessThan(TEXT_X + 3);
    expect(Math.abs(b1.y0 - first.y)).toBeLessThanOrEqual(1);
    for (const side of ["x0", "y0", "x1", "y1"] as const) expect(Math.abs(b1[side] - b2[side])).toBeLessThanOrEqual(1);
    // The 2× PNG brought down to 1× matches the 1× rendering pixel for pixel within rounding.
    const down = downscale(two, 2);
    let diff = 0;
    for (let i = 0; i < down.rgba.length; i++) diff += Math.abs(down.rgba[i]! - one.rgba[i]!);
    expect(diff / down.rgba.length).toBeLessThan(3);
    // Anti-aliasing: text and circle edges have many intermediate tones, not two colours.
    expect(greys(one, b1)).toBeGreaterThan(40);
    expect(greys(one, { x0: 40, y0: 45, x1: 190, y1: 195 })).toBeGreaterThan(20);
  });

  it("keeps every badge's text inside the badge", () => {
    for (const offer of OFFER_IDS)
      for (const badge of BADGES) {
        const box = textBox(rasterizeBadge(renderBadgeSvg(offer, badge), 1));
        const lines = badgeArt(offer, badge).lines;
        const last = lines[lines.length - 1]!;
        expect({ offer, badge, right: box.x1 <= BADGE_W - 20 }).toEqual({ offer, badge, right: true });
        expect(box.y0).toBeGreaterThan(20);
        expect(box.y1).toBeLessThan(BADGE_H - 20);
        expect(box.y1).toBeGreaterThanOrEqual(last.y + CAP[last.size]); // the last line was drawn
      }
  });
});
