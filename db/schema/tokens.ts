// Organization API tokens (SPEC §7, automation): a named secret with scopes that acts for its
// organization on the import and JSON APIs only. The secret itself is never stored: only its
// SHA-256 (an indexed lookup by hash) and a short prefix for display.
import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, ts, users } from "./core";

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    /** Subset of API_SCOPES ("import", "read"). */
    scopes: text("scopes").array().notNull(),
    /** Hex SHA-256 of the whole secret. */
    tokenHash: text("token_hash").notNull(),
    /** The first characters of the secret, shown in lists ("pmc_AbCd1234…"). */
    prefix: text("prefix").notNull(),
    /** Email of the admin who created it, or "cli". */
    createdBy: text("created_by").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** The first instant it no longer works (the day after its expiry date, 00:00 UTC); null: never. */
    expiresAt: ts("expires_at"),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
    revokedBy: text("revoked_by"),
    // The per-token rate limit (a fixed window held in the row, so it holds across instances).
    windowStartedAt: ts("window_started_at"),
    windowCount: integer("window_count").notNull().default(0),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_key").on(t.tokenHash),
    // A name names one live token of its organization (revoke by name); revoked ones keep theirs.
    uniqueIndex("api_tokens_org_name_live_key").on(t.orgId, sql`lower(${t.name})`).where(sql`${t.revokedAt} is null`),
    index("api_tokens_org_idx").on(t.orgId, t.createdAt),
  ],
);

export type ApiTokenRow = typeof apiTokens.$inferSelect;
