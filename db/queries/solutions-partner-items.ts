import { and, asc, eq, gt, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { certifications, customers, deployments, usage } from "@/db/schema";
import type { AreaSlug } from "@/lib/rules/areas";
import {
  associationChoices,
  codesFor,
  type MetricRule,
  type SpRuleset,
  type Track,
} from "@/lib/rules/solutions-partner";
import type { SpDates } from "./solutions-partner-inputs";

// The line items behind one Solutions Partner metric (SPEC §4.6 download), with the import's
// columns, paged by natural key so large downloads stream with bounded memory.
export const SP_LINE_ITEM_COLUMNS: Record<MetricRule["source"], string[]> = {
  customers: [
    "customer_id",
    "customer_name",
    "solution_area",
    "segment",
    "association",
    "eligible_from",
    "eligible_until",
  ],
  certifications: ["person_id", "person_name", "certification_code", "earned_on", "expires_on"],
  usage: ["solution_area", "association", "measure", "month", "value"],
  deployments: ["customer_id", "solution_area", "workload", "association", "deployed_on", "removed_on"],
  "azure-services": ["customer_id", "solution_area", "workload", "association", "deployed_on", "removed_on"],
};

type Assoc = "cpor" | "dpor" | "csp" | "pal";
const associationsOf = (rule: Parameters<typeof associationChoices>[0]) =>
  [...new Set(associationChoices(rule).flatMap((c) => c.associations))] as Assoc[];

export async function* spLineItemPages(
  db: Db,
  orgId: string,
  ruleset: SpRuleset,
  area: AreaSlug,
  track: Track,
  rule: MetricRule,
  d: SpDates,
  pageSize = 5000,
): AsyncGenerator<unknown[][]> {
  let last = "";
  const eligibleAt = (day: string) =>
    and(lte(customers.eligibleFrom, day), or(isNull(customers.eligibleUntil), gt(customers.eligibleUntil, day)))!;
  const activeAt = (day: string) =>
    and(lte(deployments.deployedOn, day), or(isNull(deployments.removedOn), gt(deployments.removedOn, day)))!;
  for (;;) {
    let rows: unknown[][];
    if (rule.source === "customers") {
      const key = sql<string>`${customers.customerId} || '|' || ${customers.association}`;
      const found = await db
        .select({ key, c: customers })
        .from(customers)
        .where(
          and(
            eq(customers.orgId, orgId),
            eq(customers.solutionArea, area),
            eq(customers.segment, track),
            inArray(customers.association, associationsOf(rule.associations)),
            or(eligibleAt(d.end), eligibleAt(d.start)),
            gt(key, last),
          ),
        )
        .orderBy(asc(key))
        .limit(pageSize);
      rows = found.map(({ key, c }) => [
        key,
        c.customerId,
        c.customerName,
        c.solutionArea,
        c.segment,
        c.association,
        c.eligibleFrom,
        c.eligibleUntil,
      ]);
    } else if (rule.source === "certifications") {
      const key = sql<string>`${certifications.personId} || '|' || ${certifications.certificationCode}`;
      const found = await db
        .select({ key, c: certifications })
        .from(certifications)
        .where(
          and(
            eq(certifications.orgId, orgId),
            inArray(certifications.certificationCode, codesFor(ruleset.catalog, area, rule.level, null)),
            lte(certifications.earnedOn, d.dataThrough),
            or(isNull(certifications.expiresOn), sql`${certifications.expiresOn} >= ${d.dataThrough}::date`),
            gt(key, last),
          ),
        )
        .orderBy(asc(key))
        .limit(pageSize);
      rows = found.map(({ key, c }) => [key, c.personId, c.personName, c.certificationCode, c.earnedOn, c.expiresOn]);
    } else if (rule.source === "usage") {
      const key = sql<string>`${usage.month} || '|' || ${usage.measure} || '|' || ${usage.association}`;
      const measures = rule.parts.map((p) => p.measure);
      const assocs = [...new Set(rule.parts.flatMap((p) => associationsOf(p.associations)))];
      const found = await db
        .select({ key, u: usage })
        .from(usage)
        .where(
          and(
            eq(usage.orgId, orgId),
            eq(usage.solutionArea, area),
            inArray(usage.measure, measures),
            inArray(usage.association, assocs),
            sql`${usage.month} between ${d.yearEarlierMonth} and ${d.lastMonth}`,
            gt(key, last),
          ),
        )
        .orderBy(asc(key))
        .limit(pageSize);
      rows = found.map(({ key, u }) => [key, u.solutionArea, u.association, u.measure, u.month, u.value]);
    } else {
      const key = sql<string>`${deployments.customerId} || '|' || ${deployments.workload} || '|' || ${deployments.association}`;
      const when: SQL =
        rule.source === "deployments"
          ? or(activeAt(d.end), activeAt(d.start))!
          : and(
              lte(deployments.deployedOn, d.end),
              or(isNull(deployments.removedOn), gt(deployments.removedOn, d.windowStart)),
            )!;
      const found = await db
        .select({ key, x: deployments })
        .from(deployments)
        .where(
          and(
            eq(deployments.orgId, orgId),
            eq(deployments.solutionArea, area),
            inArray(deployments.association, associationsOf(rule.associations)),
            when,
            gt(key, last),
          ),
        )
        .orderBy(asc(key))
        .limit(pageSize);
      rows = found.map(({ key, x }) => [
        key,
        x.customerId,
        x.solutionArea,
        x.workload,
        x.association,
        x.deployedOn,
        x.removedOn,
      ]);
    }
    if (rows.length === 0) return;
    last = String(rows[rows.length - 1]![0]);
    yield rows.map((r) => r.slice(1));
    if (rows.length < pageSize) return;
  }
}
