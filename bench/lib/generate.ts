// Realistic, reproducible line items for one organization, as CSV text in the import formats of
// SPEC §6 (so they load through the real import path). Row i of each kind is a pure function of
// (seed, i) — see prng.ts — and every file is produced as a stream of ~64 KiB chunks, never held
// whole in memory.
//
// Scale N (SPEC §9, fast at any size): N courseware completions, N/5 exam vouchers, N/5 MTM surveys spread over
// the 24 months ending with data_through, over every course and area; N/20 customers, N/50
// certifications, N/10 deployments and 24 months of usage for every area, measure and association.
import { DEMO_COURSES } from "@/db/seed/training-services";
import type { ImportKind } from "@/lib/imports/columns";
import { AREA_SLUGS, type AreaSlug } from "@/lib/rules/areas";
import { CATALOG_2026, examCodes } from "@/lib/rules/solutions-partner/certification-catalog";
import { addDays, daysBetween, daysInMonth, shiftMonth, windowFor } from "@/lib/rules/time";
import { pick, rowRng, STREAM, scramble, weighted } from "./prng";

export type GenOptions = { scale: number; seed: number; dataThrough: string };

export type KindCounts = Record<Exclude<ImportKind, "courses">, number>;

const ASSOCIATIONS = ["cpor", "csp", "dpor", "pal"] as const;
const ASSOCIATION_WEIGHTS = [
  ["cpor", 40],
  ["csp", 30],
  ["dpor", 15],
  ["pal", 15],
] as const;
const AREA_WEIGHTS = [
  ["data-ai", 18],
  ["infrastructure", 20],
  ["digital-app-innovation", 12],
  ["business-applications", 15],
  ["modern-work", 22],
  ["security", 13],
] as const;
const MEASURES: Record<AreaSlug, readonly [measure: string, base: number][]> = {
  "data-ai": [["azure-consumption-usd", 180_000]],
  infrastructure: [["azure-consumption-usd", 260_000]],
  "digital-app-innovation": [["azure-consumption-usd", 120_000]],
  "business-applications": [["consumption-value", 90_000]],
  "modern-work": [["active-users", 40_000]],
  security: [
    ["security-consumption-usd", 70_000],
    ["protected-users", 25_000],
  ],
};
const AZURE_WORKLOADS = [
  "virtual-machines",
  "vm-licenses",
  "app-service",
  "azure-sql",
  "cosmos-db",
  "aks",
  "functions",
  "storage",
  "azure-openai",
  "synapse",
  "fabric",
  "key-vault",
];
const WORKLOADS: Record<AreaSlug, readonly string[]> = {
  "data-ai": AZURE_WORKLOADS,
  infrastructure: AZURE_WORKLOADS,
  "digital-app-innovation": AZURE_WORKLOADS,
  "business-applications": [
    "dynamics-sales",
    "dynamics-customer-service",
    "dynamics-field-service",
    "power-apps",
    "power-automate",
    "business-central",
  ],
  "modern-work": ["teams", "exchange-online", "sharepoint", "onedrive", "intune", "copilot"],
  security: ["defender-endpoint", "defender-office", "defender-cloud", "sentinel", "entra-id-p2", "purview"],
};
const EXAMS = [
  ["AZ-900", "fundamentals", 14],
  ["AI-900", "fundamentals", 8],
  ["SC-900", "fundamentals", 5],
  ["MS-900", "fundamentals", 6],
  ["PL-900", "fundamentals", 5],
  ["AZ-104", "advanced", 12],
  ["AZ-305", "advanced", 8],
  ["AI-102", "advanced", 6],
  ["SC-200", "advanced", 6],
  ["MS-700", "advanced", 5],
  ["PL-300", "advanced", 9],
  ["DP-203", "advanced", 5],
  ["AZ-204", "advanced", 7],
  ["MB-230", "advanced", 4],
] as const;
// Exam codes as imports carry them (a catalog entry is a credential, SPEC §4.3 corrections).
const CERT_CODES = [...examCodes(CATALOG_2026)].sort();

// Course popularity: the demo catalog (every category, every area and one course with none).
const COURSE_WEIGHTS: [string, number][] = DEMO_COURSES.map(([code, , , category], i) => [
  code,
  (category === "fundamentals" ? 6 : category === "two-days-or-less" ? 4 : 5) + (i % 4),
]);
const COURSE_INDEX = new Map(DEMO_COURSES.map(([code], i) => [code, i]));

export function kindCounts(scale: number): KindCounts {
  const n = Math.max(1, Math.round(scale));
  const customers = Math.max(2, Math.round(n / 20));
  return {
    "courseware-completions": n,
    "exam-vouchers": Math.max(1, Math.round(n / 5)),
    "mtm-surveys": Math.max(1, Math.round(n / 5)),
    customers,
    certifications: Math.max(2, Math.round(n / 50)),
    usage: AREA_SLUGS.reduce((s, a) => s + MEASURES[a].length, 0) * ASSOCIATIONS.length * 24,
    deployments: Math.min(customers * 5, Math.max(2, Math.round(n / 10))), // ≤ 5 per customer row keeps keys unique
  };
}

export const HEADERS: Record<Exclude<ImportKind, "courses">, string[]> = {
  "courseware-completions": ["achievement_code", "course_code", "redeemed_on"],
  "exam-vouchers": ["voucher_id", "exam_code", "level", "purchased_on"],
  "mtm-surveys": ["survey_id", "course_code", "completed_on", "q1", "q2", "q3", "q4", "q5", "comments"],
  customers: [
    "customer_id",
    "customer_name",
    "solution_area",
    "segment",
    "association",
    "eligible_from",
    "eligible_until",
  ],
  certifications: ["person_id", "person_name", "certification_code", "earned_on", "expires_on"],
  usage: ["solution_area", "association", "measure", "month", "value"],
  deployments: ["customer_id", "solution_area", "workload", "association", "deployed_on", "removed_on"],
};

/** A month picker over `months` with a gentle upward trend (a growing business), plus a day in it. */
function datePicker(months: string[]) {
  const cumulative: number[] = [];
  let total = 0;
  months.forEach((_, k) => cumulative.push((total += 0.75 + (0.5 * k) / Math.max(1, months.length - 1))));
  return (r1: number, r2: number): string => {
    const x = r1 * total;
    let k = 0;
    while (k < months.length - 1 && cumulative[k]! <= x) k++;
    const month = months[k]!;
    const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
    return `${month}-${String(1 + Math.floor(r2 * days)).padStart(2, "0")}`;
  };
}

/** The 24 months ending with the window's last month (the window and the year before it). */
export function months24(dataThrough: string): string[] {
  const last = windowFor(dataThrough).lastMonth;
  return Array.from({ length: 24 }, (_, k) => shiftMonth(last, k - 23));
}

function answerFor(r: number, p5: number): string {
  if (r < 0.04) return ""; // unanswered
  const x = (r - 0.04) / 0.96;
  if (x < p5) return "5";
  if (x < p5 + 0.33) return "4";
  if (x < p5 + 0.43) return "3";
  if (x < p5 + 0.47) return "2";
  return "1";
}

type RowFn = (i: number) => string;

/** The row generators of one organization (each returns one CSV line with its \n). */
export function rowGenerators(o: GenOptions) {
  const counts = kindCounts(o.scale);
  const months = months24(o.dataThrough);
  const date24 = datePicker(months);
  const end = o.dataThrough;
  const start36 = addDays(end, -3 * 365);
  const spanDays = daysBetween(start36, end);
  const dayIn36 = (r: number) => addDays(start36, Math.floor(r * spanDays));
  const salt = o.seed * 7919;
  const usageSeries = AREA_SLUGS.flatMap((area) => MEASURES[area].map(([measure, base]) => ({ area, measure, base })));

  const customer = (r: number) => {
    const pair = r >> 1;
    const p = rowRng(o.seed, STREAM.customers, pair);
    const area = weighted(p(), AREA_WEIGHTS) as AreaSlug;
    const segment = p() < 0.7 ? "smb" : "enterprise";
    const first = ASSOCIATIONS.indexOf(weighted(p(), ASSOCIATION_WEIGHTS));
    const second = (first + 1 + Math.floor(p() * 3)) % 4; // the pair's other row: another association
    const association = ASSOCIATIONS[r & 1 ? second : first]!;
    const named = p();
    const code = scramble(pair, salt);
    return {
      id: `CUS-${code}`,
      name: named < 0.2 ? `"Contoso ${code}, Ltd"` : `Customer ${code}`,
      area,
      segment,
      association,
    };
  };

  const rows: Record<keyof KindCounts, RowFn> = {
    "courseware-completions": (i) => {
      const r = rowRng(o.seed, STREAM.completions, i);
      return `ACH-${scramble(i, salt)},${weighted(r(), COURSE_WEIGHTS)},${date24(r(), r())}\n`;
    },
    "exam-vouchers": (i) => {
      const r = rowRng(o.seed, STREAM.vouchers, i);
      const exam = weighted(
        r(),
        EXAMS.map((e) => [e, e[2]] as const),
      );
      return `VOU-${scramble(i, salt)},${exam[0]},${exam[1]},${date24(r(), r())}\n`;
    },
    "mtm-surveys": (i) => {
      const r = rowRng(o.seed, STREAM.surveys, i);
      const course = weighted(r(), COURSE_WEIGHTS);
      const p5 = 0.42 + 0.035 * ((COURSE_INDEX.get(course) ?? 0) % 4);
      const answers = [r(), r(), r(), r(), r()].map((x) => answerFor(x, p5)).join(",");
      const c = r();
      const comment = c < 0.05 ? `"Clear, practical"` : c < 0.1 ? "Great trainer" : "";
      return `SUR-${scramble(i, salt)},${course},${date24(r(), r())},${answers},${comment}\n`;
    },
    customers: (i) => {
      const c = customer(i);
      const r = rowRng(o.seed, STREAM.customers, 0x40000000 + i);
      const from = dayIn36(r());
      const until = r() < 0.15 ? addDays(from, 30 + Math.floor(r() * 700)) : "";
      return `${c.id},${c.name},${c.area},${c.segment},${c.association},${from},${until}\n`;
    },
    certifications: (i) => {
      const person = i >> 1;
      const p = rowRng(o.seed, STREAM.certifications, person);
      const base = Math.floor(p() * CERT_CODES.length);
      const code = CERT_CODES[(base + (i & 1) * (1 + Math.floor(p() * (CERT_CODES.length - 1)))) % CERT_CODES.length]!;
      const r = rowRng(o.seed, STREAM.certifications, 0x40000000 + i);
      const earned = dayIn36(r());
      const expires = r() < 0.1 ? "" : addDays(earned, 365 + Math.floor(r() * 365));
      return `PER-${scramble(person, salt)},Person ${scramble(person, salt + 1)},${code},${earned},${expires}\n`;
    },
    usage: (i) => {
      // i enumerates area × measure × association × month.
      const month = months[i % 24]!;
      let rest = Math.floor(i / 24);
      const association = ASSOCIATIONS[rest % ASSOCIATIONS.length]!;
      rest = Math.floor(rest / ASSOCIATIONS.length);
      const { area, measure, base } = usageSeries[rest]!;
      const r = rowRng(o.seed, STREAM.usage, i);
      const k = i % 24;
      const value =
        ((((base * o.scale) / 1_000_000) * (ASSOCIATIONS.indexOf(association) + 1)) / 4) *
        (1 + (0.45 * k) / 23) *
        (0.9 + 0.2 * r());
      return `${area},${association},${measure},${month},${value.toFixed(2)}\n`;
    },
    deployments: (i) => {
      const owner = i % counts.customers;
      const nth = Math.floor(i / counts.customers);
      const c = customer(owner);
      const list = WORKLOADS[c.area];
      const offset = Math.floor(rowRng(o.seed, STREAM.deployments, owner)() * list.length);
      const r = rowRng(o.seed, STREAM.deployments, 0x40000000 + i);
      const deployed = dayIn36(r());
      const removed = r() < 0.2 ? addDays(deployed, 30 + Math.floor(r() * 500)) : "";
      return `${c.id},${c.area},${list[(offset + nth) % list.length]},${c.association},${deployed},${removed}\n`;
    },
  };
  return { counts, rows };
}

/** A 1M-row-style completions file for the import benchmark: every row inside the window. */
export function importFileRow(seed: number, dataThrough: string): RowFn {
  const pickDate = datePicker(windowFor(dataThrough).months);
  const codes = DEMO_COURSES.map((c) => c[0]);
  return (i) => {
    const r = rowRng(seed, STREAM.importFile, i);
    return `IMP-${scramble(i, seed)},${pick(r(), codes)},${pickDate(r(), r())}\n`;
  };
}

export const CHUNK_CHARS = 64 * 1024;

/** The CSV file (header + rows 0..count-1) as ~64 KiB text chunks. */
export function* csvChunks(header: string[], count: number, row: RowFn): Generator<string> {
  let chunk = `${header.join(",")}\n`;
  for (let i = 0; i < count; i++) {
    chunk += row(i);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}
