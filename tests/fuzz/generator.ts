// Issue #8 — hostile CSV files for every import kind, generated (seeded, reproducible): bad
// encodings and BOMs, broken quoting, missing/extra/duplicated columns, enormous fields and lines,
// binary data, formula-injection cells, impossible dates, out-of-range answers, duplicate keys,
// empty files and 10 MB lines. Each case says what a correct import does with it:
// "reject" (nothing written, a message naming the problem), "accept" (with the number of rows
// and, optionally, a value to read back exactly) or "either" (both are correct; only the
// all-or-nothing rule and the messages are checked).
import type { ImportKind } from "@/lib/imports/columns";

export type Expect =
  | { outcome: "reject" }
  | { outcome: "accept"; rows: number; readBack?: { sql: string; value: string } }
  | { outcome: "either" };

export type FuzzCase = {
  name: string;
  kind: ImportKind;
  /** The file: bytes, or a factory of chunks for the very large ones (never held whole). */
  body: Buffer | (() => AsyncGenerator<Buffer>);
  expect: Expect;
};

export const KINDS: ImportKind[] = ["courses", "courseware-completions", "exam-vouchers", "mtm-surveys", "customers", "certifications", "usage", "deployments"];

/** Known references the fuzz database holds (tests/fuzz seeds the course catalog first). */
export const FUZZ_COURSES_CSV = [
  "course_code,title,solution_area,category,duration_days",
  "AZ-104T00,Azure Administrator,infrastructure,three-days-or-more,4",
  "AZ-900T00,Azure Fundamentals,,fundamentals,1",
  "PL-300T00,Power BI Data Analyst,business-applications,two-days-or-less,2",
].join("\n") + "\n";

type KindShape = {
  header: string[];
  row: (n: number) => string[];
  /** Columns whose value is free text (names, titles): where formula cells are data. */
  text?: { column: string; table: string; key: string };
  date?: string;
  enumColumn?: string;
  /** mtm-surveys keeps unknown columns; the others refuse them. */
  extraColumnsKept?: boolean;
};

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

const SHAPES: Record<ImportKind, KindShape> = {
  courses: {
    header: ["course_code", "title", "solution_area", "category", "duration_days"],
    row: (n) => [`FZ-${n}T00`, `Fuzz Course ${n}`, "security", "two-days-or-less", "2"],
    text: { column: "title", table: "courses", key: "course_code" },
    enumColumn: "category",
  },
  "courseware-completions": {
    header: ["achievement_code", "course_code", "redeemed_on"],
    row: (n) => [`ACH-FZ-${n}`, "AZ-104T00", `2026-${pad((n % 9) + 1)}-${pad((n % 27) + 1)}`],
    date: "redeemed_on",
  },
  "exam-vouchers": {
    header: ["voucher_id", "exam_code", "level", "purchased_on"],
    row: (n) => [`V-FZ-${n}`, "AZ-104", n % 2 ? "advanced" : "fundamentals", `2026-0${(n % 9) + 1}-15`],
    date: "purchased_on",
    enumColumn: "level",
  },
  "mtm-surveys": {
    header: ["survey_id", "course_code", "completed_on", "q1", "q2", "q3", "q4", "q5"],
    row: (n) => [`S-FZ-${n}`, "AZ-104T00", "2026-10-02", String((n % 5) + 1), "4", "", "3", "5"],
    date: "completed_on",
    extraColumnsKept: true,
  },
  customers: {
    header: ["customer_id", "customer_name", "solution_area", "segment", "association", "eligible_from", "eligible_until"],
    row: (n) => [`C-FZ-${n}`, `Fuzz Customer ${n}`, "security", "enterprise", "csp", "2025-01-01", ""],
    text: { column: "customer_name", table: "customers", key: "customer_id" },
    date: "eligible_from",
    enumColumn: "segment",
  },
  certifications: {
    header: ["person_id", "person_name", "certification_code", "earned_on", "expires_on"],
    row: (n) => [`P-FZ-${n}`, `Fuzz Person ${n}`, "AZ-500", "2025-03-01", ""],
    text: { column: "person_name", table: "certifications", key: "person_id" },
    date: "earned_on",
  },
  usage: {
    header: ["solution_area", "association", "measure", "month", "value"],
    row: (n) => ["data-ai", "csp", "azure-consumption-usd", `${2000 + (n % 26)}-${pad((Math.floor(n / 26) % 12) + 1)}`, `${n}.5`],
    enumColumn: "measure",
  },
  deployments: {
    header: ["customer_id", "solution_area", "workload", "association", "deployed_on", "removed_on"],
    row: (n) => [`C-FZ-${n}`, "modern-work", "Teams", "cpor", "2025-05-01", ""],
    date: "deployed_on",
    enumColumn: "association",
  },
};

/** Mulberry32: a small seeded PRNG, so a failing case can be regenerated from its name. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (cells: string[]) => cells.map(quote).join(",");
const csv = (header: string[], rows: string[][], eol = "\n") => [line(header), ...rows.map(line)].join(eol) + eol;
const utf8 = (s: string) => Buffer.from(s, "utf8");

type Mutation = (ctx: { kind: ImportKind; shape: KindShape; rows: string[][]; rand: () => number; n: number }) => { name: string; body: FuzzCase["body"]; expect: Expect } | null;

const pick = <T,>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const at = (rand: () => number, rows: string[][]) => Math.floor(rand() * rows.length);
const col = (shape: KindShape, name: string) => shape.header.indexOf(name);
const withCell = (rows: string[][], r: number, c: number, v: string) => rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row));
const REJECT: Expect = { outcome: "reject" };

// Each mutation turns a valid file of the kind into a hostile one (or returns null where it does not apply).
const MUTATIONS: Mutation[] = [
  () => ({ name: "empty file", body: Buffer.alloc(0), expect: REJECT }),
  () => ({ name: "only a BOM", body: Buffer.from([0xef, 0xbb, 0xbf]), expect: REJECT }),
  ({ shape }) => ({ name: "header only", body: utf8(line(shape.header) + "\n"), expect: { outcome: "either" } }),
  () => ({ name: "blank lines only", body: utf8("\n\n\r\n\n"), expect: REJECT }),
  ({ shape, rows }) => ({ name: "UTF-8 BOM (valid)", body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(csv(shape.header, rows))]), expect: { outcome: "accept", rows: rows.length } }),
  ({ shape, rows }) => ({ name: "CRLF line ends (valid)", body: utf8(csv(shape.header, rows, "\r\n")), expect: { outcome: "accept", rows: rows.length } }),
  ({ shape, rows }) => {
    const le = Buffer.from(csv(shape.header, rows), "utf16le");
    // csv-parse recognizes this BOM and decodes UTF-16 LE: the rows arrive intact, so importing them is correct
    return { name: "UTF-16 LE with BOM", body: Buffer.concat([Buffer.from([0xff, 0xfe]), le]), expect: { outcome: "either" } };
  },
  ({ shape, rows }) => {
    const le = Buffer.from(csv(shape.header, rows), "utf16le");
    const be = Buffer.from(le); // swap to big-endian
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    return { name: "UTF-16 BE with BOM", body: Buffer.concat([Buffer.from([0xfe, 0xff]), be]), expect: REJECT };
  },
  ({ shape, rows }) => ({ name: "UTF-32 LE BOM", body: Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), utf8(csv(shape.header, rows))]), expect: REJECT }),
  ({ shape, rows, rand }) => {
    // Latin-1 bytes (not UTF-8) inside a value: an invalid sequence
    const text = csv(shape.header, rows);
    const bytes = utf8(text);
    const cut = line(shape.header).length + 2 + Math.floor(rand() * 3);
    return { name: "Latin-1 byte inside a value", body: Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xe9]), bytes.subarray(cut)]), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    const bad = pick(rand, [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]]);
    const bytes = utf8(csv(shape.header, rows));
    const cut = line(shape.header).length + 2;
    return { name: `invalid UTF-8 ${Buffer.from(bad).toString("hex")}`, body: Buffer.concat([bytes.subarray(0, cut), Buffer.from(bad), bytes.subarray(cut)]), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    const text = csv(shape.header, rows).split("\n");
    text[r + 1] = `"${text[r + 1]}`; // opens a quote that is never closed
    return { name: "unclosed quote", body: utf8(text.join("\n")), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    const text = csv(shape.header, rows).split("\n");
    const cells = text[r + 1]!.split(",");
    cells[0] = `"${cells[0]}"x`;
    text[r + 1] = cells.join(",");
    return { name: "characters after a closing quote", body: utf8(text.join("\n")), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    const text = csv(shape.header, rows).split("\n");
    const cells = text[r + 1]!.split(",");
    cells[0] = `ab"cd`;
    text[r + 1] = cells.join(",");
    return { name: "quote inside an unquoted value", body: utf8(text.join("\n")), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    const drop = shape.header[Math.floor(rand() * 2)]!; // a required key column
    const c = col(shape, drop);
    return { name: `missing column ${drop}`, body: utf8(csv(shape.header.filter((_, i) => i !== c), rows.map((r) => r.filter((_, i) => i !== c)))), expect: REJECT };
  },
  ({ shape, rows }) => ({
    name: "unknown extra column", body: utf8(csv([...shape.header, "surprise"], rows.map((r) => [...r, "x"]))),
    expect: shape.extraColumnsKept ? { outcome: "accept", rows: rows.length } : { outcome: "either" },
  }),
  ({ shape, rows, rand }) => {
    const c = Math.floor(rand() * shape.header.length);
    return { name: `duplicated column ${shape.header[c]}`, body: utf8(csv([...shape.header, shape.header[c]!], rows.map((r) => [...r, r[c]!]))), expect: REJECT };
  },
  ({ shape, rows }) => ({ name: "header in another case and padded", body: utf8(csv(shape.header.map((h) => ` ${h.toUpperCase()} `), rows)), expect: { outcome: "either" } }),
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return { name: "a row with a missing cell", body: utf8(csv(shape.header, rows.map((row, i) => (i === r ? row.slice(0, -2) : row)))), expect: { outcome: "either" } };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return { name: "a row with extra cells", body: utf8(csv(shape.header, rows.map((row, i) => (i === r ? [...row, "extra", "cells"] : row)))), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    const big = "x".repeat(70_000 + Math.floor(rand() * 30_000));
    return { name: "enormous field (over 64 KiB)", body: utf8(csv(shape.header, withCell(rows, r, 1, big))), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return { name: "long field (4 KiB)", body: utf8(csv(shape.header, withCell(rows, r, 0, "K".repeat(4096)))), expect: { outcome: "either" } };
  },
  ({ shape }) => ({ name: "10,000 columns", body: utf8(Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",") + "\n" + "1,".repeat(9_999) + "1\n"), expect: REJECT }),
  ({ rand }) => {
    const bytes = Buffer.alloc(256 + Math.floor(rand() * 4096));
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
    return { name: "random binary", body: bytes, expect: REJECT };
  },
  () => ({ name: "PNG file", body: Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"), expect: REJECT }),
  () => ({ name: "gzip file", body: Buffer.from("1f8b0800000000000003cb48cdc9c95728cf2fca49e10200", "hex"), expect: REJECT }),
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return { name: "NUL bytes in a value", body: utf8(csv(shape.header, withCell(rows, r, 0, `A\u0000B${r}`))), expect: { outcome: "either" } };
  },
  ({ shape, rows, rand, n }) => {
    if (!shape.text) return null;
    const formula = pick(rand, ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\tleading tab", "=1+1"]);
    const r = at(rand, rows);
    const c = col(shape, shape.text.column);
    const key = rows[r]![col(shape, shape.text.key)]!;
    return {
      name: `formula-injection cell ${JSON.stringify(formula.slice(0, 12))}`, body: utf8(csv(shape.header, withCell(rows, r, c, formula))),
      expect: { outcome: "accept", rows: rows.length, readBack: { sql: `select ${shape.text.column} as v from ${shape.text.table} where ${shape.text.key} = '${key}'${shape.text.table === "courses" ? "" : " and org_id = $org"}`, value: formula.trim() === formula ? formula : formula.trim() } },
    };
  },
  ({ shape, rows, rand }) => {
    if (!shape.date) return null;
    const bad = pick(rand, ["2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-1-1", "26-01-01", "2026/01/01", "01.02.2026", "2026-04-31", "99999-01-01", "yesterday", "2026-01-01T00:00:00Z"]);
    return { name: `impossible date ${bad}`, body: utf8(csv(shape.header, withCell(rows, at(rand, rows), col(shape, shape.date), bad))), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    if (!shape.date) return null;
    return { name: "leap day 2024-02-29 (valid)", body: utf8(csv(shape.header, withCell(rows, at(rand, rows), col(shape, shape.date), "2024-02-29"))), expect: { outcome: "accept", rows: rows.length } };
  },
  ({ kind, shape, rows, rand }) => {
    if (kind !== "mtm-surveys") return null;
    const bad = pick(rand, ["0", "6", "-1", "4.5", "five", "1e1", "05x", "99999999999999999999"]);
    const q = `q${1 + Math.floor(rand() * 5)}`;
    return { name: `out-of-range answer ${q}=${bad}`, body: utf8(csv(shape.header, withCell(rows, at(rand, rows), col(shape, q), bad))), expect: REJECT };
  },
  ({ kind, shape, rows, rand }) => {
    if (kind !== "usage") return null;
    const bad = pick(rand, ["-5", "1,000", "NaN", "Infinity", "1e309", "0x10", "", "12.123456789", "9".repeat(400)]);
    return { name: `bad number ${bad.slice(0, 12)}`, body: utf8(csv(shape.header, withCell(rows, at(rand, rows), col(shape, "value"), bad))), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    if (!shape.enumColumn) return null;
    const bad = pick(rand, ["mid-market", "", "ENTERPRISE ", "null", "'; drop table organizations; --"]);
    return { name: `unknown ${shape.enumColumn} ${JSON.stringify(bad)}`, body: utf8(csv(shape.header, withCell(rows, at(rand, rows), col(shape, shape.enumColumn), bad))), expect: bad === "ENTERPRISE " ? { outcome: "either" } : REJECT };
  },
  ({ kind, shape, rows, rand }) => {
    const c = shape.header.indexOf(kind === "certifications" ? "certification_code" : kind === "courses" ? "solution_area" : "course_code");
    const a = shape.header.indexOf("solution_area");
    const target = c >= 0 ? c : a;
    if (target < 0) return null;
    return { name: `unknown reference in ${shape.header[target]}`, body: utf8(csv(shape.header, withCell(rows, at(rand, rows), target, "NOPE-404"))), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    if (rows.length < 2) return null;
    const r = at(rand, rows);
    return { name: "duplicate natural key in one file", body: utf8(csv(shape.header, [...rows, rows[r]!])), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return { name: "empty required cell", body: utf8(csv(shape.header, withCell(rows, r, 0, ""))), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return { name: "SQL and HTML in a key", body: utf8(csv(shape.header, withCell(rows, r, 0, `K'); drop table users; --<script>${r}`))), expect: { outcome: "either" } };
  },
  ({ shape, rows }) => ({ name: "CR-only line ends", body: utf8(csv(shape.header, rows, "\r")), expect: { outcome: "either" } }),
  ({ shape, rows, rand }) => {
    const text = utf8(csv(shape.header, rows));
    const cut = Math.floor(rand() * text.length);
    return { name: "file cut short mid-row", body: text.subarray(0, cut), expect: { outcome: "either" } };
  },
];

function baseRows(kind: ImportKind, rand: () => number, serial: number): string[][] {
  const count = 1 + Math.floor(rand() * 12);
  return Array.from({ length: count }, (_, i) => SHAPES[kind].row(serial * 16 + i));
}

/** A line of `bytes` bytes, in 64 KiB chunks: read and refused without holding it whole. */
export function hugeLine(kind: ImportKind, bytes: number): () => AsyncGenerator<Buffer> {
  return async function* () {
    yield utf8(line(SHAPES[kind].header) + "\n");
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
    cases.push({ name: `#${cases.length} ${kind}: a 10 MB line`, kind, body: hugeLine(kind, 10 * 1024 * 1024), expect: REJECT });
  }
  return cases;
}
