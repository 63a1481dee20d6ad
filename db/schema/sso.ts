// Single sign-on (SPEC §11): the link from an external identity to a user, and each
// organization's sign-in rules. New tables so that the core tables stay as they were.
import { sql } from "drizzle-orm";
import { boolean, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, ts, users } from "./core";

/** An OpenID Connect identity (issuer + subject) linked to one user at its first sign-in. */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Auth.js provider id: `microsoft-entra-id` or `oidc`. */
    provider: text("provider").notNull(),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    /** Entra's `tid` claim at linking time (null when the issuer sends none). */
    tenantId: text("tenant_id"),
    /** The email the identity carried when it was linked (shown to admins; never matched again). */
    email: text("email").notNull(),
    linkedAt: ts("linked_at").notNull().defaultNow(),
    lastSignInAt: ts("last_sign_in_at"),
  },
  (t) => [
    uniqueIndex("user_identities_issuer_subject_key").on(t.issuer, t.subject),
    // one identity per issuer and user: a second account at the same issuer never takes the user over
    uniqueIndex("user_identities_user_issuer_key").on(t.userId, t.issuer),
  ],
);

/** An organization's sign-in rules; no row means no tenant restriction and passwords allowed. */
export const orgSignInSettings = pgTable("org_sign_in_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  /** Entra tenant ids (lower-case GUIDs); when non-empty only identities whose `tid` is listed link or sign in. */
  tenantIds: text("tenant_ids").array().notNull().default(sql`'{}'::text[]`),
  /** Password sign-in refused for the organization's users. */
  ssoRequired: boolean("sso_required").notNull().default(false),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export type UserIdentity = typeof userIdentities.$inferSelect;
export type OrgSignInSettings = typeof orgSignInSettings.$inferSelect;
