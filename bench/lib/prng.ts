// Seeded, counter-based pseudo-random numbers: row i of a kind is a pure function of
// (seed, kind, i), so any row can be regenerated on its own (deployments refer back to
// customers) and a run with the same seed and scale writes exactly the same files.

/** splitmix32-style finalizer: a well-mixed 32-bit hash of a 32-bit input. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

/** A stream of uniform numbers in [0, 1) for one row: rng(seed, "customers", i). */
export function rowRng(seed: number, stream: number, i: number): () => number {
  let state = mix32(mix32(seed ^ Math.imul(stream, 0x9e3779b9)) ^ mix32(i + 0x632be59b));
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return mix32(state) / 4294967296;
  };
}

/** Stream ids: one per generated kind, so changing one kind never changes another's rows. */
export const STREAM = {
  completions: 1,
  vouchers: 2,
  surveys: 3,
  customers: 4,
  certifications: 5,
  usage: 6,
  deployments: 7,
  importFile: 8,
} as const;

/**
 * A bijection on 32-bit integers (multiplication by an odd constant, then xor): unique,
 * random-looking ids for i < 2^32, so natural keys never collide and do not arrive sorted.
 */
export function scramble(i: number, salt: number): string {
  return ((Math.imul(i, 0x2c1b3c6d) ^ salt) >>> 0).toString(36).toUpperCase().padStart(7, "0");
}

export function pick<T>(r: number, items: readonly T[]): T {
  return items[Math.floor(r * items.length)]!;
}

/** Weighted choice: weights need not sum to 1. */
export function weighted<T>(r: number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [item, w] of items) {
    if (x < w) return item;
    x -= w;
  }
  return items[items.length - 1]![0];
}
