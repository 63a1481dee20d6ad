import { eq, is, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { cache } from "react";
import type { Db } from "@/db/client";
import { perDb } from "@/db/prepared";
import { organizations } from "@/db/schema";
import type { DataVersion, Scope } from "@/lib/cache";

// SPEC §9: reading the one data version of an organization's derived figures (lib/cache.ts); every write that
// changes an input of them bumps it in its transaction (db/writes/data-version.ts). The course catalog (shared) is
// versioned by its newest import: every catalog import commits one imports row, so no organization row needs
// touching (that would lock every organization).

/** The catalog's version as a column of a statement that reads an organization (the session's, or the one below). */
export const catalogVersionSql = sql<
  string | null
>`(select max(id)::text from imports where org_id is null and kind = 'courses')`;

export function dataVersionOf(org: number | string, catalog: string | null): DataVersion {
  return { org: Number(org), catalog: catalog === null ? 0 : Number(catalog) };
}

// Read once per server request (React `cache`); the guard's session statement fills it for the signed-in
// organization (lib/auth/sessions.ts), so a page view normally runs no statement for it.
const ofRequest = cache(() => new Map<string, Promise<DataVersion | null>>());

/** Records the version the session statement read, for the rest of this request. */
export function rememberDataVersion(orgId: string, version: DataVersion): void {
  ofRequest().set(orgId, Promise.resolve(version));
}

const versionQuery = perDb((db) =>
  db
    .select({ org: organizations.dataVersion, catalog: catalogVersionSql })
    .from(organizations)
    .where(eq(organizations.id, sql.placeholder("orgId")))
    .prepare("data_version"),
);

/**
 * The scope of an organization's derived figures for `day`. Inside a transaction there is none: what it computes may
 * include its own uncommitted writes, so it is computed afresh and never kept.
 */
export async function dataScope(q: Db, orgId: string, day?: string): Promise<Scope> {
  // is(), not instanceof: on the embedded database Drizzle comes from its CommonJS build (db/pglite-modules.ts).
  if (is(q, PgTransaction)) return null;
  const byOrg = ofRequest();
  let version = byOrg.get(orgId);
  if (!version) {
    version = versionQuery(q)
      .execute({ orgId })
      .then(([row]) => (row ? dataVersionOf(row.org, row.catalog) : null));
    byOrg.set(orgId, version);
  }
  const v = await version;
  return v === null ? null : { orgId, version: v, ...(day === undefined ? {} : { day }) };
}
