import { describe, expect, it } from "vitest";
import { badgeArt, wrap } from "./badge-art";
import { renderBadgeSvg } from "./badge-svg";
import { detectProofType, safeProofName } from "./proof";

describe("badge layout and SVG", () => {
  it("wraps long area names onto lines that fit", () => {
    expect(wrap("Digital & App Innovation (Azure)", 22)).toEqual(["Digital & App", "Innovation (Azure)"]);
    const art = badgeArt("training-services", "digital-app-innovation");
    expect(art.lines.map((l) => l.text)).toEqual([
      "Solutions Partner",
      "for Training Services",
      "Digital & App",
      "Innovation (Azure)",
    ]);
  });
  it("escapes text in the SVG", () => {
    const svg = renderBadgeSvg("solutions-partner", "data-ai");
    expect(svg).toContain(">Data &amp; AI (Azure)</text>");
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
