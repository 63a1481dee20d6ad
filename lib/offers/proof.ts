// Payment proofs: PDF, PNG or JPEG, recognized by their first bytes (never by name or the
// browser's content type), at most 5 MB.
export const MAX_PROOF_BYTES = 5 * 1024 * 1024;
export const PROOF_TYPES = [
  { type: "application/pdf", ext: "pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", ext: "png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", ext: "jpg", magic: [0xff, 0xd8, 0xff] },
] as const;

export function detectProofType(bytes: Uint8Array): (typeof PROOF_TYPES)[number] | null {
  return PROOF_TYPES.find((t) => bytes.length >= t.magic.length && t.magic.every((b, i) => bytes[i] === b)) ?? null;
}

/** A safe display name: no folders, no control characters, the detected extension. */
export function safeProofName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[^\w .()-]/g, "_")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .trim()
    .slice(0, 100);
  return `${base || "payment-proof"}.${ext}`;
}
