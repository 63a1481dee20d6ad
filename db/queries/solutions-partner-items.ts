import { and, asc, eq, gt, inArray, isNull, lte, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { certifications, customers, deployments, usage } from "@/db/schema";
import type { AreaSlug } from "@/lib/rules/areas";
import {
  associationChoices,
  codesFor,
  deploymentScope,
  examRowStatus,
  examSets,
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
  // SPEC §4.3 corrections: each exam row with the credential it belongs to and whether the person
  // counts for it, or why not (the other exam missing, the counts-until day passed).
  certifications: [
    "person_id",
    "person_name",
    "certification_code",
    "earned_on",
    "expires_on",
    "credential",
    "counts",
    "why",
  ],
  usage: ["solution_area", "association", "measure", "month", "value"],
  deployments: ["customer_id", "solution_area", "workload", "association", "deployed_on", "removed_on"],
  "azure-services": ["customer_id", "solution_area", "workload", "association", "deployed_on", "removed_on"],
};

type Assoc = "cpor" | "dpor" | "csp" | "pal";
const associationsOf = (rule: Parameters<typeof associationChoices>[0]) =>
  [...new Set(associationChoices(rule).flatMap((c) => c.associations))] as Assoc[];

/**
 * SPEC §4.3 corrections: the rows that can count for a deployments metric — each workload through
 * its family's associations (Business Applications), else through the metric's associations.
 */
function countingDeployment(rule: Extract<MetricRule, { source: "deployments" }>): SQL {
  const scopes = associationChoices(rule.associations).map((c) => deploymentScope(rule, c));
  const listed = [...new Set(scopes.flatMap((s) => s.workloadAssociations.map((w) => w.workload)))];
  const parts: SQL[] = [];
  for (const w of listed) {
    const via = [
      ...new Set(
        scopes.flatMap((s) => s.workloadAssociations.filter((x) => x.workload === w).flatMap((x) => x.associations)),
      ),
    ];
    if (via.length) parts.push(and(eq(deployments.workload, w), inArray(deployments.association, via))!);
  }
  const other = [...new Set(scopes.flatMap((s) => s.associations))];
  if (other.length)
    parts.push(
      listed.length
        ? and(notInArray(deployments.workload, listed), inArray(deployments.association, other))!
        : inArray(deployments.association, other),
    );
  return parts.length ? or(...parts)! : sql`false`;
}

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
      const credentials = codesFor(ruleset.catalog, area, rule.level, null);
      const exams = [...new Set(credentials.flatMap((c) => examSets(c, ruleset.catalog.entries[c]).flat()))];
      const validOn = (t: typeof certifications) =>
        and(lte(t.earnedOn, d.dataThrough), or(isNull(t.expiresOn), sql`${t.expiresOn} >= ${d.dataThrough}::date`))!;
      const key = sql<string>`${certifications.personId} || '|' || ${certifications.certificationCode}`;
      // The person's other valid exams (primary key lookups), to tell whether a credential is complete.
      // The outer columns are named in full: drizzle leaves a single table's columns unqualified.
      const held = sql<string>`(select string_agg(h.certification_code, ',') from certifications h
        where h.org_id = "certifications"."org_id" and h.person_id = "certifications"."person_id"
        and h.earned_on <= ${d.dataThrough}::date and (h.expires_on is null or h.expires_on >= ${d.dataThrough}::date))`;
      const found = await db
        .select({ key, held, c: certifications })
        .from(certifications)
        .where(
          and(
            eq(certifications.orgId, orgId),
            inArray(certifications.certificationCode, exams),
            validOn(certifications),
            gt(key, last),
          ),
        )
        .orderBy(asc(key))
        .limit(pageSize);
      rows = found.map(({ key, held, c }) => {
        const s = examRowStatus(
          ruleset.catalog,
          credentials,
          c.certificationCode,
          new Set((held ?? "").split(",")),
          d.dataThrough,
        );
        return [
          key,
          c.personId,
          c.personName,
          c.certificationCode,
          c.earnedOn,
          c.expiresOn,
          s.credential,
          s.counts,
          s.why,
        ];
      });
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
            rule.source === "deployments"
              ? countingDeployment(rule)
              : inArray(deployments.association, associationsOf(rule.associations)),
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
