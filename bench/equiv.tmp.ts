import { closeDatabase, db, openDatabase, useDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { organizations, customers, certifications, deployments, usage, imports } from "@/db/schema";
import { eq } from "drizzle-orm";
import { loadSpInputs, spDates } from "@/db/queries/solutions-partner-inputs";
import { loadSpInputs as origInputs } from "./orig-inputs.tmp";
import { inputRequests, rulesetFor } from "@/lib/rules/solutions-partner";
import { CATALOG_2026 } from "@/lib/rules/solutions-partner/certification-catalog";
import { timeIt } from "./lib/measure";
import { addDays } from "@/lib/rules/time";
import assert from "node:assert/strict";

const dt = "2026-10-31";
const ruleset = rulesetFor(dt);
const requests = inputRequests(ruleset);
const d = spDates(dt);
async function compare(orgId: string, label: string, time = false) {
  const a = await origInputs(db(), orgId, requests, d);
  const b = await loadSpInputs(db(), orgId, requests, d);
  assert.deepEqual(b, a, label);
  if (time) console.log(label, "orig", (await timeIt(() => origInputs(db(), orgId, requests, d), 5)).median.toFixed(1), "new", (await timeIt(() => loadSpInputs(db(), orgId, requests, d), 5)).median.toFixed(1));
}
if (process.env.DATABASE_URL) {
  for (const o of await db().select().from(organizations)) await compare(o.id, o.partnerId, true);
} else {
  const h = openDatabase({ dir: "memory://" });
  await migrateDatabase(h);
  useDatabase(h);
  let seed = 1;
  const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const areas = ["data-ai", "infrastructure", "digital-app-innovation", "business-applications", "modern-work", "security"];
  const assocs = ["cpor", "dpor", "csp", "pal"] as const;
  const dates = [d.start, d.end, d.windowStart, addDays(d.start, -1), addDays(d.start, 1), addDays(d.end, -1), addDays(d.end, 1), addDays(d.windowStart, -1), "2024-01-01", "2027-03-01", dt];
  const codes = Object.keys(CATALOG_2026.entries);
  for (let round = 0; round < 40; round++) {
    const [org] = await db().insert(organizations).values({ partnerId: `R${round}`, name: "r", country: "US" }).returning();
    const orgId = org!.id;
    const n = Math.floor(rnd() * 60);
    const cust = new Map<string, any>();
    for (let i = 0; i < n; i++) {
      const from = pick(dates);
      const until = rnd() < 0.4 ? pick(dates.filter((x) => x >= from)) : null;
      const row = { orgId, customerId: `C${Math.floor(rnd() * 15)}`, customerName: "x", solutionArea: pick(areas), segment: pick(["smb", "enterprise"] as const), association: pick(assocs), eligibleFrom: from, eligibleUntil: until };
      cust.set(`${row.customerId}|${row.solutionArea}|${row.association}`, row);
    }
    if (cust.size) await db().insert(customers).values([...cust.values()]);
    const certs = new Map<string, any>();
    for (let i = 0; i < n; i++) {
      const earned = pick(dates);
      const row = { orgId, personId: `P${Math.floor(rnd() * 10)}`, personName: "p", certificationCode: pick(codes), earnedOn: earned, expiresOn: rnd() < 0.5 ? pick(dates.filter((x) => x >= earned)) : null };
      certs.set(`${row.personId}|${row.certificationCode}`, row);
    }
    if (certs.size) await db().insert(certifications).values([...certs.values()]);
    const deps = new Map<string, any>();
    for (let i = 0; i < n * 2; i++) {
      const on = pick(dates);
      const row = { orgId, customerId: `C${Math.floor(rnd() * 15)}`, solutionArea: pick(areas), workload: pick(["virtual-machines", "vm-licenses", "aks", "teams", "sql", "x"]), association: pick(assocs), deployedOn: on, removedOn: rnd() < 0.4 ? pick(dates.filter((x) => x >= on)) : null };
      deps.set(`${row.customerId}|${row.solutionArea}|${row.workload}|${row.association}`, row);
    }
    if (deps.size) await db().insert(deployments).values([...deps.values()]);
    await compare(orgId, `round ${round}`);
  }
  console.log("40 random rounds equal");
}
await closeDatabase();
