// SPEC §6 / §7: a program with no import of its kinds has no data_through: the JSON and
// `status --json` give `dataThrough: null` and `window: null`, the text says what to import.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusCommands } from "@/cli/commands-status";
import { runCli } from "@/cli/run";
import { db } from "@/db/client";
import { loadTrainingServices } from "@/db/queries/training-services";
import { solutionsPartnerJson } from "@/lib/api/solutions-partner-json";
import { toTrainingServicesJson } from "@/lib/api/training-services-json";
import { resetEnvCache } from "@/lib/env";
import { createOrg, expectOk, importCourses, runImport, TODAY } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const env = process.env as Record<string, string | undefined>;
const savedToday = env.APP_TODAY;
beforeAll(async () => {
  env.APP_TODAY = TODAY; // the CLI reads the clock
  resetEnvCache();
  await importCourses(); // the shared catalog is no program's data
});
afterAll(() => {
  env.APP_TODAY = savedToday;
  resetEnvCache();
});

async function status(partnerId: string, program: string, ...flags: string[]) {
  const out: string[] = [];
  const code = await runCli(statusCommands, ["status", "--org", partnerId, "--program", program, ...flags], {
    out: (s) => out.push(s),
    err: (s) => out.push(s),
    stdin: async () => "",
  });
  expect(code).toBe(0);
  return out.join("\n");
}

describe("a program with no import of its kinds (SPEC §6)", () => {
  it("has dataThrough null and window null in both JSON documents and in `status --json`", async () => {
    const orgId = await createOrg("nodata-1");
    const ts = toTrainingServicesJson(await loadTrainingServices(db(), orgId, TODAY));
    expect(ts).toMatchObject({ dataThrough: null, window: null, qualified: false, badges: [] });
    const sp = await solutionsPartnerJson(db(), orgId, TODAY);
    expect(sp).toMatchObject({ dataThrough: null, window: null });
    expect(sp.areas["modern-work"].status).toBe("not_started");

    expect(JSON.parse(await status("nodata-1", "training-services", "--json"))).toMatchObject({
      dataThrough: null,
      window: null,
    });
    expect(JSON.parse(await status("nodata-1", "solutions-partner", "--json"))).toMatchObject({
      dataThrough: null,
      window: null,
    });
    expect(await status("nodata-1", "training-services")).toContain(
      "(no data imported yet: import courseware completions, exam vouchers and MTM surveys)",
    );
    expect(await status("nodata-1", "solutions-partner")).toContain(
      "(no data imported yet: import customers, certifications, usage and deployments)",
    );
  });

  it("an import of one program's kind gives that program a data_through and window, not the other", async () => {
    const orgId = await createOrg("nodata-2");
    await expectOk(
      runImport(
        "certifications",
        orgId,
        "person_id,person_name,certification_code,earned_on,expires_on\nP-1,Pat,MS-700,2026-05-01,\n",
      ),
    );
    const sp = await solutionsPartnerJson(db(), orgId, TODAY);
    expect(sp).toMatchObject({ dataThrough: "2026-10-31", window: { start: "2025-11-01", end: "2026-10-31" } });
    const ts = toTrainingServicesJson(await loadTrainingServices(db(), orgId, TODAY));
    expect(ts).toMatchObject({ dataThrough: null, window: null });
    expect(await status("nodata-2", "solutions-partner")).toContain("Solutions Partner (data through 2026-10-31)");
  });
});
