import { defaultDataThrough, windowFor } from "@/lib/rules/time";

// Demo Training Services data as CSV (it goes through the real import path). SPEC §3:
// one organization qualifies with two areas, one is close (courseware at 999.5 points),
// one has nothing. Dates are spread over the window that "today" implies.
export const DEMO_COURSES: [code: string, title: string, area: string, category: string, days: string][] = [
  ["AZ-900T00", "Microsoft Azure Fundamentals", "infrastructure", "fundamentals", "1"],
  ["AI-900T00", "Microsoft Azure AI Fundamentals", "data-ai", "fundamentals", "1"],
  ["MB-910T00", "Dynamics 365 Fundamentals (CRM)", "business-applications", "fundamentals", "1"],
  ["MS-900T01", "Microsoft 365 Fundamentals", "modern-work", "fundamentals", "1"],
  ["SC-900T00", "Security, Compliance, and Identity Fundamentals", "security", "fundamentals", "1"],
  ["AZ-104T00", "Microsoft Azure Administrator", "infrastructure", "three-days-or-more", "4"],
  ["AZ-305T00", "Designing Microsoft Azure Infrastructure Solutions", "infrastructure", "three-days-or-more", "4"],
  ["DP-203T00", "Data Engineering on Microsoft Azure", "data-ai", "three-days-or-more", "4"],
  ["AI-102T00", "Develop AI solutions in Azure", "data-ai", "three-days-or-more", "4"],
  ["AZ-204T00", "Developing Solutions for Microsoft Azure", "digital-app-innovation", "three-days-or-more", "5"],
  [
    "AZ-2001",
    "Implement security through a pipeline using Azure DevOps",
    "digital-app-innovation",
    "two-days-or-less",
    "1",
  ],
  ["MB-230T01", "Microsoft Dynamics 365 Customer Service", "business-applications", "three-days-or-more", "4"],
  ["PL-200T00", "Microsoft Power Platform Functional Consultant", "business-applications", "three-days-or-more", "4"],
  ["PL-7001", "Create and manage canvas apps with Power Apps", "business-applications", "two-days-or-less", "1"],
  ["MS-700T00", "Managing Microsoft Teams", "modern-work", "three-days-or-more", "4"],
  [
    "MS-4004",
    "Empower your workforce with Copilot for Microsoft 365 Use Cases",
    "modern-work",
    "two-days-or-less",
    "1",
  ],
  ["SC-200T00", "Microsoft Security Operations Analyst", "security", "three-days-or-more", "4"],
  ["SC-300T00", "Microsoft Identity and Access Administrator", "security", "three-days-or-more", "4"],
  ["SC-5001", "Configure SIEM security operations using Microsoft Sentinel", "security", "two-days-or-less", "1"],
  ["MS-4005", "Craft effective prompts for Microsoft 365 Copilot", "", "two-days-or-less", "1"],
];

const csv = (header: string[], rows: (string | number)[][]) =>
  `${[header.join(","), ...rows.map((r) => r.join(","))].join("\n")}\n`;

function dateIn(months: string[], i: number): string {
  return `${months[i % months.length]}-${String((i % 28) + 1).padStart(2, "0")}`;
}

export function coursesCsv(): string {
  return csv(
    ["course_code", "title", "solution_area", "category", "duration_days"],
    DEMO_COURSES.map((c) => [c[0], `"${c[1]}"`, c[2], c[3], c[4]]),
  );
}

type Plan = {
  completions: [course: string, count: number][];
  vouchers: [level: "fundamentals" | "advanced", count: number][];
  surveys: [course: string, count: number, answers: string[][]][]; // answer patterns cycled
};

// q1..q5 patterns; '' = unanswered. 4.4 = [5,5,4,4,4]; 4.2 = [5,4,4,4,4]; mixing them gives 4.3.
const A44 = [["5", "5", "4", "4", "4"]];
const A43 = [
  ["5", "5", "4", "4", "4"],
  ["5", "4", "4", "4", "4"],
];
const A40 = [
  ["4", "4", "4", "4", "4"],
  ["4", "4", "4", "4", ""],
];
const LOW = [["2", "3", "2", "", ""]];

export const TS_PLANS: Record<"qualified" | "close", Plan> = {
  qualified: {
    completions: [
      ["AZ-104T00", 500],
      ["MB-230T01", 300],
      ["PL-7001", 300],
      ["AZ-900T00", 200],
    ], // 800 + 150 + 100 = 1050
    vouchers: [
      ["advanced", 150],
      ["fundamentals", 120],
    ], // 210
    surveys: [
      ["MB-230T01", 220, A44],
      ["SC-200T00", 210, A43],
      ["MS-4004", 100, A40],
      ["MS-900T01", 80, LOW],
    ],
  },
  close: {
    completions: [
      ["AZ-104T00", 600],
      ["SC-300T00", 300],
      ["SC-5001", 199],
    ], // 900 + 99.5 = 999.5
    vouchers: [
      ["advanced", 190],
      ["fundamentals", 20],
    ], // 200
    surveys: [
      ["MS-700T00", 205, A43],
      ["SC-5001", 120, A44],
    ],
  },
};

export function trainingServicesCsvs(plan: Plan, today: string, prefix: string) {
  const months = windowFor(defaultDataThrough(today)).months;
  let n = 0;
  const completions = plan.completions.flatMap(([course, count]) =>
    Array.from({ length: count }, () => [`${prefix}-ACH-${++n}`, course, dateIn(months, n)]),
  );
  const vouchers = plan.vouchers.flatMap(([level, count]) =>
    Array.from({ length: count }, () => [
      `${prefix}-V-${++n}`,
      level === "advanced" ? "AZ-104" : "AZ-900",
      level,
      dateIn(months, n),
    ]),
  );
  const surveys = plan.surveys.flatMap(([course, count, answers]) =>
    Array.from({ length: count }, (_, i) => [
      `${prefix}-S-${++n}`,
      course,
      dateIn(months, n),
      ...answers[i % answers.length]!,
      i % 3 === 0 ? "Great trainer" : "",
    ]),
  );
  return {
    "courseware-completions": csv(["achievement_code", "course_code", "redeemed_on"], completions),
    "exam-vouchers": csv(["voucher_id", "exam_code", "level", "purchased_on"], vouchers),
    "mtm-surveys": csv(["survey_id", "course_code", "completed_on", "q1", "q2", "q3", "q4", "q5", "comments"], surveys),
  };
}
