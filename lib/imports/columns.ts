// SPEC §6 — the import kinds and their CSV columns, as plain data (safe for client components:
// the import page shows them; the server-side rules per row live in kinds-*.ts).

export const IMPORT_KINDS = [
  "courses",
  "courseware-completions",
  "exam-vouchers",
  "mtm-surveys",
  "customers",
  "certifications",
  "usage",
  "deployments",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export type ColumnInfo = { name: string; required: boolean; hint: string };

export type KindInfo = {
  kind: ImportKind;
  label: string;
  /** Shared catalog (no organization) — only `courses`. */
  shared: boolean;
  columns: ColumnInfo[];
  /** mtm-surveys: columns beyond these are kept as other answers, never counted. */
  extraColumns: boolean;
  key: string[];
};

const req = (name: string, hint: string): ColumnInfo => ({ name, required: true, hint });
const opt = (name: string, hint: string): ColumnInfo => ({ name, required: false, hint });
const DATE = "date YYYY-MM-DD";
const AREA =
  "solution area slug (data-ai, infrastructure, digital-app-innovation, business-applications, modern-work, security)";
const ASSOCIATION = "cpor, dpor, csp or pal";

export const KIND_INFO: Record<ImportKind, KindInfo> = {
  courses: {
    kind: "courses",
    label: "Course catalog",
    shared: true,
    extraColumns: false,
    key: ["course_code"],
    columns: [
      req("course_code", "course code"),
      req("title", "course title"),
      req("solution_area", `${AREA}, or empty for none`),
      req("category", "fundamentals, two-days-or-less or three-days-or-more"),
      opt("duration_days", "official duration in whole days"),
    ],
  },
  "courseware-completions": {
    kind: "courseware-completions",
    label: "Courseware completions",
    shared: false,
    extraColumns: false,
    key: ["achievement_code"],
    columns: [
      req("achievement_code", "unique achievement code"),
      req("course_code", "a course of the catalog"),
      req("redeemed_on", DATE),
    ],
  },
  "exam-vouchers": {
    kind: "exam-vouchers",
    label: "Exam vouchers",
    shared: false,
    extraColumns: false,
    key: ["voucher_id"],
    columns: [
      req("voucher_id", "unique voucher id"),
      req("exam_code", "exam code"),
      req("level", "fundamentals or advanced"),
      req("purchased_on", DATE),
    ],
  },
  "mtm-surveys": {
    kind: "mtm-surveys",
    label: "MTM surveys",
    shared: false,
    extraColumns: true,
    key: ["survey_id"],
    columns: [
      req("survey_id", "unique survey id"),
      req("course_code", "a course of the catalog"),
      req("completed_on", DATE),
      ...[1, 2, 3, 4, 5].map((n) => req(`q${n}`, "1 to 5, or empty when unanswered")),
    ],
  },
  customers: {
    kind: "customers",
    label: "Customers",
    shared: false,
    extraColumns: false,
    key: ["customer_id", "solution_area", "association"],
    columns: [
      req("customer_id", "customer tenant id"),
      req("customer_name", "customer name"),
      req("solution_area", AREA),
      req("segment", "enterprise or smb"),
      req("association", ASSOCIATION),
      req("eligible_from", DATE),
      opt("eligible_until", `${DATE}, empty while eligible`),
    ],
  },
  certifications: {
    kind: "certifications",
    label: "Certifications",
    shared: false,
    extraColumns: false,
    key: ["person_id", "certification_code"],
    columns: [
      req("person_id", "person id"),
      req("person_name", "person name"),
      req("certification_code", "exam-style code such as AZ-104"),
      req("earned_on", DATE),
      opt("expires_on", `${DATE}, empty when it never expires`),
    ],
  },
  usage: {
    kind: "usage",
    label: "Usage",
    shared: false,
    extraColumns: false,
    key: ["solution_area", "association", "measure", "month"],
    columns: [
      req("solution_area", AREA),
      req("association", ASSOCIATION),
      req(
        "measure",
        "azure-consumption-usd, active-users, protected-users, security-consumption-usd or consumption-value",
      ),
      req("month", "month YYYY-MM"),
      req("value", "a decimal number such as 1234.5 (no thousands separators)"),
    ],
  },
  deployments: {
    kind: "deployments",
    label: "Deployments",
    shared: false,
    extraColumns: false,
    key: ["customer_id", "solution_area", "workload", "association"],
    columns: [
      req("customer_id", "customer tenant id"),
      req("solution_area", AREA),
      req("workload", "workload or Azure service id"),
      req("association", ASSOCIATION),
      req("deployed_on", DATE),
      opt("removed_on", `${DATE}, empty while active`),
    ],
  },
};

/** What an organization's users may import: everything but the shared catalog (SPEC §6). */
export const ORG_IMPORT_KINDS: ImportKind[] = IMPORT_KINDS.filter((k) => !KIND_INFO[k].shared);

/** SPEC §6: an organization's user asking to import the shared catalog is told who maintains it. */
export const CATALOG_REFUSAL =
  "The course catalog is shared by every organization and is maintained by the operator of this instance: ask them to update a course. Nothing was imported.";

const NUMBER = new Intl.NumberFormat("en-US");

/** "12,345 rows imported, data through 2026-10-31." */
export function successMessage(rows: number, dataThrough: string): string {
  return `${NUMBER.format(rows)} ${rows === 1 ? "row" : "rows"} imported, data through ${dataThrough}.`;
}

export function formatCount(n: number): string {
  return NUMBER.format(n);
}
