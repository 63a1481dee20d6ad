// The guard's half of API tokens: a presented secret → the token's organization, name and
// scopes, or nothing. One statement finds the live token by its hash, records its use and
// counts it in the token's rate window, so a revoked or expired token is refused on its next
// request and the limit holds across app instances (the window lives in the row, timed by the
// database's clock, which all instances share).
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import type { ApiScope } from "@/lib/auth/scopes";
import { hashSecret, hasSecretShape } from "./secret";

export const RATE_WINDOW_SECONDS = 60;

export type ResolvedToken = {
  id: string;
  orgId: string;
  name: string;
  scopes: ApiScope[];
  /** Set when this request is beyond the token's limit: seconds until its window ends. */
  retryAfterSeconds: number | null;
};

/** Pure: beyond `limit` requests in the current window, wait until the window ends (at least 1 s). */
export function rateDecision(count: number, secondsLeft: number, limit: number): number | null {
  return count > limit ? Math.max(1, Math.ceil(secondsLeft)) : null;
}

const WINDOW = sql.raw(`interval '${RATE_WINDOW_SECONDS} seconds'`);

export async function resolveToken(db: Db, secret: string, now: Date, limit: number): Promise<ResolvedToken | null> {
  if (!hasSecretShape(secret)) return null;
  const open = sql`(${apiTokens.windowStartedAt} is not null and ${apiTokens.windowStartedAt} > now() - ${WINDOW})`;
  const [row] = await db
    .update(apiTokens)
    .set({
      lastUsedAt: now,
      windowStartedAt: sql`case when ${open} then ${apiTokens.windowStartedAt} else now() end`,
      windowCount: sql`case when ${open} then ${apiTokens.windowCount} + 1 else 1 end`,
    })
    .where(
      and(
        eq(apiTokens.tokenHash, hashSecret(secret)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .returning({
      id: apiTokens.id,
      orgId: apiTokens.orgId,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      count: apiTokens.windowCount,
      secondsLeft: sql<string>`extract(epoch from ${apiTokens.windowStartedAt} + ${WINDOW} - now())`,
    });
  if (!row) return null;
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    scopes: row.scopes as ApiScope[],
    retryAfterSeconds: rateDecision(row.count, Number(row.secondsLeft), limit),
  };
}
