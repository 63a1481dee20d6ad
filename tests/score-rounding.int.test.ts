// SPEC §4.1 "compute exactly; show one decimal": a Modern Work total of exactly 70.05 reads 70.1
// on every surface (JSON text, CLI, the stored history and its trend, alerts, the what-if), and
// the 62.55 it would fall to when a certification expires reads 62.6. A float's toFixed(1) would
// show 70.0 and 62.5.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusCommands } from "@/cli/commands-status";
import { runCli } from "@/cli/run";
import { db, rowsOf } from "@/db/client";
import { loadAlerts } from "@/db/queries/alerts";
import { loadSolutionsPartner, loadSpHistory } from "@/db/queries/solutions-partner";
import { loadSolutionsPartnerTrend } from "@/db/queries/solutions-partner-trend";
import { importSolutionsPartnerDemo } from "@/db/seed";
import { solutionsPartnerJson } from "@/lib/api/solutions-partner-json";
import { resetEnvCache } from "@/lib/env";
import { formatScore } from "@/lib/rules/number-format";
import { evaluateArea } from "@/lib/rules/solutions-partner";
import { createOrg, TODAY } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const env = process.env as Record<string, string | undefined>;
const savedToday = env.APP_TODAY;
let orgId = "";
beforeAll(async () => {
  env.APP_TODAY = TODAY; // history rows are recorded "now": pin it to the test's today
  resetEnvCache();
  orgId = await createOrg("rounding-1");
  await importSolutionsPartnerDemo(orgId, "rounding-70-05", TODAY, "RND");
});
afterAll(() => {
  env.APP_TODAY = savedToday;
  resetEnvCache();
});

describe("one display rounding of scores (SPEC §4.1)", () => {
  it("JSON keeps the exact value as a number and shows 70.1", async () => {
    const mw = (await solutionsPartnerJson(db(), orgId, TODAY)).areas["modern-work"];
    expect(mw).toMatchObject({ track: "enterprise", total: 70.05, totalText: "70.1", qualified: true });
    expect(mw.tracks.enterprise!.metrics["usage-growth"]).toMatchObject({ points: 19.05, pointsText: "19.1" });
    // JSON text carries the exact decimal: 70.05, not 70.04999…
    expect(JSON.stringify({ total: mw.total })).toBe('{"total":70.05}');
  });

  it("the CLI shows 70.1", async () => {
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s), stdin: async () => "" };
    expect(await runCli(statusCommands, ["status", "--org", "rounding-1", "--program", "solutions-partner"], io)).toBe(
      0,
    );
    expect(out.join("\n")).toMatch(/Modern Work\s+70\.1 \/ 100\s+enterprise/);
  });

  it("history stores the exact total and its month, trend and table read 70.1", async () => {
    const stored = rowsOf<{ total: string }>(
      await db().execute(
        sql`select total::text as total from sp_evaluations where org_id = ${orgId} and solution_area = 'modern-work'`,
      ),
    );
    expect(stored.map((r) => r.total)).toContain("70.05");
    const history = await loadSpHistory(db(), orgId, "modern-work", TODAY);
    const month = history.find((h) => h.month === TODAY.slice(0, 7))!;
    expect(formatScore(month.best!)).toBe("70.1");
    const trend = await loadSolutionsPartnerTrend(db(), orgId, "modern-work", TODAY);
    expect(trend.at(-1)!.best).toBe(70.05);
  });

  it("the expiring-certification alert reads 70.1 → 62.6", async () => {
    const alert = (await loadAlerts(db(), orgId, TODAY)).find((a) => a.id.startsWith("sp-expiring-modern-work"));
    expect(alert?.title).toContain("would cost 7.5 points");
    expect(alert?.detail).toContain("The total would fall from 70.1 to 62.6 and the area would no longer qualify.");
  });

  it("the what-if, recomputing from the same inputs, shows 70.1", async () => {
    const view = await loadSolutionsPartner(db(), orgId, TODAY);
    const area = evaluateArea(view.ruleset, "modern-work", view.inputs, view.recordedTracks["modern-work"]);
    expect(formatScore(area.totalExact)).toBe("70.1");
    expect(area.tracks.enterprise!.totalText).toBe("70.1");
  });
});
