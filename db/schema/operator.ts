// The operator workspace (SPEC §10): one summary row per organization for the Organizations list,
// and the course catalog versions uploaded for a preview before they are applied.
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, jsonb, pgTable, smallint, text, uuid } from "drizzle-orm/pg-core";
import { day, organizations, ts, users } from "./core";

// Written inside every import's transaction (lib/operator/status.ts) and when a track is recorded,
// so the list filters and sorts 10,000 organizations in SQL without evaluating any of them per request.
export const orgStatus = pgTable(
  "org_status",
  {
    orgId: uuid("org_id")
      .primaryKey()
      .references(() => organizations.id),
    tsQualified: boolean("ts_qualified"), // null: no Training Services data
    tsBadges: text("ts_badges").array().notNull().default(sql`'{}'::text[]`),
    tsDataThrough: day("ts_data_through"),
    spAreasQualified: smallint("sp_areas_qualified"), // of 6; null: no Solutions Partner data
    spDataThrough: day("sp_data_through"),
    dataThrough: day("data_through"), // the newer of the two programs' data_through
    lastImportAt: ts("last_import_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("org_status_data_through_idx").on(t.dataThrough),
    index("org_status_ts_qualified_idx").on(t.orgId).where(sql`${t.tsQualified}`),
    index("org_status_sp_qualified_idx").on(t.orgId).where(sql`${t.spAreasQualified} > 0`),
  ],
);

// SPEC §10 Course catalog: an uploaded version waits here, previewed, until applied or discarded.
export const catalogUploads = pgTable(
  "catalog_uploads",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    fileName: text("file_name").notNull(),
    csv: text("csv").notNull(),
    status: text("status").notNull(), // pending | applied | discarded
    preview: jsonb("preview").$type<Record<string, unknown>>().notNull(),
    baseImportId: bigint("base_import_id", { mode: "number" }), // the catalog version it was previewed on
    appliedImportId: bigint("applied_import_id", { mode: "number" }),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedByEmail: text("uploaded_by_email").notNull(),
    uploadedAt: ts("uploaded_at").notNull().defaultNow(),
    closedAt: ts("closed_at"),
  },
  (t) => [index("catalog_uploads_uploaded_idx").on(t.uploadedAt)],
);

export type OrgStatus = typeof orgStatus.$inferSelect;
export type CatalogUpload = typeof catalogUploads.$inferSelect;
