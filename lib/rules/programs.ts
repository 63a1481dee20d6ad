// SPEC §6 — which import kinds feed each program's data_through, and the earliest data_through its
// rules cover (the oldest ruleset's effective date, SPEC §4.1: rules are versioned data).
import { SP_RULESETS } from "./solutions-partner/rulesets";
import type { IsoDate } from "./time";
import { TS_RULESETS } from "./training-services/ruleset";

export type ProgramId = "training-services" | "solutions-partner";

export type ProgramInfo = {
  id: ProgramId;
  label: string;
  /** The import kinds whose newest data_through is the program's (the course catalog is no program's). */
  kinds: readonly string[];
  /** What to import, in words, for a program with no data yet. */
  kindLabels: readonly string[];
  /** The earliest data_through the program's rulesets cover: an import before it is refused. */
  earliestDataThrough: IsoDate;
};

const earliest = (rulesets: readonly { effectiveFrom: string }[]) => rulesets.map((r) => r.effectiveFrom).sort()[0]!;

export const PROGRAMS: Record<ProgramId, ProgramInfo> = {
  "training-services": {
    id: "training-services",
    label: "Training Services",
    kinds: ["courseware-completions", "exam-vouchers", "mtm-surveys"],
    kindLabels: ["courseware completions", "exam vouchers", "MTM surveys"],
    earliestDataThrough: earliest(TS_RULESETS),
  },
  "solutions-partner": {
    id: "solutions-partner",
    label: "Solutions Partner",
    kinds: ["customers", "certifications", "usage", "deployments"],
    kindLabels: ["customers", "certifications", "usage", "deployments"],
    earliestDataThrough: earliest(SP_RULESETS),
  },
};

/** The program an import kind feeds; null for the shared course catalog. */
export function programOfKind(kind: string): ProgramInfo | null {
  return Object.values(PROGRAMS).find((p) => p.kinds.includes(kind)) ?? null;
}

/**
 * SPEC §6: an import whose data_through precedes its program's earliest ruleset is refused,
 * naming the earliest date. Returns the message, or null when the date is supported.
 */
export function unsupportedDataThrough(kind: string, dataThrough: IsoDate): string | null {
  const program = programOfKind(kind);
  if (!program || dataThrough >= program.earliestDataThrough) return null;
  return (
    `Data through ${dataThrough} is before ${program.earliestDataThrough}, the earliest date the ` +
    `${program.label} rules cover: import data through ${program.earliestDataThrough} or later.`
  );
}

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** SPEC §6: what a program with no data_through says instead of "Data through". */
export function noDataText(program: ProgramId): string {
  return `no data imported yet: import ${listInWords(PROGRAMS[program].kindLabels)}`;
}
