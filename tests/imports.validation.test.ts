// SPEC §6: every row is validated; one bad row rejects the file with row-numbered errors and
// nothing is written. Row numbers: the header is row 1, the first data row is row 2.
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { InputError } from "@/lib/imports/errors";
import { count, createOrg, expectRejected, importCourses, runImport } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
let org = "";
beforeAll(async () => {
  org = await createOrg("validation-1");
  await importCourses();
});

const COMPLETIONS = "achievement_code,course_code,redeemed_on";
const completions = (...rows: string[]) => `${[COMPLETIONS, ...rows].join("\n")}\n`;
const reject = (text: string, kind: Parameters<typeof runImport>[0] = "courseware-completions") =>
  expectRejected(runImport(kind, kind === "courses" ? null : org, text));

async function expectNothingWritten() {
  const mine = `org_id = '${org}'`;
  expect(await count("courseware_completions", mine)).toBe(0);
  expect(await count("ts_monthly", mine)).toBe(0);
  expect(await count("imports", mine)).toBe(0);
  expect(await count("audit_log", mine)).toBe(0);
}

describe("row errors", () => {
  it("one bad row among thousands writes nothing and names the row and column", async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `A-${i},AZ-104T00,2026-10-${String((i % 28) + 1).padStart(2, "0")}`,
    );
    rows[3456] = "A-3456,AZ-104T00,2026-02-30";
    const r = await reject(completions(...rows));
    expect(r.errorCount).toBe(1);
    expect(r.errors).toEqual([
      {
        row: 3458,
        column: "redeemed_on",
        message: '"2026-02-30" is not a valid date (expected YYYY-MM-DD, a real calendar day)',
      },
    ]);
    expect(r.message).toBe("Nothing was imported.");
    await expectNothingWritten();
  });

  it("an unknown course code is an error", async () => {
    const r = await reject(completions("A-1,AZ-104T00,2026-10-01", "A-2,NOPE-1,2026-10-01"));
    expect(r.errors).toEqual([
      {
        row: 3,
        column: "course_code",
        message: '"NOPE-1" is not a known course code (import it in the course catalog first)',
      },
    ]);
    await expectNothingWritten();
  });

  it("lists at most 100 errors and counts them all", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `A-${i},AZ-104T00,2026-13-01`);
    const r = await reject(completions(...rows));
    expect(r.errorCount).toBe(250);
    expect(r.errors).toHaveLength(100);
    expect(r.errors[0]!.row).toBe(2);
    expect(r.errors[99]!.row).toBe(101);
  });

  it("reports every problem of a row: empty required cells, enums, answers, numbers, months", async () => {
    expect((await reject(completions(",AZ-104T00,"))).errors).toEqual([
      { row: 2, column: "achievement_code", message: "Required, but empty" },
      { row: 2, column: "redeemed_on", message: "Required, but empty" },
    ]);
    const surveys = await reject(
      "survey_id,course_code,completed_on,q1,q2,q3,q4,q5\nS-1,AZ-104T00,2026-10-01,6,4.5,0,,x\n",
      "mtm-surveys",
    );
    expect(surveys.errors.map((e) => e.column)).toEqual(["q1", "q2", "q3", "q5"]);
    expect(surveys.errors[0]!.message).toBe('"6" is not an answer from 1 to 5 (leave it empty when unanswered)');
    const usage = await reject(
      'solution_area,association,measure,month,value\nazure,csp,users,2026-13,"1,000"\n',
      "usage",
    );
    expect(usage.errors.map((e) => [e.column, e.message])).toEqual([
      ["solution_area", '"azure" is not a known solution area'],
      [
        "measure",
        '"users" is not one of azure-consumption-usd, active-users, protected-users, security-consumption-usd, consumption-value',
      ],
      ["month", '"2026-13" is not a valid month (expected YYYY-MM)'],
      ["value", '"1,000" is not a number such as 1234.5 (no sign, no thousands separators, at most 8 decimals)'],
    ]);
    const vouchers = await reject(
      "voucher_id,exam_code,level,purchased_on\nV-1,AZ-104,expert,2026-10-01\n",
      "exam-vouchers",
    );
    expect(vouchers.errors).toEqual([
      { row: 2, column: "level", message: '"expert" is not one of fundamentals, advanced' },
    ]);
    const courses = await reject("course_code,title,solution_area,category\nX-1,Title,,weekly\n", "courses");
    expect(courses.errors).toEqual([
      {
        row: 2,
        column: "category",
        message: '"weekly" is not one of fundamentals, two-days-or-less, three-days-or-more',
      },
    ]);
  });

  it("checks certification codes against the catalog and dates against each other", async () => {
    const r = await reject(
      "person_id,person_name,certification_code,earned_on,expires_on\nP-1,Ada,XX-999,2026-01-01,\nP-2,Bob,AZ-104,2026-01-01,2025-12-31\n",
      "certifications",
    );
    expect(r.errors).toEqual([
      { row: 2, column: "certification_code", message: '"XX-999" is not a known certification code' },
      { row: 3, column: "expires_on", message: "2025-12-31 is before earned_on 2026-01-01" },
    ]);
    const c = await reject(
      "customer_id,customer_name,solution_area,segment,association,eligible_from\nC-1,Contoso,security,mid,xyz,2026-01-01\n",
      "customers",
    );
    expect(c.errors.map((e) => e.column)).toEqual(["segment", "association"]);
  });

  it("rejects rows with missing values or values beyond the header", async () => {
    const r = await reject(
      completions("A-1,AZ-104T00", "A-2,AZ-104T00,2026-10-01,extra", "A-3,AZ-104T00,2026-10-01,,"),
    );
    expect(r.errors).toEqual([
      { row: 2, message: "This row has 2 values but the header has 3 columns." },
      { row: 3, message: "This row has a value in column 4, beyond the 3 columns of the header." },
    ]);
  });

  it("rejects duplicate natural keys inside one file, naming both rows", async () => {
    const r = await reject(
      completions("A-1,AZ-104T00,2026-10-01", "A-2,AZ-104T00,2026-10-01", "A-1,AZ-900T00,2026-10-02"),
    );
    expect(r.errors).toEqual([
      {
        row: 4,
        column: "achievement_code",
        message: 'Same achievement_code as row 2 ("A-1"): each appears once per file.',
      },
    ]);
    const c = await reject(
      "customer_id,customer_name,solution_area,segment,association,eligible_from\nC-1,A,security,smb,csp,2026-01-01\nC-1,A,security,smb,pal,2026-01-01\nC-1,B,Security,smb,CSP,2026-02-01\n",
      "customers",
    );
    expect(c.errors).toEqual([
      {
        row: 4,
        column: "customer_id, solution_area, association",
        message:
          'Same customer_id + solution_area + association as row 2 ("C-1", "security", "csp"): each appears once per file.',
      },
    ]);
    await expectNothingWritten();
  });

  it("rejects an invalid data-through date", async () => {
    const r = await expectRejected(
      runImport("courseware-completions", org, completions("A-1,AZ-104T00,2026-10-01"), { dataThrough: "2026-02-30" }),
    );
    expect(r.errors).toEqual([
      {
        row: 0,
        column: "data_through",
        message: '"2026-02-30" is not a valid "data through" date (expected YYYY-MM-DD).',
      },
    ]);
  });
});

describe("header problems (row 1)", () => {
  it("names missing, unknown and repeated columns", async () => {
    const r = await reject("achievement_code,Course_Code,redeemed,course_code\nA-1,AZ-104T00,2026-10-01,AZ-104T00\n");
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [1, "redeemed"],
      [1, "course_code"],
      [1, "redeemed_on"],
    ]);
    expect(r.errors[0]!.message).toContain(
      'Unknown column "redeemed" (column 3). A courseware-completions file has the columns achievement_code, course_code, redeemed_on.',
    );
    expect(r.errors[1]!.message).toBe('Column "course_code" appears twice (columns 2 and 4).');
    expect(r.errors[2]!.message).toContain("Missing required column redeemed_on.");
  });

  it("explains a file separated by semicolons or tabs", async () => {
    const r = await reject("achievement_code;course_code;redeemed_on\nA-1;AZ-104T00;2026-10-01\n");
    expect(r.errors).toEqual([
      { row: 1, message: expect.stringContaining("The columns are separated by semicolons, not commas.") },
    ]);
  });

  it("accepts header names in any case and order, and unnamed empty columns", async () => {
    const text = "Redeemed_On, COURSE_CODE ,achievement_code,\n2026-10-01,AZ-104T00,A-1,\n";
    const r = await runImport("courseware-completions", await createOrg("validation-2"), text, {
      dataThrough: "2026-10-31",
    });
    expect(r).toMatchObject({ ok: true, rows: 1 });
    const bad = await reject("achievement_code,course_code,redeemed_on,\nA-9,AZ-104T00,2026-10-01,surprise\n");
    expect(bad.errors).toEqual([
      { row: 2, message: "This row has a value in column 4, which has no name in the header." },
    ]);
  });
});

describe("file problems", () => {
  it("rejects an empty file and a file with no data rows", async () => {
    expect((await reject("")).errors).toEqual([
      { row: 1, message: "The file is empty: it needs a header row with the column names, then one row per record." },
    ]);
    expect((await reject(`${COMPLETIONS}\n\n,,\n`)).errors).toEqual([
      { row: 2, message: "The file has a header row but no data rows." },
    ]);
  });

  it("skips blank lines but keeps counting them", async () => {
    const r = await reject(`${COMPLETIONS}\r\nA-1,AZ-104T00,2026-10-01\r\n\r\n,,\r\nA-2,AZ-104T00,2026-10-32\r\n`);
    expect(r.errors).toEqual([{ row: 5, column: "redeemed_on", message: expect.stringContaining("2026-10-32") }]);
  });

  it("rejects bad quoting with the row number", async () => {
    const unclosed = await reject(completions("A-1,AZ-104T00,2026-10-01", '"A-2,AZ-104T00,2026-10-01'));
    expect(unclosed.errors).toEqual([
      { row: 3, column: "achievement_code", message: expect.stringContaining("never closed") },
    ]);
    const inner = await reject(completions('A-1,AZ"104,2026-10-01'));
    expect(inner.errors).toEqual([{ row: 2, column: "course_code", message: expect.stringContaining("Bad quoting") }]);
    const after = await reject(completions('"A-1"x,AZ-104T00,2026-10-01'));
    expect(after.errors).toEqual([
      { row: 2, column: "achievement_code", message: expect.stringContaining("Bad quoting") },
    ]);
  });

  it("rejects an enormous row instead of holding it", async () => {
    const huge = "x".repeat(70 * 1024);
    const r = await reject(completions("A-1,AZ-104T00,2026-10-01", `A-2,${huge},2026-10-01`));
    expect(r.errors).toEqual([{ row: 3, column: "course_code", message: expect.stringContaining("more than 64 KiB") }]);
  });

  it("rejects bytes that are not UTF-8, naming the row and column", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${COMPLETIONS}\nA-1,AZ-104T00,2026-10-01\nA-`),
      Buffer.from([0xe9, 0x41]),
      Buffer.from(",AZ-104T00,2026-10-01\n"),
    ]);
    const direct = await expectRejected(
      runImport(
        "courseware-completions",
        org,
        (async function* () {
          yield bytes;
        })(),
      ),
    );
    expect(direct.errors).toEqual([
      {
        row: 3,
        column: "achievement_code",
        message: "Contains bytes that are not UTF-8 text (save the file as “CSV UTF-8”)",
      },
    ]);
    await expectNothingWritten();
  });

  it("answers an interrupted upload without writing", async () => {
    async function* broken() {
      yield `${COMPLETIONS}\nA-1,AZ-104T00,2026-10-01\n`;
      throw new Error("socket hang up");
    }
    const r = await expectRejected(runImport("courseware-completions", org, broken()));
    expect(r.errors).toEqual([
      { row: 0, message: "The file could not be read to the end (was the upload interrupted?)." },
    ]);
    async function* tooLarge() {
      yield `${COMPLETIONS}\n`;
      throw new InputError("The file is larger than the 1 GB limit.");
    }
    expect((await expectRejected(runImport("courseware-completions", org, tooLarge()))).errors[0]!.message).toBe(
      "The file is larger than the 1 GB limit.",
    );
    await expectNothingWritten();
  });

  it("refuses an organization for the shared catalog, and requires one otherwise", async () => {
    await expect(runImport("courses", org, "course_code,title,solution_area,category\n")).rejects.toBeInstanceOf(
      DomainError,
    );
    await expect(runImport("courseware-completions", null, COMPLETIONS)).rejects.toBeInstanceOf(DomainError);
  });
});
