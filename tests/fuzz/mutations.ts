// SPEC §9 — the mutations of the hostile-CSV generator: each turns a valid file of a kind into
// a hostile one and says what a correct import does with it (or returns null where it does not apply).
import type { ImportKind } from "@/lib/imports/columns";
import { csv, type Expect, type FuzzCase, type KindShape, line, utf8 } from "./shapes";

export type Mutation = (ctx: {
  kind: ImportKind;
  shape: KindShape;
  rows: string[][];
  rand: () => number;
  n: number;
}) => { name: string; body: FuzzCase["body"]; expect: Expect } | null;

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const at = (rand: () => number, rows: string[][]) => Math.floor(rand() * rows.length);
const col = (shape: KindShape, name: string) => shape.header.indexOf(name);
const withCell = (rows: string[][], r: number, c: number, v: string) =>
  rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row));
export const REJECT: Expect = { outcome: "reject" };

// Each mutation turns a valid file of the kind into a hostile one (or returns null where it does not apply).
export const MUTATIONS: Mutation[] = [
  () => ({ name: "empty file", body: Buffer.alloc(0), expect: REJECT }),
  () => ({ name: "only a BOM", body: Buffer.from([0xef, 0xbb, 0xbf]), expect: REJECT }),
  ({ shape }) => ({ name: "header only", body: utf8(`${line(shape.header)}\n`), expect: { outcome: "either" } }),
  () => ({ name: "blank lines only", body: utf8("\n\n\r\n\n"), expect: REJECT }),
  ({ shape, rows }) => ({
    name: "UTF-8 BOM (valid)",
    body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(csv(shape.header, rows))]),
    expect: { outcome: "accept", rows: rows.length },
  }),
  ({ shape, rows }) => ({
    name: "CRLF line ends (valid)",
    body: utf8(csv(shape.header, rows, "\r\n")),
    expect: { outcome: "accept", rows: rows.length },
  }),
  ({ shape, rows }) => {
    const le = Buffer.from(csv(shape.header, rows), "utf16le");
    // csv-parse recognizes this BOM and decodes UTF-16 LE: the rows arrive intact, so importing them is correct
    return {
      name: "UTF-16 LE with BOM",
      body: Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      expect: { outcome: "either" },
    };
  },
  ({ shape, rows }) => {
    const le = Buffer.from(csv(shape.header, rows), "utf16le");
    const be = Buffer.from(le); // swap to big-endian
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    return { name: "UTF-16 BE with BOM", body: Buffer.concat([Buffer.from([0xfe, 0xff]), be]), expect: REJECT };
  },
  ({ shape, rows }) => ({
    name: "UTF-32 LE BOM",
    body: Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), utf8(csv(shape.header, rows))]),
    expect: REJECT,
  }),
  ({ shape, rows, rand }) => {
    // Latin-1 bytes (not UTF-8) inside a value: an invalid sequence
    const text = csv(shape.header, rows);
    const bytes = utf8(text);
    const cut = line(shape.header).length + 2 + Math.floor(rand() * 3);
    return {
      name: "Latin-1 byte inside a value",
      body: Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xe9]), bytes.subarray(cut)]),
      expect: REJECT,
    };
  },
  ({ shape, rows, rand }) => {
    const bad = pick(rand, [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]]);
    const bytes = utf8(csv(shape.header, rows));
    const cut = line(shape.header).length + 2;
    return {
      name: `invalid UTF-8 ${Buffer.from(bad).toString("hex")}`,
      body: Buffer.concat([bytes.subarray(0, cut), Buffer.from(bad), bytes.subarray(cut)]),
      expect: REJECT,
    };
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
    return {
      name: `missing column ${drop}`,
      body: utf8(
        csv(
          shape.header.filter((_, i) => i !== c),
          rows.map((r) => r.filter((_, i) => i !== c)),
        ),
      ),
      expect: REJECT,
    };
  },
  ({ shape, rows }) => ({
    name: "unknown extra column",
    body: utf8(
      csv(
        [...shape.header, "surprise"],
        rows.map((r) => [...r, "x"]),
      ),
    ),
    expect: shape.extraColumnsKept ? { outcome: "accept", rows: rows.length } : { outcome: "either" },
  }),
  ({ shape, rows, rand }) => {
    const c = Math.floor(rand() * shape.header.length);
    return {
      name: `duplicated column ${shape.header[c]}`,
      body: utf8(
        csv(
          [...shape.header, shape.header[c]!],
          rows.map((r) => [...r, r[c]!]),
        ),
      ),
      expect: REJECT,
    };
  },
  ({ shape, rows }) => ({
    name: "header in another case and padded",
    body: utf8(
      csv(
        shape.header.map((h) => ` ${h.toUpperCase()} `),
        rows,
      ),
    ),
    expect: { outcome: "either" },
  }),
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return {
      name: "a row with a missing cell",
      body: utf8(
        csv(
          shape.header,
          rows.map((row, i) => (i === r ? row.slice(0, -2) : row)),
        ),
      ),
      expect: { outcome: "either" },
    };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return {
      name: "a row with extra cells",
      body: utf8(
        csv(
          shape.header,
          rows.map((row, i) => (i === r ? [...row, "extra", "cells"] : row)),
        ),
      ),
      expect: REJECT,
    };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    const big = "x".repeat(70_000 + Math.floor(rand() * 30_000));
    return {
      name: "enormous field (over 64 KiB)",
      body: utf8(csv(shape.header, withCell(rows, r, 1, big))),
      expect: REJECT,
    };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return {
      name: "long field (4 KiB)",
      body: utf8(csv(shape.header, withCell(rows, r, 0, "K".repeat(4096)))),
      expect: { outcome: "either" },
    };
  },
  () => ({
    name: "10,000 columns",
    body: utf8(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",")}\n${"1,".repeat(9_999)}1\n`),
    expect: REJECT,
  }),
  ({ rand }) => {
    const bytes = Buffer.alloc(256 + Math.floor(rand() * 4096));
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
    return { name: "random binary", body: bytes, expect: REJECT };
  },
  () => ({
    name: "PNG file",
    body: Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"),
    expect: REJECT,
  }),
  () => ({
    name: "gzip file",
    body: Buffer.from("1f8b0800000000000003cb48cdc9c95728cf2fca49e10200", "hex"),
    expect: REJECT,
  }),
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return {
      name: "NUL bytes in a value",
      body: utf8(csv(shape.header, withCell(rows, r, 0, `A\u0000B${r}`))),
      expect: { outcome: "either" },
    };
  },
  ({ shape, rows, rand }) => {
    if (!shape.text) return null;
    const formula = pick(rand, [
      '=HYPERLINK("http://evil.example","x")',
      "+cmd|' /C calc'!A0",
      "-2+3",
      "@SUM(A1:A9)",
      "\tleading tab",
      "=1+1",
    ]);
    const r = at(rand, rows);
    const c = col(shape, shape.text.column);
    const key = rows[r]![col(shape, shape.text.key)]!;
    return {
      name: `formula-injection cell ${JSON.stringify(formula.slice(0, 12))}`,
      body: utf8(csv(shape.header, withCell(rows, r, c, formula))),
      expect: {
        outcome: "accept",
        rows: rows.length,
        readBack: {
          sql: `select ${shape.text.column} as v from ${shape.text.table} where ${shape.text.key} = '${key}'${shape.text.table === "courses" ? "" : " and org_id = $org"}`,
          value: formula.trim() === formula ? formula : formula.trim(),
        },
      },
    };
  },
  ({ shape, rows, rand }) => {
    if (!shape.date) return null;
    const bad = pick(rand, [
      "2026-02-30",
      "2026-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-1-1",
      "26-01-01",
      "2026/01/01",
      "01.02.2026",
      "2026-04-31",
      "99999-01-01",
      "yesterday",
      "2026-01-01T00:00:00Z",
    ]);
    return {
      name: `impossible date ${bad}`,
      body: utf8(csv(shape.header, withCell(rows, at(rand, rows), col(shape, shape.date), bad))),
      expect: REJECT,
    };
  },
  ({ shape, rows, rand }) => {
    if (!shape.date) return null;
    return {
      name: "leap day 2024-02-29 (valid)",
      body: utf8(csv(shape.header, withCell(rows, at(rand, rows), col(shape, shape.date), "2024-02-29"))),
      expect: { outcome: "accept", rows: rows.length },
    };
  },
  ({ kind, shape, rows, rand }) => {
    if (kind !== "mtm-surveys") return null;
    const bad = pick(rand, ["0", "6", "-1", "4.5", "five", "1e1", "05x", "99999999999999999999"]);
    const q = `q${1 + Math.floor(rand() * 5)}`;
    return {
      name: `out-of-range answer ${q}=${bad}`,
      body: utf8(csv(shape.header, withCell(rows, at(rand, rows), col(shape, q), bad))),
      expect: REJECT,
    };
  },
  ({ kind, shape, rows, rand }) => {
    if (kind !== "usage") return null;
    const bad = pick(rand, ["-5", "1,000", "NaN", "Infinity", "1e309", "0x10", "", "12.123456789", "9".repeat(400)]);
    return {
      name: `bad number ${bad.slice(0, 12)}`,
      body: utf8(csv(shape.header, withCell(rows, at(rand, rows), col(shape, "value"), bad))),
      expect: REJECT,
    };
  },
  ({ shape, rows, rand }) => {
    if (!shape.enumColumn) return null;
    const bad = pick(rand, ["mid-market", "", "ENTERPRISE ", "null", "'; drop table organizations; --"]);
    return {
      name: `unknown ${shape.enumColumn} ${JSON.stringify(bad)}`,
      body: utf8(csv(shape.header, withCell(rows, at(rand, rows), col(shape, shape.enumColumn), bad))),
      expect: bad === "ENTERPRISE " ? { outcome: "either" } : REJECT,
    };
  },
  ({ kind, shape, rows, rand }) => {
    const c = shape.header.indexOf(
      kind === "certifications" ? "certification_code" : kind === "courses" ? "solution_area" : "course_code",
    );
    const a = shape.header.indexOf("solution_area");
    const target = c >= 0 ? c : a;
    if (target < 0) return null;
    return {
      name: `unknown reference in ${shape.header[target]}`,
      body: utf8(csv(shape.header, withCell(rows, at(rand, rows), target, "NOPE-404"))),
      expect: REJECT,
    };
  },
  ({ shape, rows, rand }) => {
    if (rows.length < 2) return null;
    const r = at(rand, rows);
    return {
      name: "duplicate natural key in one file",
      body: utf8(csv(shape.header, [...rows, rows[r]!])),
      expect: REJECT,
    };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return { name: "empty required cell", body: utf8(csv(shape.header, withCell(rows, r, 0, ""))), expect: REJECT };
  },
  ({ shape, rows, rand }) => {
    const r = at(rand, rows);
    return {
      name: "SQL and HTML in a key",
      body: utf8(csv(shape.header, withCell(rows, r, 0, `K'); drop table users; --<script>${r}`))),
      expect: { outcome: "either" },
    };
  },
  ({ shape, rows }) => ({
    name: "CR-only line ends",
    body: utf8(csv(shape.header, rows, "\r")),
    expect: { outcome: "either" },
  }),
  ({ shape, rows, rand }) => {
    const text = utf8(csv(shape.header, rows));
    const cut = Math.floor(rand() * text.length);
    return { name: "file cut short mid-row", body: text.subarray(0, cut), expect: { outcome: "either" } };
  },
];
