// SPEC §7 automation: an organization's API tokens. Every verb takes the organization from its
// caller (a global admin's session, the CLI's --org, later the operator workspace), never from
// the request. The secret is returned once by createToken and never stored, logged or audited.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { writeAudit } from "@/lib/audit";
import { actorName, authorize, type Caller } from "@/lib/auth/caller";
import { API_SCOPES, type ApiScope } from "@/lib/auth/scopes";
import { DomainError, NotFoundError } from "@/lib/errors";
import { isValidIsoDate } from "@/lib/rules/time";
import { displayPrefix, hashSecret, newSecret } from "./secret";

const DAY_MS = 86_400_000;

export const newTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name for the token")
    .max(60, "The name is too long (60 characters at most)")
    .regex(/^[\p{L}\p{N} ._-]+$/u, "Use letters, digits, spaces, dots, dashes and underscores only"),
  scopes: z
    .array(z.enum(API_SCOPES, { message: `Scopes are ${API_SCOPES.join(" and ")}` }))
    .min(1, "Choose at least one scope")
    .transform((s) => API_SCOPES.filter((x) => s.includes(x))),
  expiresOn: z.string().refine(isValidIsoDate, "The expiry must be a date YYYY-MM-DD").optional(),
});
export type NewTokenInput = z.input<typeof newTokenInput>;

export type CreatedToken = { id: string; name: string; scopes: ApiScope[]; prefix: string; expiresOn: string | null };

/** The first instant a token with this expiry date no longer works: it is valid through the whole day (UTC). */
export function expiryInstant(expiresOn: string): Date {
  return new Date(Date.parse(`${expiresOn}T00:00:00Z`) + DAY_MS);
}

export function expiryDate(expiresAt: Date | null): string | null {
  return expiresAt ? new Date(expiresAt.getTime() - DAY_MS).toISOString().slice(0, 10) : null;
}

/** Creates a token; `secret` is the only copy there will ever be. */
export async function createToken(
  db: Db,
  actor: Caller,
  orgId: string,
  raw: NewTokenInput,
  now: Date,
): Promise<CreatedToken & { secret: string }> {
  authorize(actor, "tokens:manage", orgId);
  const input = newTokenInput.parse(raw);
  const today = now.toISOString().slice(0, 10);
  if (input.expiresOn && input.expiresOn < today)
    throw new DomainError(`The expiry must be today (${today}) or later`, "expiresOn");
  const secret = newSecret();
  const prefix = displayPrefix(secret);
  return inTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.orgId, orgId),
          isNull(apiTokens.revokedAt),
          sql`lower(${apiTokens.name}) = lower(${input.name})`,
        ),
      );
    if (taken)
      throw new DomainError("A token with this name exists already: choose another name or revoke it first", "name");
    const [row] = await tx
      .insert(apiTokens)
      .values({
        orgId,
        name: input.name,
        scopes: input.scopes,
        tokenHash: hashSecret(secret),
        prefix,
        createdBy: actorName(actor),
        createdByUserId: actor.kind === "user" ? actor.userId : null,
        createdAt: now,
        expiresAt: input.expiresOn ? expiryInstant(input.expiresOn) : null,
      })
      .returning({ id: apiTokens.id });
    const token = { id: row!.id, name: input.name, scopes: input.scopes, prefix, expiresOn: input.expiresOn ?? null };
    await writeAudit(tx, {
      orgId,
      actor,
      action: "token.create",
      detail: { tokenId: token.id, name: token.name, scopes: token.scopes, prefix, expiresOn: token.expiresOn },
    });
    return { ...token, secret };
  });
}

export type TokenListItem = {
  id: string;
  name: string;
  scopes: ApiScope[];
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresOn: string | null;
  revokedAt: Date | null;
  status: "active" | "expired" | "revoked";
};

/** The organization's tokens, newest first: live ones and the revoked ones (for the record). */
export async function listTokens(db: Db, orgId: string, now: Date): Promise<TokenListItem[]> {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      prefix: apiTokens.prefix,
      createdBy: apiTokens.createdBy,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.orgId, orgId))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(({ expiresAt, ...r }) => ({
    ...r,
    scopes: r.scopes as ApiScope[],
    expiresOn: expiryDate(expiresAt),
    status: r.revokedAt ? "revoked" : expiresAt && expiresAt <= now ? "expired" : "active",
  }));
}

export const revokeTokenInput = z.union([
  z.object({ tokenId: z.string().uuid("Unknown token") }),
  z.object({ name: z.string().trim().min(1, "Name the token to revoke") }),
]);

/** Revokes a live token of the organization, by id (the page) or by name (the CLI); effective at once. */
export async function revokeToken(
  db: Db,
  actor: Caller,
  orgId: string,
  raw: z.input<typeof revokeTokenInput>,
  now: Date,
): Promise<{ id: string; name: string }> {
  authorize(actor, "tokens:manage", orgId);
  const input = revokeTokenInput.parse(raw);
  const which =
    "tokenId" in input ? eq(apiTokens.id, input.tokenId) : sql`lower(${apiTokens.name}) = lower(${input.name})`;
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: now, revokedBy: actorName(actor) })
      .where(and(eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt), which))
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
    if (!row) throw new NotFoundError("That token is not found in your organization (it may be revoked already)");
    await writeAudit(tx, {
      orgId,
      actor,
      action: "token.revoke",
      detail: { tokenId: row.id, name: row.name, prefix: row.prefix },
    });
    return { id: row.id, name: row.name };
  });
}
