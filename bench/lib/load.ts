// Fills organizations with generated data through the app's own bulk path: importCsv (validation,
// COPY into staging, merge by natural key, the ts_monthly rollup, the imports row, the audit row
// and the after-import hooks that record Solutions Partner evaluations), one streamed file per kind.
import { eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { courses, organizations } from "@/db/schema";
import { coursesCsv, DEMO_COURSES } from "@/db/seed/training-services";
import { afterImport } from "@/lib/imports/after-import";
import type { ImportKind } from "@/lib/imports/columns";
import { type ImportInput, importCsv } from "@/lib/imports/pipeline";
import { createOrganization } from "@/lib/orgs/verbs";
import { defaultDataThrough } from "@/lib/rules/time";
import { csvChunks, HEADERS, type KindCounts, rowGenerators } from "./generate";

export const CLI_ACTOR = { kind: "cli" } as const;

// Training Services first, then Solutions Partner (each of its imports records an evaluation,
// as a monthly refresh would).
export const LOAD_ORDER: (keyof KindCounts)[] = [
  "courseware-completions",
  "exam-vouchers",
  "mtm-surveys",
  "customers",
  "certifications",
  "usage",
  "deployments",
];

export type FillOptions = {
  partnerId: string;
  name?: string;
  scale: number;
  seed: number;
  today: string;
  dataThrough: string;
  log?: (line: string) => void;
};

export type FillResult = {
  orgId: string;
  partnerId: string;
  scale: number;
  counts: KindCounts;
  /** Per kind: rows in the file, rows inserted, seconds. */
  imports: Record<string, { rows: number; inserted: number; updated: number; seconds: number }>;
  seconds: number;
};

/** The organization with this partner id, created when missing. */
export async function ensureOrganization(partnerId: string, name: string): Promise<string> {
  const [found] = await db()
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.partnerId, partnerId));
  if (found) return found.id;
  const org = await createOrganization(db(), CLI_ACTOR, { partnerId, name, country: "US" });
  return org.id;
}

/** Imports the demo course catalog when any of its courses is missing (a catalog import rebuilds every rollup). */
export async function ensureCourses(today: string): Promise<void> {
  const codes = DEMO_COURSES.map((c) => c[0]);
  const present = await db()
    .select({ code: courses.courseCode })
    .from(courses)
    .where(inArray(courses.courseCode, codes));
  if (present.length === codes.length) return;
  await importOrThrow({ kind: "courses", orgId: null, fileName: "bench-courses.csv", input: [coursesCsv()], today });
}

export async function importOrThrow(o: {
  kind: ImportKind;
  orgId: string | null;
  fileName: string;
  input: ImportInput;
  today: string;
  dataThrough?: string;
}) {
  const result = await importCsv({ ...o, actor: CLI_ACTOR, afterImport });
  if (!result.ok)
    throw new Error(`${o.kind} import failed: ${result.message} ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result;
}

/** Generates and imports every kind for one organization (idempotent: the same seed re-imports the same rows). */
export async function fillOrganization(o: FillOptions): Promise<FillResult> {
  const log = o.log ?? (() => {});
  const started = performance.now();
  await ensureCourses(o.today);
  const orgId = await ensureOrganization(o.partnerId, o.name ?? `Benchmark ${o.partnerId}`);
  const { counts, rows } = rowGenerators({ scale: o.scale, seed: o.seed, dataThrough: o.dataThrough });
  const imports: FillResult["imports"] = {};
  for (const kind of LOAD_ORDER) {
    const t = performance.now();
    const r = await importOrThrow({
      kind,
      orgId,
      fileName: `bench-${kind}.csv`,
      today: o.today,
      dataThrough: o.dataThrough,
      input: csvChunks(HEADERS[kind], counts[kind], rows[kind]),
    });
    const seconds = (performance.now() - t) / 1000;
    imports[kind] = { rows: r.rows, inserted: r.inserted, updated: r.updated, seconds };
    log(
      `  ${o.partnerId} ${kind}: ${r.rows.toLocaleString("en-US")} rows (${r.inserted.toLocaleString("en-US")} new) in ${seconds.toFixed(1)} s`,
    );
  }
  return {
    orgId,
    partnerId: o.partnerId,
    scale: o.scale,
    counts,
    imports,
    seconds: (performance.now() - started) / 1000,
  };
}

export const DEFAULT_SCALE = 1_000_000;
export const DEFAULT_TWIN_SCALE = 10_000;
export const DEFAULT_SEED = 7;

export type BenchDataOptions = { org: string; scale: number; twinScale: number; seed: number; today: string };

export function twinPartnerId(org: string): string {
  return `${org}-twin`;
}

/** `npm run bench:data`: the organization and its small twin, filled one after the other on the process's database. */
export async function benchData(
  o: BenchDataOptions,
  log: (line: string) => void = () => {},
): Promise<{ main: FillResult; twin: FillResult | null }> {
  const dataThrough = defaultDataThrough(o.today);
  log(`Filling ${o.org} at scale ${o.scale.toLocaleString("en-US")} (seed ${o.seed}, data through ${dataThrough})`);
  const main = await fillOrganization({
    partnerId: o.org,
    scale: o.scale,
    seed: o.seed,
    today: o.today,
    dataThrough,
    log,
  });
  let twin: FillResult | null = null;
  if (o.twinScale > 0) {
    log(`Filling ${twinPartnerId(o.org)} at scale ${o.twinScale.toLocaleString("en-US")}`);
    twin = await fillOrganization({
      partnerId: twinPartnerId(o.org),
      scale: o.twinScale,
      seed: o.seed,
      today: o.today,
      dataThrough,
      log,
    });
  }
  return { main, twin };
}
