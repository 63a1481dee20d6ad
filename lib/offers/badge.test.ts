import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { badgeArt, wrap } from "./badge-art";
import { encodePng, renderBadgePng } from "./badge-png";
import { renderBadgeSvg } from "./badge-svg";
import { detectProofType, safeProofName } from "./proof";

function chunks(png: Buffer) {
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    out.push({ type: png.toString("ascii", at + 4, at + 8), data: png.subarray(at + 8, at + 8 + len) });
    at += 12 + len;
  }
  return out;
}

describe("badge PNG (no native dependencies)", () => {
  it("is a valid RGBA PNG of the badge at twice 600×240", () => {
    const png = renderBadgePng("solutions-partner", "cloud-partner");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const c = chunks(png);
    expect(c.map((x) => x.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    expect([c[0]!.data.readUInt32BE(0), c[0]!.data.readUInt32BE(4), c[0]!.data[8], c[0]!.data[9]]).toEqual([
      1200, 480, 8, 6,
    ]);
    expect(inflateSync(c[1]!.data).length).toBe((1200 * 4 + 1) * 480);
  });
  it("encodes pixels exactly", () => {
    const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 255, 0, 0, 255, 128]));
    expect([...inflateSync(chunks(png)[1]!.data)]).toEqual([0, 255, 0, 0, 255, 0, 0, 255, 128]);
  });
});

describe("badge layout and SVG", () => {
  it("wraps long area names onto lines that fit", () => {
    expect(wrap("DIGITAL & APP INNOVATION (AZURE)", 20)).toEqual(["DIGITAL & APP", "INNOVATION (AZURE)"]);
    const art = badgeArt("training-services", "business-applications");
    expect(art.lines.map((l) => l.text)).toEqual([
      "SOLUTIONS PARTNER",
      "FOR TRAINING SERVICES",
      "BUSINESS",
      "APPLICATIONS",
    ]);
  });
  it("escapes text in the SVG", () => {
    const svg = renderBadgeSvg("solutions-partner", "data-ai");
    expect(svg).toContain("DATA &amp; AI (AZURE)");
    expect(svg).toContain("<title>Solutions Partner — Data &amp; AI (Azure)</title>");
  });
});

describe("payment proofs", () => {
  it("are recognized by magic bytes, never by name", () => {
    expect(detectProofType(new TextEncoder().encode("%PDF-1.7"))?.type).toBe("application/pdf");
    expect(detectProofType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))?.type).toBe("image/jpeg");
    expect(detectProofType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.type).toBe("image/png");
    expect(detectProofType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(detectProofType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });
  it("get safe names with the detected extension", () => {
    expect(safeProofName("C:\\x\\..\\receipt.exe", "pdf")).toBe("receipt.pdf");
    expect(safeProofName("<script>.png", "png")).toBe("_script_.png");
    expect(safeProofName("", "jpg")).toBe("payment-proof.jpg");
  });
});
