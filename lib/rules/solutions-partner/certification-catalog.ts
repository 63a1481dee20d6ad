// SPEC §4.3 — the certification catalog (code → name and, per area, level and step), versioned
// like the rules. One code may count in several areas (AZ-104: step 1 in Data & AI, Infrastructure
// and Digital & App Innovation; PL-300: Data & AI elective and Business Applications intermediate).
// Steps: "step1"/"step2"/"step3" are the numbered steps of §4.3 (the "gate" column of
// Infrastructure / Digital & App Innovation is their step 1); "elective" is an elective step;
// null means the area scores the level proportionally, without steps (Modern Work, Business Apps).
// SPEC §4.3 "Corrections from Microsoft's published 2026 pages": an entry is a *credential*. It may
// need several exams held by the same person (earnedBy: any one list, every exam of it valid), and
// may stop counting for the score on a given day (countsUntil) while the certification stays valid.
// Certification rows arrive one exam code per row; helpers for credentials are in credentials.ts.
import type { AreaSlug } from "../areas";

export type CertLevel = "intermediate" | "advanced";
export type CertStep = "step1" | "step2" | "step3" | "elective";

export type CertificationCount = { area: AreaSlug; level: CertLevel; step: CertStep | null };
export type CertificationEntry = {
  name: string;
  counts: readonly CertificationCount[];
  /** Exam codes that earn the credential: any one list, each exam held by the person and valid. Absent: the entry's own code. */
  earnedBy?: readonly (readonly string[])[];
  /** The last day (YYYY-MM-DD) it counts for the score; after it the credential is ignored even while valid. */
  countsUntil?: string;
};

export type CertificationCatalog = {
  id: string;
  /** First data_through (inclusive, YYYY-MM-DD) this catalog applies to. */
  effectiveFrom: string;
  entries: Readonly<Record<string, CertificationEntry>>;
};

const mw = (level: CertLevel): CertificationCount => ({ area: "modern-work", level, step: null });
const ba = (level: CertLevel): CertificationCount => ({ area: "business-applications", level, step: null });
const sec = (step: CertStep): CertificationCount => ({ area: "security", level: "intermediate", step });
const dai = (step: CertStep): CertificationCount => ({ area: "data-ai", level: "intermediate", step });
const inf = (level: CertLevel, step: CertStep): CertificationCount => ({ area: "infrastructure", level, step });
const app = (level: CertLevel, step: CertStep): CertificationCount => ({ area: "digital-app-innovation", level, step });

export const CATALOG_2026: CertificationCatalog = {
  // The id changed with the corrections (credentials, counts until, new codes): nothing computed
  // with the earlier catalog is reused.
  id: "sp-catalog-2026.2",
  effectiveFrom: "2026-01-01",
  entries: {
    // Modern Work
    "MS-700": { name: "Microsoft 365 Certified: Teams Administrator Associate", counts: [mw("intermediate")] },
    "SC-300": {
      name: "Microsoft Certified: Identity and Access Administrator Associate",
      counts: [mw("intermediate"), sec("step3")],
    },
    "MD-102": { name: "Microsoft 365 Certified: Endpoint Administrator Associate", counts: [mw("intermediate")] },
    "MS-721": {
      name: "Microsoft 365 Certified: Collaboration Communications Systems Engineer Associate",
      counts: [mw("intermediate")],
    },
    "AB-900": {
      name: "Microsoft Certified: Copilot and Agent Administration Fundamentals",
      counts: [mw("intermediate")],
    },
    "MS-900": {
      name: "Microsoft 365 Certified: Fundamentals",
      counts: [mw("intermediate")],
      countsUntil: "2027-03-31",
    },
    "MS-102": {
      name: "Microsoft 365 Certified: Administrator Expert",
      counts: [mw("advanced")],
      countsUntil: "2027-11-30",
    },
    // Security (all intermediate, in steps)
    "AZ-500": { name: "Microsoft Certified: Azure Security Engineer Associate", counts: [sec("step1")] },
    "SC-500": { name: "Microsoft Certified: Cloud and AI Security Engineer Associate", counts: [sec("step1")] },
    "SC-200": { name: "Microsoft Certified: Security Operations Analyst Associate", counts: [sec("step2")] },
    "SC-100": { name: "Microsoft Certified: Cybersecurity Architect Expert", counts: [sec("step3")] },
    "SC-401": { name: "Microsoft Certified: Information Security Administrator Associate", counts: [sec("step3")] },
    "SC-400": {
      name: "Microsoft Certified: Information Protection and Compliance Administrator Associate",
      counts: [sec("step3")],
      countsUntil: "2026-05-31",
    },
    // Azure: gates
    "AZ-104": {
      name: "Microsoft Certified: Azure Administrator Associate",
      counts: [dai("step1"), inf("intermediate", "step1"), app("intermediate", "step1")],
    },
    "AZ-305": {
      name: "Microsoft Certified: Azure Solutions Architect Expert",
      counts: [dai("step2"), inf("advanced", "step1"), app("advanced", "step1")],
    },
    // Data & AI electives
    "DP-300": { name: "Microsoft Certified: Azure Database Administrator Associate", counts: [dai("elective")] },
    "AI-102": { name: "Microsoft Certified: Azure AI Engineer Associate", counts: [dai("elective")] },
    "DP-100": { name: "Microsoft Certified: Azure Data Scientist Associate", counts: [dai("elective")] },
    "PL-300": {
      name: "Microsoft Certified: Power BI Data Analyst Associate",
      counts: [dai("elective"), ba("intermediate")],
    },
    "DP-420": { name: "Microsoft Certified: Azure Cosmos DB Developer Specialty", counts: [dai("elective")] },
    "DP-600": { name: "Microsoft Certified: Fabric Analytics Engineer Associate", counts: [dai("elective")] },
    "DP-700": { name: "Microsoft Certified: Fabric Data Engineer Associate", counts: [dai("elective")] },
    // Infrastructure electives
    "AZ-700": {
      name: "Microsoft Certified: Azure Network Engineer Associate",
      counts: [inf("intermediate", "elective")],
    },
    // One credential, two ways to earn it: AZ-800 and AZ-801 together, or AZ-802 alone.
    "WS-HYBRID-ADMIN": {
      name: "Microsoft Certified: Windows Server Hybrid Administrator Associate",
      counts: [inf("intermediate", "elective")],
      earnedBy: [["AZ-800", "AZ-801"], ["AZ-802"]],
    },
    "AZ-140": { name: "Microsoft Certified: Azure Virtual Desktop Specialty", counts: [inf("advanced", "elective")] },
    "AZ-120": { name: "Microsoft Certified: Azure for SAP Workloads Specialty", counts: [inf("advanced", "elective")] },
    // Digital & App Innovation electives (PL-400 / PL-600 also count in Business Applications)
    "AZ-204": { name: "Microsoft Certified: Azure Developer Associate", counts: [app("intermediate", "elective")] },
    "PL-400": {
      name: "Microsoft Certified: Power Platform Developer Associate",
      counts: [app("intermediate", "elective"), ba("intermediate")],
    },
    "AZ-400": { name: "Microsoft Certified: DevOps Engineer Expert", counts: [app("advanced", "elective")] },
    "PL-600": {
      name: "Microsoft Certified: Power Platform Solution Architect Expert",
      counts: [app("advanced", "elective"), ba("advanced")],
    },
    // Business Applications
    "MB-800": {
      name: "Microsoft Certified: Dynamics 365 Business Central Functional Consultant Associate",
      counts: [ba("intermediate")],
    },
    "MB-230": {
      name: "Microsoft Certified: Dynamics 365 Customer Service Functional Consultant Associate",
      counts: [ba("intermediate")],
    },
    "MB-240": {
      name: "Microsoft Certified: Dynamics 365 Field Service Functional Consultant Associate",
      counts: [ba("intermediate")],
    },
    "MB-310": {
      name: "Microsoft Certified: Dynamics 365 Finance Functional Consultant Associate",
      counts: [ba("intermediate")],
    },
    "MB-330": {
      name: "Microsoft Certified: Dynamics 365 Supply Chain Management Functional Consultant Associate",
      counts: [ba("intermediate")],
    },
    "MB-500": {
      name: "Microsoft Certified: Dynamics 365 Finance and Operations Apps Developer Associate",
      counts: [ba("intermediate")],
    },
    "PL-200": {
      name: "Microsoft Certified: Power Platform Functional Consultant Associate",
      counts: [ba("intermediate")],
    },
    "MB-335": {
      name: "Microsoft Certified: Dynamics 365 Supply Chain Management Functional Consultant Expert",
      counts: [ba("advanced")],
    },
    "MB-700": {
      name: "Microsoft Certified: Dynamics 365 Finance and Operations Apps Solution Architect Expert",
      counts: [ba("advanced")],
    },
    "MB-820": {
      name: "Microsoft Certified: Dynamics 365 Business Central Developer Associate",
      counts: [ba("advanced")],
    },
  },
};

/** Oldest first. Append a new version (later effectiveFrom) to change the catalog. */
export const CERTIFICATION_CATALOGS: readonly CertificationCatalog[] = [CATALOG_2026];

/** The newest catalog with effectiveFrom ≤ dataThrough (YYYY-MM-DD); the oldest if none is. */
export function catalogFor(
  dataThrough: string,
  catalogs: readonly CertificationCatalog[] = CERTIFICATION_CATALOGS,
): CertificationCatalog {
  const sorted = [...catalogs].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.filter((c) => c.effectiveFrom <= dataThrough).pop() ?? sorted[0];
}

/** Codes are compared case-insensitively and without surrounding spaces. */
export function normalizeCertificationCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The exam lists that earn a credential (its own code alone unless the entry says otherwise). */
export function examSets(code: string, entry: CertificationEntry): readonly (readonly string[])[] {
  return entry.earnedBy ?? [[code]];
}

const examCodeSets = new WeakMap<CertificationCatalog, ReadonlySet<string>>();
/** Every exam code an import may carry: the exams of every credential, sorted. */
export function examCodes(catalog: CertificationCatalog): ReadonlySet<string> {
  let set = examCodeSets.get(catalog);
  if (!set) {
    const all = Object.entries(catalog.entries).flatMap(([code, e]) => examSets(code, e).flat());
    examCodeSets.set(catalog, (set = new Set([...all].sort())));
  }
  return set;
}

/** SPEC §6: an unknown certification (exam) code is an import error. */
export function isKnownCertificationCode(catalog: CertificationCatalog, code: string): boolean {
  return examCodes(catalog).has(normalizeCertificationCode(code));
}

/**
 * Credential codes counting for (area, level, step), sorted. step null = every credential of
 * (area, level), whatever its step — the set a proportional metric counts.
 */
export function codesFor(
  catalog: CertificationCatalog,
  area: AreaSlug,
  level: CertLevel,
  step: CertStep | null,
): string[] {
  return Object.entries(catalog.entries)
    .filter(([, e]) => e.counts.some((c) => c.area === area && c.level === level && (step === null || c.step === step)))
    .map(([code]) => code)
    .sort();
}
