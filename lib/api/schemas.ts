// SPEC §7: the JSON the API routes answer, as zod schemas. The routes' answers are checked
// against them at compile time (`satisfies`), the OpenAPI document (lib/api/openapi.ts) is
// generated from them, and tests/openapi.int.test.ts validates real answers against that document.
// Objects are loose: the contract may gain fields ("add fields freely, never rename these").
import { z } from "zod";
import { IMPORT_KINDS } from "@/lib/imports/columns";
import type { ImportResult } from "@/lib/imports/pipeline";
import { AREA_SLUGS } from "@/lib/rules/areas";

export const apiSchemas = z.registry<{ id: string; description?: string }>();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const tsStatus = z.enum(["not_started", "in_progress", "completed"]);
const spStatus = z.enum(["not_started", "in_progress", "qualified", "enrolled", "renewal_due"]);
const track = z.enum(["enterprise", "smb"]);
const metricId = z.enum([
  "net-customer-adds",
  "intermediate-certifications",
  "advanced-certifications",
  "usage-growth",
  "deployments",
]);
const area = z.enum(AREA_SLUGS);

const pointsCriterion = z.looseObject({
  points: z.number().describe("Points, in exact halves"),
  threshold: z.number(),
  status: tsStatus,
});
const averageCriterion = z.looseObject({
  value: z.number().nullable().describe("The average score; null when there is none"),
  threshold: z.number(),
  status: tsStatus,
});

export const trainingServicesResponse = z.looseObject({
  dataThrough: isoDate.nullable().describe("Newest data_through of the program's imports; null before any import"),
  window: z.looseObject({ start: isoDate, end: isoDate }).nullable(),
  qualified: z.boolean(),
  base: z.looseObject({
    status: tsStatus,
    courseware: pointsCriterion,
    examVouchers: pointsCriterion,
    averageScore: averageCriterion,
  }),
  areas: z.record(
    area,
    z.looseObject({ status: tsStatus, surveyCompletions: pointsCriterion, averageScore: averageCriterion }),
  ),
  badges: z.array(z.string()).describe("Completed areas' slugs, and cloud-partner when all six are"),
});
apiSchemas.add(trainingServicesResponse, {
  id: "TrainingServices",
  description: "The organization's Solutions Partner for Training Services evaluation (SPEC §3)",
});

const metric = z.looseObject({ value: z.number(), points: z.number(), max: z.number() });
const trackScore = z.looseObject({
  total: z.number(),
  qualified: z.boolean(),
  metrics: z.partialRecord(metricId, metric),
});
export const solutionsPartnerResponse = z.looseObject({
  dataThrough: isoDate.nullable(),
  areas: z.record(
    area,
    z.looseObject({
      status: spStatus,
      track,
      total: z.number(),
      qualified: z.boolean(),
      tracks: z.partialRecord(track, trackScore),
    }),
  ),
});
apiSchemas.add(solutionsPartnerResponse, {
  id: "SolutionsPartner",
  description: "The organization's Solutions Partner designations: partner capability score per area (SPEC §4)",
});

export const importQuery = z.object({
  kind: z.enum(IMPORT_KINDS).describe("What the CSV holds (SPEC §6)"),
  dataThrough: isoDate.optional().describe("The last day the data covers; default: the end of last month"),
});

const importError = z.object({
  row: z.number().int().describe("1 is the header, 2 the first data row, 0 the file as a whole"),
  column: z.string().optional(),
  message: z.string(),
});
export const importSuccess = z.object({
  ok: z.literal(true),
  kind: z.enum(IMPORT_KINDS),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dataThrough: isoDate,
  importId: z.number().int(),
  message: z.string(),
});
apiSchemas.add(importSuccess, { id: "ImportSuccess", description: "The whole file was imported" });
export const importFailure = z.object({
  ok: z.literal(false),
  errors: z.array(importError),
  errorCount: z.number().int(),
  message: z.string(),
  internal: z.boolean().optional(),
});
apiSchemas.add(importFailure, { id: "ImportFailure", description: "Nothing was imported: the errors, row-numbered" });

export const errorResponse = z.looseObject({ error: z.string(), reference: z.string().optional() });
apiSchemas.add(errorResponse, { id: "Error", description: "A refusal or failure; never internals" });

export type TrainingServicesResponse = z.infer<typeof trainingServicesResponse>;
export type SolutionsPartnerResponse = z.infer<typeof solutionsPartnerResponse>;

// The import pipeline's result type and these schemas must describe the same JSON.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const importResultMatches: Same<ImportResult, z.infer<typeof importSuccess> | z.infer<typeof importFailure>> = true;
void importResultMatches;
