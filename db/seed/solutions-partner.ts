import { defaultDataThrough, windowFor } from "@/lib/rules/time";

// Demo Solutions Partner data as CSV (through the real import path). SPEC §4:
// Contoso qualifies in Modern Work on the SMB track while its Enterprise track falls short
// (SMB 100, Enterprise 60.5); Fabrikam's Security reaches 80 points with Deployments at 0;
// Northwind qualifies in Modern Work but two of its certifications expire within 90 days.
const csv = (header: string[], rows: (string | number)[][]) =>
  `${[header.join(","), ...rows.map((r) => r.join(","))].join("\n")}\n`;

export type SpDemoCsvs = { customers: string; certifications: string; usage: string; deployments: string };

function modernWork(prefix: string, lastMonth: string, yearEarlier: string, expiring: string | null) {
  const since = `${lastMonth.slice(0, 4)}-01-15`;
  const customers = [
    ...Array.from({ length: 10 }, (_, i) => [
      `${prefix}-MW-S${i + 1}`,
      `"${prefix} SMB customer ${i + 1}"`,
      "modern-work",
      "smb",
      "cpor",
      since,
      "",
    ]),
    ...Array.from({ length: 2 }, (_, i) => [
      `${prefix}-MW-E${i + 1}`,
      `"${prefix} Enterprise customer ${i + 1}"`,
      "modern-work",
      "enterprise",
      "cpor",
      since,
      "",
    ]),
  ];
  const certifications = [
    [`${prefix}-P1`, "Ada Lovelace", "MS-700", "2025-03-01", expiring ?? "2027-06-30"],
    [`${prefix}-P2`, "Grace Hopper", "SC-300", "2025-04-01", expiring ?? "2027-06-30"],
    [`${prefix}-P3`, "Alan Turing", "MS-102", "2025-05-01", "2027-09-30"],
  ];
  const usage = [
    ["modern-work", "cpor", "active-users", yearEarlier, 1000],
    ["modern-work", "cpor", "active-users", lastMonth, 1500],
  ];
  const deployments = Array.from({ length: 5 }, (_, i) => [
    `${prefix}-MW-S${i + 1}`,
    "modern-work",
    "teams",
    "cpor",
    since,
    "",
  ]);
  return { customers, certifications, usage, deployments };
}

/**
 * SPEC §4.1 "show one decimal" at the rounding boundary: Modern Work Enterprise totals exactly
 * 70.05 (net adds 4 → 16, intermediate 4 people → 10, advanced 2 → 15, usage growth 635 users →
 * 19.05, deployments 2 → 10), shown 70.1 everywhere; one advanced certification expires on
 * 12-15, within 90 days, leaving exactly 62.55, shown 62.6. A float's toFixed(1) shows 70.0 and 62.5.
 */
function roundingBoundary(prefix: string, lastMonth: string, yearEarlier: string) {
  const since = `${lastMonth.slice(0, 4)}-01-15`;
  const later = "2027-06-30";
  return {
    customers: Array.from({ length: 4 }, (_, i) => [
      `${prefix}-MW-E${i + 1}`,
      `"${prefix} Enterprise customer ${i + 1}"`,
      "modern-work",
      "enterprise",
      "cpor",
      since,
      "",
    ]),
    certifications: [
      ...["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra"].map((name, i) => [
        `${prefix}-P${i + 1}`,
        name,
        "MS-700",
        "2025-03-01",
        later,
      ]),
      [`${prefix}-P5`, "Barbara Liskov", "MS-102", "2025-05-01", later],
      [`${prefix}-P6`, "Donald Knuth", "MS-102", "2025-05-01", `${lastMonth.slice(0, 4)}-12-15`],
    ],
    usage: [
      ["modern-work", "cpor", "active-users", yearEarlier, 1000],
      ["modern-work", "cpor", "active-users", lastMonth, 1635],
    ],
    deployments: [1, 2].map((i) => [`${prefix}-MW-E${i}`, "modern-work", "teams", "cpor", since, ""]),
  };
}

function security(prefix: string, lastMonth: string, yearEarlier: string) {
  const since = `${lastMonth.slice(0, 4)}-02-01`;
  return {
    customers: Array.from({ length: 5 }, (_, i) => [
      `${prefix}-SEC-${i + 1}`,
      `"${prefix} security customer ${i + 1}"`,
      "security",
      "smb",
      "cpor",
      since,
      "",
    ]),
    certifications: [
      [`${prefix}-S1`, "Katherine Johnson", "AZ-500", "2025-06-01", "2027-06-01"],
      [`${prefix}-S2`, "Dorothy Vaughan", "SC-200", "2025-06-01", "2027-06-01"],
      ...["SC-100", "SC-300", "SC-401", "SC-100"].map((code, i) => [
        `${prefix}-S${i + 3}`,
        `"Analyst ${i + 1}"`,
        code,
        "2025-07-01",
        "2027-07-01",
      ]),
    ],
    usage: [
      ["security", "cpor", "security-consumption-usd", yearEarlier, 10000],
      ["security", "cpor", "security-consumption-usd", lastMonth, 25000],
    ],
    deployments: [] as (string | number)[][],
  };
}

export function solutionsPartnerCsvs(
  kind: "mw-smb" | "security-80" | "expiring" | "rounding-70-05",
  today: string,
  prefix: string,
): SpDemoCsvs {
  const w = windowFor(defaultDataThrough(today));
  const parts =
    kind === "security-80"
      ? [security(prefix, w.lastMonth, w.yearEarlierMonth)]
      : kind === "rounding-70-05"
        ? [roundingBoundary(prefix, w.lastMonth, w.yearEarlierMonth)]
        : [
            modernWork(
              prefix,
              w.lastMonth,
              w.yearEarlierMonth,
              kind === "expiring" ? `${w.end.slice(0, 4)}-12-15` : null,
            ),
          ];
  const all = <K extends keyof ReturnType<typeof modernWork>>(k: K) => parts.flatMap((p) => p[k]);
  return {
    customers: csv(
      ["customer_id", "customer_name", "solution_area", "segment", "association", "eligible_from", "eligible_until"],
      all("customers"),
    ),
    certifications: csv(
      ["person_id", "person_name", "certification_code", "earned_on", "expires_on"],
      all("certifications"),
    ),
    usage: csv(["solution_area", "association", "measure", "month", "value"], all("usage")),
    deployments: csv(
      ["customer_id", "solution_area", "workload", "association", "deployed_on", "removed_on"],
      all("deployments"),
    ),
  };
}
