import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { perDb } from "@/db/prepared";
import { spSnapshots } from "@/db/schema";
import { storeSnapshot } from "@/db/writes/sp-snapshots";
import type { InputRequest, InputValues, SpRuleset } from "@/lib/rules/solutions-partner";
import { addDays } from "@/lib/rules/time";
import { loadSpInputs, type SpDates } from "./solutions-partner-inputs";

// SPEC §9 "fast at any size": the engine's raw inputs are aggregates over every line item
// of an organization (customers, certifications, usage, deployments). They change only when one of
// the program's imports lands, so each import computes them once inside its transaction and stores
// them here; a page reads one row instead of scanning the line items. The row is valid while it
// names the organization's newest import of those kinds and the ruleset in force for its
// data_through; otherwise (data from before this table existed, a new ruleset deployed) the
// inputs are computed from the line items and the row is refilled, so a stale row is never used.

/** Certification holders who still count on the day after the 90-day horizon, per request key. */
export type RemainingHolders = Record<string, { persons: number }>;
export type SpSnapshot = { inputs: InputValues; remaining: RemainingHolders };
export type SnapshotKey = {
  orgId: string;
  importId: number | null;
  ruleset: SpRuleset;
  requests: InputRequest[];
  dates: SpDates;
};

/** The 90 days of SPEC §4.5's "certifications expiring soon", counted from data_through. */
export const EXPIRY_HORIZON_DAYS = 90;

async function computeSnapshot(db: Db, k: SnapshotKey): Promise<SpSnapshot> {
  const certRequests = k.requests.filter((r) => r.kind === "certifications");
  // Who still holds a counting credential on the day after the horizon, among certifications
  // earned on or before data_through (SPEC §4.6: one earned later never offsets one that expires).
  const after = { ...k.dates, certificationsValidOn: addDays(k.dates.dataThrough, EXPIRY_HORIZON_DAYS + 1) };
  const [inputs, later] = await Promise.all([
    loadSpInputs(db, k.orgId, k.requests, k.dates),
    loadSpInputs(db, k.orgId, certRequests, after),
  ]);
  const remaining: RemainingHolders = {};
  for (const r of certRequests) remaining[r.key] = later[r.key] as { persons: number };
  return { inputs, remaining };
}

/** The inputs of the organization's current data: the stored row when it is current, else computed and stored. */
export async function loadSpSnapshot(db: Db, k: SnapshotKey): Promise<SpSnapshot> {
  if (k.importId !== null) {
    const [hit] = await snapshotQuery(db).execute({
      orgId: k.orgId,
      importId: k.importId,
      ruleset: k.ruleset.id,
      dataThrough: k.dates.dataThrough,
    });
    if (hit && k.requests.every((r) => r.key in hit.inputs))
      return { inputs: hit.inputs as InputValues, remaining: hit.remaining };
  }
  return refreshSpSnapshot(db, k);
}

// Every Solutions Partner page reads it: built once per database (db/prepared.ts).
const snapshotQuery = perDb((db) =>
  db
    .select({ inputs: spSnapshots.inputs, remaining: spSnapshots.remaining })
    .from(spSnapshots)
    .where(
      and(
        eq(spSnapshots.orgId, sql.placeholder("orgId")),
        eq(spSnapshots.importId, sql.placeholder("importId")),
        eq(spSnapshots.ruleset, sql.placeholder("ruleset")),
        eq(spSnapshots.dataThrough, sql.placeholder("dataThrough")),
      ),
    )
    .prepare("sp_snapshot"),
);

/** Compute from the line items and store (inside an import's transaction: the rows just merged). */
export async function refreshSpSnapshot(db: Db, k: SnapshotKey): Promise<SpSnapshot> {
  const snap = await computeSnapshot(db, k);
  await storeSnapshot(db, k, snap);
  return snap;
}
