// SPEC §6 — everything the pipeline needs to know per import kind: the CSV columns (columns.ts),
// a zod schema per row producing normalized cells, the target table, the SQL type of each
// column, the natural key and which ts_monthly rollup the kind feeds.
import type { z } from "zod";
import type { CertificationCatalog } from "@/lib/rules/solutions-partner/certification-catalog";
import { type ImportKind, KIND_INFO, type KindInfo } from "./columns";
import type { Cell } from "./fields";
import { PARTNER_KINDS } from "./kinds-partner";
import { TRAINING_KINDS } from "./kinds-training";

export type RowContext = {
  /** The catalog's course code for an upper-cased code, or undefined when unknown. */
  courseCode: (upper: string) => string | undefined;
  /** The certification catalog in force on the import's data_through. */
  catalog: CertificationCatalog;
};

export type RollupKind = "completion" | "voucher" | "survey";

export type KindRules = {
  table: string;
  /** SQL type of each target column, in insert order (the CSV columns, plus other_answers for surveys). */
  types: Record<string, string>;
  rowSchema: (ctx: RowContext) => z.ZodType<Record<string, Cell>, Record<string, string>>;
  /** The ts_monthly kinds to rebuild after an import of this kind (courses: for every organization). */
  rollup: RollupKind[];
  needsCourses: boolean;
};

export type KindSpec = KindInfo & KindRules;

const RULES: Record<ImportKind, KindRules> = { ...TRAINING_KINDS, ...PARTNER_KINDS };

export function kindSpec(kind: ImportKind): KindSpec {
  return { ...KIND_INFO[kind], ...RULES[kind] };
}

/** Target columns in insert order. */
export function targetColumns(spec: KindSpec): string[] {
  return Object.keys(spec.types);
}
