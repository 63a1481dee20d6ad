// SPEC §4.4: the set-based SQL of db/queries/solutions-partner-inputs.ts equals the definition,
// counted row by row in JavaScript, on random line items with dates on every boundary.
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { loadSpInputs, spDates } from "@/db/queries/solutions-partner-inputs";
import { certifications, customers, deployments, organizations } from "@/db/schema";
import { type InputRequest, type InputValues, inputRequests, rulesetFor } from "@/lib/rules/solutions-partner";
import { CATALOG_2026, examCodes } from "@/lib/rules/solutions-partner/certification-catalog";
import { addDays } from "@/lib/rules/time";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const DATA_THROUGH = "2026-10-31";

describe("Solutions Partner inputs (SPEC §4.4) equal a direct count of the line items", () => {
  type Customer = typeof customers.$inferInsert;
  type Cert = typeof certifications.$inferInsert;
  type Deployment = typeof deployments.$inferInsert;
  const dataThrough = DATA_THROUGH;
  const d = spDates(dataThrough);
  const requests = inputRequests(rulesetFor(dataThrough));
  const eligible = (from: string, until: string | null | undefined, day: string) =>
    from <= day && (!until || until > day);
  const distinct = (xs: string[]) => new Set(xs).size;

  /** SPEC §4.4 counted in JavaScript, row by row (as the SQL did before it was made set-based). */
  function expected(
    rs: InputRequest[],
    c: Customer[],
    p: Cert[],
    x: Deployment[],
    validOn: string = dataThrough,
  ): InputValues {
    const out: InputValues = {};
    for (const r of rs) {
      if (r.kind === "customers") {
        const rows = c.filter(
          (k) => k.solutionArea === r.area && k.segment === r.segment && r.associations.includes(k.association),
        );
        out[r.key] = {
          atEnd: distinct(
            rows.filter((k) => eligible(k.eligibleFrom, k.eligibleUntil, d.end)).map((k) => k.customerId),
          ),
          atStart: distinct(
            rows.filter((k) => eligible(k.eligibleFrom, k.eligibleUntil, d.start)).map((k) => k.customerId),
          ),
        };
      } else if (r.kind === "certifications") {
        // SPEC §4.3 corrections: a person counts when every exam of one list of a credential is
        // earned by data_through and valid on `validOn`, and the credential still counts then.
        const valid = p.filter((k) => k.earnedOn <= dataThrough && (!k.expiresOn || k.expiresOn >= validOn));
        const holds = (person: string, exam: string) =>
          valid.some((k) => k.personId === person && k.certificationCode === exam);
        out[r.key] = {
          persons: distinct(
            valid
              .map((k) => k.personId)
              .filter((person) =>
                r.credentials.some(
                  (c) =>
                    (c.countsUntil === null || c.countsUntil >= validOn) &&
                    c.earnedBy.some((list) => list.every((exam) => holds(person, exam))),
                ),
              ),
          ),
        };
      } else if (r.kind === "deployments") {
        const via = (k: Deployment) =>
          (r.workloadAssociations.find((w) => w.workload === k.workload)?.associations ?? r.associations).includes(
            k.association,
          );
        const rows = x.filter((k) => k.solutionArea === r.area && via(k));
        const unit = (k: Deployment) => (r.unit === "customer" ? k.customerId : `${k.customerId}|${k.workload}`);
        out[r.key] = {
          atEnd: distinct(rows.filter((k) => eligible(k.deployedOn, k.removedOn, d.end)).map(unit)),
          atStart: distinct(rows.filter((k) => eligible(k.deployedOn, k.removedOn, d.start)).map(unit)),
        };
      } else if (r.kind === "azure-services") {
        // As the SQL has it: deployed by the window's end and not removed before the window's first day.
        out[r.key] = {
          services: distinct(
            x
              .filter(
                (k) =>
                  k.solutionArea === r.area &&
                  r.associations.includes(k.association) &&
                  !r.excludedWorkloads.includes(k.workload) &&
                  k.deployedOn <= d.end &&
                  (!k.removedOn || k.removedOn > (k.deployedOn > d.windowStart ? k.deployedOn : d.windowStart)),
              )
              .map((k) => k.workload),
          ),
        };
      } else if (r.kind === "segment-mix") {
        const rows = c.filter((k) => k.solutionArea === r.area && eligible(k.eligibleFrom, k.eligibleUntil, d.end));
        out[r.key] = {
          smbCustomers: distinct(rows.filter((k) => k.segment === "smb").map((k) => k.customerId)),
          enterpriseCustomers: distinct(rows.filter((k) => k.segment === "enterprise").map((k) => k.customerId)),
          totalCustomers: distinct(rows.map((k) => k.customerId)),
        };
      } else {
        out[r.key] = { current: "0", yearEarlier: "0", windowTotal: "0" }; // no usage rows here
      }
    }
    return out;
  }

  it("on 25 random organizations", async () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const areas = [
      "data-ai",
      "infrastructure",
      "digital-app-innovation",
      "business-applications",
      "modern-work",
      "security",
    ];
    const associations = ["cpor", "dpor", "csp", "pal"] as const;
    const days = [
      d.start,
      d.end,
      d.windowStart,
      dataThrough,
      "2024-01-01",
      "2027-03-01",
      "2026-05-31",
      "2027-01-30",
      ...[-1, 1].flatMap((n) => [addDays(d.start, n), addDays(d.end, n), addDays(d.windowStart, n)]),
    ];
    // Every exam, with the two-exam credential's exams and the counts-until ones drawn more often.
    const codes = [...examCodes(CATALOG_2026), ...["AZ-800", "AZ-801", "MS-900", "SC-400"].flatMap((x) => [x, x, x])];
    const workloads = [
      "virtual-machines",
      "vm-licenses",
      "aks",
      "teams",
      "azure-sql",
      "sentinel",
      "power-apps",
      "copilot-studio",
      "dynamics-sales",
    ];
    const later = (from: string) => (rnd() < 0.4 ? pick(days.filter((x) => x >= from)) : null);
    for (let round = 0; round < 25; round++) {
      const [org] = await db()
        .insert(organizations)
        .values({ partnerId: `PROP-${round}`, name: "p", country: "US" })
        .returning();
      const orgId = org!.id;
      const n = 1 + Math.floor(rnd() * 50);
      const c = new Map<string, Customer>();
      const p = new Map<string, Cert>();
      const x = new Map<string, Deployment>();
      for (let i = 0; i < n; i++) {
        const from = pick(days);
        const k: Customer = {
          orgId,
          customerId: `C${Math.floor(rnd() * 12)}`,
          customerName: "c",
          solutionArea: pick(areas),
          segment: pick(["smb", "enterprise"] as const),
          association: pick(associations),
          eligibleFrom: from,
          eligibleUntil: later(from),
        };
        c.set(`${k.customerId}|${k.solutionArea}|${k.association}`, k);
        const earned = pick(days);
        const q: Cert = {
          orgId,
          personId: `P${Math.floor(rnd() * 8)}`,
          personName: "p",
          certificationCode: pick(codes),
          earnedOn: earned,
          expiresOn: later(earned),
        };
        p.set(`${q.personId}|${q.certificationCode}`, q);
        for (let j = 0; j < 2; j++) {
          const on = pick(days);
          const y: Deployment = {
            orgId,
            customerId: `C${Math.floor(rnd() * 12)}`,
            solutionArea: pick(areas),
            workload: pick(workloads),
            association: pick(associations),
            deployedOn: on,
            removedOn: later(on),
          };
          x.set(`${y.customerId}|${y.solutionArea}|${y.workload}|${y.association}`, y);
        }
      }
      await db()
        .insert(customers)
        .values([...c.values()]);
      await db()
        .insert(certifications)
        .values([...p.values()]);
      await db()
        .insert(deployments)
        .values([...x.values()]);
      const actual = await loadSpInputs(db(), orgId, requests, d);
      expect(actual, `round ${round}`).toEqual(expected(requests, [...c.values()], [...p.values()], [...x.values()]));
      // Who remains after the 90-day horizon: still valid then, but earned by data_through.
      const certs = requests.filter((r) => r.kind === "certifications");
      const after = addDays(dataThrough, 91);
      const remaining = await loadSpInputs(db(), orgId, certs, { ...d, certificationsValidOn: after });
      expect(remaining, `round ${round} after the horizon`).toEqual(
        expected(certs, [...c.values()], [...p.values()], [...x.values()], after),
      );
    }
  }, 60_000);
});
