import { deflateSync } from "node:zlib";
import type { OfferId } from "@/lib/rules/offers-catalog";
import { BADGE_H, BADGE_W, type BadgeId, badgeArt, TEXT_X } from "./badge-art";
import { GLYPH_H, GLYPH_W, glyph } from "./badge-font";

// A tiny PNG writer (RGBA, deflate from node:zlib) and a raster that draws the badge: no native
// dependencies, no fonts needed on the server.
const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

type Rgb = [number, number, number];
const hex = (c: string): Rgb => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];

/** Draws in badge units (600×240) onto pixels scaled by k. */
class Raster {
  readonly w: number;
  readonly h: number;
  readonly px: Uint8Array;
  constructor(private readonly k: number) {
    this.w = BADGE_W * k;
    this.h = BADGE_H * k;
    this.px = new Uint8Array(this.w * this.h * 4);
  }
  private set(x: number, y: number, [r, g, b]: Rgb) {
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return;
    this.px.set([r, g, b, 255], (y * this.w + x) * 4);
  }
  /** Every pixel whose centre (in units) satisfies `inside`. */
  fill(inside: (x: number, y: number) => boolean, color: Rgb) {
    for (let y = 0; y < this.h; y++)
      for (let x = 0; x < this.w; x++) if (inside((x + 0.5) / this.k, (y + 0.5) / this.k)) this.set(x, y, color);
  }
  text(x0: number, y0: number, text: string, scale: number, color: Rgb) {
    const s = scale * this.k;
    [...text].forEach((ch, i) => {
      const rows = glyph(ch);
      for (let gy = 0; gy < GLYPH_H; gy++)
        for (let gx = 0; gx < GLYPH_W; gx++) {
          if (!((rows[gy]! >> (GLYPH_W - 1 - gx)) & 1)) continue;
          const px = Math.round(x0 * this.k) + (i * (GLYPH_W + 1) + gx) * s;
          const py = Math.round(y0 * this.k) + gy * s;
          for (let dy = 0; dy < s; dy++) for (let dx = 0; dx < s; dx++) this.set(px + dx, py + dy, color);
        }
    });
  }
}

function roundRect(x: number, y: number, w: number, h: number, r: number) {
  return (px: number, py: number) => {
    if (px < x || py < y || px > x + w || py > y + h) return false;
    const cx = Math.min(Math.max(px, x + r), x + w - r);
    const cy = Math.min(Math.max(py, y + r), y + h - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
  };
}

const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

export function renderBadgePng(offer: OfferId, id: BadgeId, k = 2): Buffer {
  const art = badgeArt(offer, id);
  const r = new Raster(k);
  r.fill(roundRect(1, 1, BADGE_W - 2, BADGE_H - 2, 16), hex("#d1d1d1"));
  r.fill(roundRect(3, 3, BADGE_W - 6, BADGE_H - 6, 14), hex("#ffffff"));
  r.fill((x, y) => x >= 3 && x < 15 && roundRect(3, 3, BADGE_W - 6, BADGE_H - 6, 14)(x, y), hex(art.accent));
  r.fill(circle(115, 120, 68), hex(art.accent));
  r.fill(circle(115, 120, 52), hex("#ffffff"));
  r.fill(circle(115, 120, 40), hex(art.accent));
  r.fill((x, y) => Math.abs(y - 120) <= 5 && Math.abs(x - 115) <= 22, hex("#ffffff"));
  r.fill((x, y) => Math.abs(x - 115) <= 5 && Math.abs(y - 120) <= 22, hex("#ffffff"));
  for (const line of art.lines) r.text(TEXT_X, line.y, line.text, line.size === "lg" ? 3 : 2, hex(line.color));
  return encodePng(r.w, r.h, r.px);
}
