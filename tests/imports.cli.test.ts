// SPEC §7: `import KIND FILE --org ID [--data-through YYYY-MM-DD]` — exit 0 with the counts,
// 1 with row-numbered errors (nothing written), 2 with the usage line on wrong arguments.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { importCommands } from "@/cli/commands-import";
import { runCli } from "@/cli/run";
import { count, createOrg, query } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
const fixture = (name: string) => path.join(__dirname, "fixtures/csv", name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pmc-import-cli-"));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(importCommands, argv, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    stdin: async () => "",
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let org = "";
beforeAll(async () => {
  org = await createOrg("cli-1");
});

describe("npm run cli -- import", () => {
  it("imports the shared course catalog without --org, then completions for an organization", async () => {
    const courses = await cli("import", "courses", fixture("courses.csv"));
    expect(courses).toMatchObject({ code: 0, err: "" });
    expect(courses.out).toMatch(
      /^courses for the shared course catalog: 4 rows imported, data through \d{4}-\d{2}-\d{2}\.\n4 new, 0 changed, 0 unchanged\.$/,
    );
    const r = await cli(
      "import",
      "courseware-completions",
      fixture("courseware-completions.csv"),
      "--org",
      "cli-1",
      "--data-through",
      "2026-10-31",
    );
    expect(r).toEqual({
      code: 0,
      err: "",
      out: "courseware-completions for organization cli-1: 3 rows imported, data through 2026-10-31.\n3 new, 0 changed, 0 unchanged.",
    });
    expect(await count("courseware_completions", `org_id = '${org}'`)).toBe(3);
    const [imp] = await query(`select file_name, imported_by from imports where org_id = '${org}'`);
    expect(imp).toEqual({ file_name: "courseware-completions.csv", imported_by: "cli" });
  });

  it("exits 1 with the row-numbered errors and writes nothing", async () => {
    const bad = path.join(tmp, "bad.csv");
    fs.writeFileSync(bad, "achievement_code,course_code,redeemed_on\nB-1,AZ-104T00,2026-10-01\nB-2,NOPE,2026-02-30\n");
    const r = await cli("import", "courseware-completions", bad, "--org", "cli-1");
    expect(r.code).toBe(1);
    expect(r.err.split("\n")).toEqual([
      'Row 3, column course_code: "NOPE" is not a known course code (import it in the course catalog first)',
      'Row 3, column redeemed_on: "2026-02-30" is not a valid date (expected YYYY-MM-DD, a real calendar day)',
      "2 errors. Nothing was imported. Rows are numbered as in a spreadsheet: the header is row 1 and the first data row is row 2.",
    ]);
    expect(await count("courseware_completions", "achievement_code like 'B-%'")).toBe(0);
  });

  it("answers wrong arguments with the usage line and exit 2", async () => {
    for (const argv of [
      ["import", "courseware-completions", fixture("courseware-completions.csv")], // no --org
      ["import", "courses", fixture("courses.csv"), "--org", "cli-1"], // --org on the shared catalog
      ["import", "widgets", fixture("courses.csv"), "--org", "cli-1"],
      ["import", "courses"],
      ["import", "usage", fixture("usage.csv"), "--org", "cli-1", "--data-through", "2026-02-30"],
      ["import", "usage", fixture("usage.csv"), "--org", "cli-1", "--bogus"],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toContain("Usage: npm run cli -- import KIND FILE [--org ID] [--data-through YYYY-MM-DD]");
    }
  });

  it("exits 1 for a missing file or an unknown organization", async () => {
    expect(await cli("import", "usage", path.join(tmp, "missing.csv"), "--org", "cli-1")).toMatchObject({
      code: 1,
      err: expect.stringContaining("no such file"),
    });
    expect(await cli("import", "usage", fixture("usage.csv"), "--org", "nobody")).toMatchObject({
      code: 1,
      err: "Error: No organization with partner id nobody",
    });
  });

  it("is registered in the CLI and answers --help", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "cli/index.ts", "import", "--help"],
      { cwd: path.join(__dirname, "..") },
    );
    expect(stdout).toContain("Usage: npm run cli -- import KIND FILE [--org ID] [--data-through YYYY-MM-DD]");
  });
});
