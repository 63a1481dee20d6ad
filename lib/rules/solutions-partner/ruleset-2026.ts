// SPEC §4.3 — the Solutions Partner ruleset in force from 2026, as data, with the section's
// "Corrections from Microsoft's published 2026 pages" applied in place: they correct what the
// 2026 pages always said (they are not a later change), so they apply from the ruleset's own
// effective date. The id names the corrected version, so no snapshot of the uncorrected rules is reused.
// Per-unit points = max ÷ threshold; thresholds are the amount earning the max.
import type { AreaSlug } from "../areas";
import { CATALOG_2026, type CertLevel, type CertStep, codesFor } from "./certification-catalog";
import { credentialsText, credentialText } from "./credentials";
import type { MetricRule, SpRuleset, StepRule, WorkloadFamily } from "./types";

type CertScope = [area: AreaSlug, level: CertLevel, step: CertStep | null];
/** The credentials of a scope in words, as the catalog has them (new codes, counts-until days). */
const creds = (...[area, level, step]: CertScope) => credentialsText(CATALOG_2026, area, level, step);
/** "A", "A or B", "A, B or C" (credentials where any one will do). */
const anyOf = (...[area, level, step]: CertScope) => {
  const xs = codesFor(CATALOG_2026, area, level, step).map((c) => credentialText(CATALOG_2026, c));
  return xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} or ${xs[xs.length - 1]}`;
};
/** SPEC §4.3 corrections: deployments per tenant (Modern Work, Security), not per workload. */
const PER_TENANT = "a customer (tenant) counts once however many workloads it deploys";

// ---- Modern Work (both tracks computed; customer bands are descriptive only) -------------------
const modernWork = (t: "enterprise" | "smb"): MetricRule[] => {
  const ent = t === "enterprise";
  const second = ent ? "dpor" : "csp"; // Enterprise: CPOR/DPOR; SMB: CPOR/CSP
  return [
    {
      id: "net-customer-adds",
      category: "performance",
      max: 20,
      source: "customers",
      associations: { mode: "pool", associations: ["cpor", second], threshold: ent ? 5 : 10 },
      criteria: `Net increase of ${ent ? 5 : 10} ${ent ? "Enterprise (more than 300 paid licences)" : "SMB (11–300 paid licences)"} customers over 12 months, CPOR and ${second.toUpperCase()} pooled.`,
    },
    {
      id: "intermediate-certifications",
      category: "skilling",
      max: 10,
      source: "certifications",
      level: "intermediate",
      model: { kind: "proportional", threshold: ent ? 4 : 2 },
      criteria: `${ent ? 4 : 2} people holding an intermediate Modern Work certification (${creds("modern-work", "intermediate", null)}).`,
    },
    {
      id: "advanced-certifications",
      category: "skilling",
      max: 15,
      source: "certifications",
      level: "advanced",
      model: { kind: "proportional", threshold: ent ? 2 : 1 },
      criteria: `${ent ? "2 people" : "1 person"} holding an advanced Modern Work certification (${creds("modern-work", "advanced", null)}).`,
    },
    {
      id: "usage-growth",
      category: "customer-success",
      max: 30,
      source: "usage",
      mode: "absolute",
      parts: [
        {
          measure: "active-users",
          label: "Active users",
          associations: {
            mode: "options",
            options: [
              { association: "cpor", threshold: ent ? 1000 : 500 },
              { association: second, threshold: ent ? 4000 : 2000 },
            ],
          },
        },
      ],
      criteria: ent
        ? "Growth in active users last month vs a year earlier: 1,000 via CPOR or 4,000 via DPOR (the better option counts)."
        : "Growth in active users last month vs a year earlier: 500 via CPOR or 2,000 via CSP (the better option counts).",
    },
    {
      id: "deployments",
      category: "customer-success",
      max: 25,
      source: "deployments",
      unit: "customer",
      associations: {
        mode: "options",
        options: [
          { association: "cpor", threshold: 5 },
          { association: second, threshold: 10 },
        ],
      },
      criteria: `Net new customers (tenants) with a qualifying deployment (at least 40% of paid licences active): 5 via CPOR or 10 via ${second.toUpperCase()} (the better option counts); ${PER_TENANT}.`,
    },
  ];
};

// ---- Security (both tracks computed; PAL, CSP and CPOR pooled; no advanced metric) --------------
const SECURITY_POOL = ["cpor", "csp", "pal"] as const;
const securitySteps: Record<"enterprise" | "smb", StepRule[]> = {
  enterprise: [
    { step: "step1", role: "gate", minPersons: 2, label: "step 1" },
    { step: "step2", role: "gate", minPersons: 2, label: "step 2" },
    { step: "step3", role: "elective", pointsPerPerson: { num: 40, den: 6 }, label: "step 3" },
  ],
  smb: [
    { step: "step1", role: "required", minPersons: 1, points: 4, label: "step 1" },
    { step: "step2", role: "required", minPersons: 1, points: 4, label: "step 2" },
    { step: "step3", role: "elective", pointsPerPerson: 8, label: "step 3" },
  ],
};
const security = (t: "enterprise" | "smb"): MetricRule[] => {
  const ent = t === "enterprise";
  const usd = ent ? 1250 : 750;
  const users = ent ? 125 : 50;
  return [
    {
      id: "net-customer-adds",
      category: "performance",
      max: 20,
      source: "customers",
      associations: { mode: "pool", associations: SECURITY_POOL, threshold: ent ? 10 : 5 },
      criteria: `Net increase of ${ent ? 10 : 5} ${ent ? "Enterprise" : "SMB"} customers over 12 months (PAL, CSP and CPOR pooled).`,
    },
    {
      id: "intermediate-certifications",
      category: "skilling",
      max: 40,
      source: "certifications",
      level: "intermediate",
      model: { kind: "steps", steps: securitySteps[t] },
      criteria: ent
        ? `Step 1: at least 2 people with ${anyOf("security", "intermediate", "step1")}; step 2: at least 2 people with ${anyOf("security", "intermediate", "step2")}; then 40/6 points per person with ${anyOf("security", "intermediate", "step3")} (6 people for the full 40).`
        : `Step 1: 4 points with 1 person holding ${anyOf("security", "intermediate", "step1")}; step 2: 4 points with 1 person holding ${anyOf("security", "intermediate", "step2")}; then 8 points per person with ${anyOf("security", "intermediate", "step3")} once steps 1 and 2 are met.`,
    },
    {
      id: "deployments",
      category: "customer-success",
      max: 20,
      source: "deployments",
      unit: "customer",
      associations: { mode: "pool", associations: SECURITY_POOL, threshold: 6 },
      criteria: `6 net new customers (tenants) with a security deployment over 12 months (PAL, CSP and CPOR pooled); ${PER_TENANT}.`,
    },
    {
      id: "usage-growth",
      category: "customer-success",
      max: 20,
      source: "usage",
      mode: "absolute",
      parts: [
        {
          measure: "security-consumption-usd",
          label: "Azure security consumption (USD)",
          associations: { mode: "pool", associations: SECURITY_POOL, threshold: 20 * usd },
        },
        {
          measure: "protected-users",
          label: "Microsoft 365 protected users",
          associations: { mode: "pool", associations: SECURITY_POOL, threshold: 20 * users },
        },
      ],
      criteria: `1 point per ${usd.toLocaleString("en-US")} USD of Azure security consumption growth plus 1 point per ${users} more protected users (Microsoft 365), added and capped at 20.`,
    },
  ];
};

// ---- Business Applications (assigned track; CPOR, CSP, DPOR and PAL pooled) --------------------
// SPEC §4.3 corrections: net customer adds count CPOR, CSP and DPOR only; a deployment counts only
// through its workload family's associations.
const BA_POOL = ["cpor", "dpor", "csp", "pal"] as const;
const BA_CUSTOMER_POOL = ["cpor", "dpor", "csp"] as const;
const BA_FAMILIES: readonly WorkloadFamily[] = [
  {
    label: "Power Platform and Customer Insights",
    workloads: ["power-apps", "power-automate", "power-pages", "copilot-studio", "customer-insights"],
    associations: ["pal"],
  },
  { label: "Dynamics 365", workloads: "other", associations: ["cpor", "dpor", "csp"] },
];
const businessApplications = (t: "enterprise" | "smb"): MetricRule[] => {
  const ent = t === "enterprise";
  const baseline = ent ? 50_000 : 25_000;
  return [
    {
      id: "net-customer-adds",
      category: "performance",
      max: 15,
      source: "customers",
      associations: { mode: "pool", associations: BA_CUSTOMER_POOL, threshold: 5 },
      criteria: `Net increase of 5 ${ent ? "Enterprise" : "SMB"} customers over 12 months (CPOR, CSP and DPOR pooled; PAL does not count).`,
    },
    {
      id: "intermediate-certifications",
      category: "skilling",
      max: 20,
      source: "certifications",
      level: "intermediate",
      model: { kind: "proportional", threshold: ent ? 20 : 5 },
      criteria: `${ent ? 20 : 5} people holding an intermediate Business Applications certification.`,
    },
    {
      id: "advanced-certifications",
      category: "skilling",
      max: 15,
      source: "certifications",
      level: "advanced",
      model: { kind: "proportional", threshold: ent ? 7 : 2 },
      criteria: `${ent ? 7 : 2} people holding an advanced Business Applications certification.`,
    },
    {
      id: "usage-growth",
      category: "customer-success",
      max: 30,
      source: "usage",
      mode: "percentage",
      parts: [
        {
          measure: "consumption-value",
          label: "Monthly consumption value",
          associations: { mode: "pool", associations: BA_POOL, threshold: 30 },
          entry: { kind: "baseline-at-least", amount: baseline },
        },
      ],
      criteria: `30% growth in monthly consumption value last month vs a year earlier; counts only when the value a year earlier was at least ${baseline.toLocaleString("en-US")}.`,
    },
    {
      id: "deployments",
      category: "customer-success",
      max: 20,
      source: "deployments",
      unit: "customer-workload",
      associations: { mode: "pool", associations: BA_POOL, threshold: 5 },
      families: BA_FAMILIES,
      criteria:
        "5 net new Business Applications deployments (customer and workload) over 12 months: Power Platform and Customer Insights workloads (Power Apps, Power Automate, Power Pages, Copilot Studio, Customer Insights) count through PAL only; Dynamics 365 workloads through CPOR, CSP or DPOR.",
    },
  ];
};

// ---- Azure areas (assigned track; performance and customer success shared; PAL, CSP, DPOR) -----
const AZ_POOL = ["dpor", "csp", "pal"] as const;
const azureNetAdds = (t: "enterprise" | "smb"): MetricRule => ({
  id: "net-customer-adds",
  category: "performance",
  max: 30,
  source: "customers",
  associations: { mode: "pool", associations: AZ_POOL, threshold: 3 },
  criteria: `Net increase of 3 ${t === "enterprise" ? "Enterprise" : "SMB"} customers over 12 months (PAL, CSP and DPOR pooled).`,
});
const AZURE_USAGE: MetricRule = {
  id: "usage-growth",
  category: "customer-success",
  max: 20,
  source: "usage",
  mode: "percentage",
  parts: [
    {
      measure: "azure-consumption-usd",
      label: "Azure consumption (USD)",
      associations: { mode: "pool", associations: AZ_POOL, threshold: 20 },
      entry: { kind: "window-total-at-least", amount: 1000 },
    },
  ],
  criteria:
    "20% growth in Azure consumption last month vs a year earlier; scored only when the 12-month total is at least 1,000 USD.",
};
const AZURE_SERVICES: MetricRule = {
  id: "deployments",
  category: "customer-success",
  max: 10,
  source: "azure-services",
  associations: { mode: "pool", associations: AZ_POOL, threshold: 5 },
  excludedWorkloads: ["virtual-machines", "vm-licenses"],
  criteria: "5 distinct Azure services with usage in the 12-month window (Virtual Machines excluded).",
};

/** Gate (Enterprise: ≥ 2 people, 0 points) or required step (SMB: 4 points with ≥ 1), then electives. */
const gateThenElectives = (
  t: "enterprise" | "smb",
  gates: { step: "step1" | "step2"; label: string }[],
  perElective: number,
): StepRule[] => [
  ...gates.map(
    (g): StepRule =>
      t === "enterprise"
        ? { step: g.step, role: "gate", minPersons: 2, label: g.label }
        : { step: g.step, role: "required", minPersons: 1, points: 4, label: g.label },
  ),
  { step: "elective", role: "elective", pointsPerPerson: perElective, label: "elective" },
];
const stepsCriteria = (t: "enterprise" | "smb", gateText: string, electives: string, max: number) =>
  t === "enterprise"
    ? `Gate: at least 2 people with ${gateText} (0 points); then 4 points per person with an elective (${electives}), up to ${max}.`
    : `4 points for each step with at least 1 person (${gateText}); 4 points per person with an elective (${electives}) once every step is met, up to ${max}.`;

const dataAi = (t: "enterprise" | "smb"): MetricRule[] => [
  azureNetAdds(t),
  {
    id: "intermediate-certifications",
    category: "skilling",
    max: 40,
    source: "certifications",
    level: "intermediate",
    model: {
      kind: "steps",
      steps: gateThenElectives(
        t,
        [
          { step: "step1", label: "step 1, Azure Administrator" },
          { step: "step2", label: "step 2, Azure Solutions Architect Expert" },
        ],
        4,
      ),
    },
    criteria: stepsCriteria(t, "AZ-104 (step 1) and AZ-305 (step 2)", creds("data-ai", "intermediate", "elective"), 40),
  },
  AZURE_USAGE,
  AZURE_SERVICES,
];

const azureSkilling = (t: "enterprise" | "smb", intElectives: string, advElectives: string): MetricRule[] => [
  {
    id: "intermediate-certifications",
    category: "skilling",
    max: 20,
    source: "certifications",
    level: "intermediate",
    model: { kind: "steps", steps: gateThenElectives(t, [{ step: "step1", label: "Azure Administrator step" }], 4) },
    criteria: stepsCriteria(t, "AZ-104", intElectives, 20),
  },
  {
    id: "advanced-certifications",
    category: "skilling",
    max: 20,
    source: "certifications",
    level: "advanced",
    model: {
      kind: "steps",
      steps: gateThenElectives(t, [{ step: "step1", label: "Azure Solutions Architect Expert step" }], 4),
    },
    criteria: stepsCriteria(t, "AZ-305", advElectives, 20),
  },
];
const infrastructure = (t: "enterprise" | "smb"): MetricRule[] => [
  azureNetAdds(t),
  ...azureSkilling(
    t,
    creds("infrastructure", "intermediate", "elective"),
    creds("infrastructure", "advanced", "elective"),
  ),
  AZURE_USAGE,
  AZURE_SERVICES,
];
const appInnovation = (t: "enterprise" | "smb"): MetricRule[] => [
  azureNetAdds(t),
  ...azureSkilling(
    t,
    creds("digital-app-innovation", "intermediate", "elective"),
    creds("digital-app-innovation", "advanced", "elective"),
  ),
  AZURE_USAGE,
  AZURE_SERVICES,
];

const AZURE_TRACK = { kind: "smb-share", smbShareAtLeast: { num: 4, den: 5 } } as const;

export const RULESET_2026: SpRuleset = {
  id: "sp-2026.2",
  effectiveFrom: "2026-01-01",
  passMark: 70,
  catalog: CATALOG_2026,
  areas: {
    "data-ai": { trackRule: AZURE_TRACK, tracks: { enterprise: dataAi("enterprise"), smb: dataAi("smb") } },
    infrastructure: {
      trackRule: AZURE_TRACK,
      tracks: { enterprise: infrastructure("enterprise"), smb: infrastructure("smb") },
    },
    "digital-app-innovation": {
      trackRule: AZURE_TRACK,
      tracks: { enterprise: appInnovation("enterprise"), smb: appInnovation("smb") },
    },
    "business-applications": {
      trackRule: { kind: "enterprise-customers", atLeast: 5 },
      trackBands: {
        enterprise:
          "At least 5 Business Applications customers in the enterprise segment (≥ 5 workloads each earning > 5,000 USD a month per tenant).",
        smb: "Fewer than 5 enterprise-segment Business Applications customers.",
      },
      tracks: { enterprise: businessApplications("enterprise"), smb: businessApplications("smb") },
    },
    "modern-work": {
      trackRule: { kind: "best-of" },
      trackBands: {
        enterprise: "Customers with more than 300 paid licences on an eligible workload.",
        smb: "Customers with 11–300 paid licences.",
      },
      tracks: { enterprise: modernWork("enterprise"), smb: modernWork("smb") },
    },
    security: { trackRule: { kind: "best-of" }, tracks: { enterprise: security("enterprise"), smb: security("smb") } },
  },
};
