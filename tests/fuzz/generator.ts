// SPEC §9 — hostile CSV files for every import kind, generated (seeded, reproducible): bad
// encodings and BOMs, broken quoting, missing/extra/duplicated columns, enormous fields and lines,
// binary data, formula-injection cells, impossible dates, out-of-range answers, duplicate keys,
// empty files and 10 MB lines. Each case says what a correct import does with it:
// "reject" (nothing written, a message naming the problem), "accept" (with the number of rows
// and, optionally, a value to read back exactly) or "either" (both are correct; only the
// all-or-nothing rule and the messages are checked).
// The pieces: ./shapes.ts (kinds, valid rows, PRNG, CSV helpers) and ./mutations.ts.
import type { ImportKind } from "@/lib/imports/columns";
import { MUTATIONS, REJECT } from "./mutations";
import { type FuzzCase, KINDS, line, prng, SHAPES, utf8 } from "./shapes";

export { type Expect, FUZZ_COURSES_CSV, type FuzzCase, KINDS, prng } from "./shapes";

function baseRows(kind: ImportKind, rand: () => number, serial: number): string[][] {
  const count = 1 + Math.floor(rand() * 12);
  return Array.from({ length: count }, (_, i) => SHAPES[kind].row(serial * 16 + i));
}

/** A line of `bytes` bytes, in 64 KiB chunks: read and refused without holding it whole. */
export function hugeLine(kind: ImportKind, bytes: number): () => AsyncGenerator<Buffer> {
  return async function* () {
    yield utf8(`${line(SHAPES[kind].header)}\n`);
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    for (let sent = 0; sent < bytes; sent += chunk.length) yield chunk;
    yield utf8("\n");
  };
}

/** `count` cases cycling through every mutation and every kind (seeded), plus `hugeLines` 10 MB lines. */
export function generateCorpus(count: number, seed = 8, hugeLines = 0): FuzzCase[] {
  const rand = prng(seed);
  const cases: FuzzCase[] = [];
  let serial = 0;
  while (cases.length < count) {
    for (const mutate of MUTATIONS) {
      const kind = KINDS[serial % KINDS.length]!;
      serial++;
      const made = mutate({ kind, shape: SHAPES[kind], rows: baseRows(kind, rand, serial), rand, n: serial });
      if (!made) continue;
      cases.push({ name: `#${cases.length} ${kind}: ${made.name}`, kind, body: made.body, expect: made.expect });
      if (cases.length >= count) break;
    }
  }
  for (let i = 0; i < hugeLines; i++) {
    const kind = KINDS[i % KINDS.length]!;
    cases.push({
      name: `#${cases.length} ${kind}: a 10 MB line`,
      kind,
      body: hugeLine(kind, 10 * 1024 * 1024),
      expect: REJECT,
    });
  }
  return cases;
}
