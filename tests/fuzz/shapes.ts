// SPEC §9 — the hostile-CSV generator's building blocks: what a correct import does with a
// case (Expect), a valid file's shape per import kind, the seeded PRNG and CSV writing helpers.
// The mutations are in ./mutations.ts, the corpus in ./generator.ts.
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

export const KINDS: ImportKind[] = [
  "courses",
  "courseware-completions",
  "exam-vouchers",
  "mtm-surveys",
  "customers",
  "certifications",
  "usage",
  "deployments",
];

/** Known references the fuzz database holds (tests/fuzz seeds the course catalog first). */
export const FUZZ_COURSES_CSV = `${[
  "course_code,title,solution_area,category,duration_days",
  "AZ-104T00,Azure Administrator,infrastructure,three-days-or-more,4",
  "AZ-900T00,Azure Fundamentals,,fundamentals,1",
  "PL-300T00,Power BI Data Analyst,business-applications,two-days-or-less,2",
].join("\n")}\n`;

export type KindShape = {
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

export const SHAPES: Record<ImportKind, KindShape> = {
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
    header: [
      "customer_id",
      "customer_name",
      "solution_area",
      "segment",
      "association",
      "eligible_from",
      "eligible_until",
    ],
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
    row: (n) => [
      "data-ai",
      "csp",
      "azure-consumption-usd",
      `${2000 + (n % 26)}-${pad((Math.floor(n / 26) % 12) + 1)}`,
      `${n}.5`,
    ],
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

export const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const line = (cells: string[]) => cells.map(quote).join(",");
export const csv = (header: string[], rows: string[][], eol = "\n") =>
  [line(header), ...rows.map(line)].join(eol) + eol;
export const utf8 = (s: string) => Buffer.from(s, "utf8");
