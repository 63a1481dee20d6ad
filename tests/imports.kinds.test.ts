// SPEC §6: every kind round-trips: import a file, read the rows back normalized.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportKind } from "@/lib/imports/columns";
import { chunked, count, createOrg, expectOk, query, runImport } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();

const fixture = (kind: ImportKind) => fs.readFileSync(path.join(__dirname, "fixtures/csv", `${kind}.csv`), "utf8");
const load = (kind: ImportKind, orgId: string | null) =>
  expectOk(runImport(kind, orgId, fixture(kind), { dataThrough: "2026-10-31" }));
let org = "";

beforeAll(async () => {
  org = await createOrg("kinds-1");
  await load("courses", null);
});

describe("round trip per kind", () => {
  it("courses: shared catalog, empty area → null, optional duration", async () => {
    const rows = await query(
      `select course_code, title, solution_area, category::text, duration_days from courses order by course_code`,
    );
    expect(rows).toEqual([
      {
        course_code: "AZ-104T00",
        title: "Microsoft Azure Administrator",
        solution_area: "infrastructure",
        category: "three-days-or-more",
        duration_days: 4,
      },
      {
        course_code: "AZ-900T00",
        title: "Azure Fundamentals",
        solution_area: null,
        category: "fundamentals",
        duration_days: 1,
      },
      {
        course_code: "PL-300T00",
        title: 'Power BI Data Analyst, "PL-300"',
        solution_area: "business-applications",
        category: "two-days-or-less",
        duration_days: 2,
      },
      {
        course_code: "SC-200T00",
        title: "Security Operations Analyst",
        solution_area: "security",
        category: "three-days-or-more",
        duration_days: null,
      },
    ]);
    const [imp] = await query(
      `select org_id, kind, file_name, row_count, data_through::text, imported_by from imports where kind = 'courses'`,
    );
    expect(imp).toEqual({
      org_id: null,
      kind: "courses",
      file_name: "courses.csv",
      row_count: 4,
      data_through: "2026-10-31",
      imported_by: "cli",
    });
  });

  it("decodes UTF-8 characters split across chunks", async () => {
    const title = "Über Azure — données, 数据 ✓";
    await expectOk(
      runImport(
        "courses",
        null,
        chunked(`course_code,title,solution_area,category\nUTF-1,"${title}",,fundamentals\n`, 3),
      ),
    );
    expect(await query(`select title from courses where course_code = 'UTF-1'`)).toEqual([{ title }]);
  });

  it("courseware-completions: BOM, course codes matched case-insensitively", async () => {
    const r = await load("courseware-completions", org);
    expect(r).toMatchObject({
      rows: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      dataThrough: "2026-10-31",
      message: "3 rows imported, data through 2026-10-31.",
    });
    expect(
      await query(
        `select achievement_code, course_code, redeemed_on::text from courseware_completions where org_id = '${org}' order by 1`,
      ),
    ).toEqual([
      { achievement_code: "ACH-0001", course_code: "AZ-104T00", redeemed_on: "2026-10-01" },
      { achievement_code: "ACH-0002", course_code: "AZ-900T00", redeemed_on: "2026-10-31" },
      { achievement_code: "ACH-0003", course_code: "PL-300T00", redeemed_on: "2025-11-01" },
    ]);
  });

  it("exam-vouchers: level normalized, exam code upper-cased", async () => {
    await load("exam-vouchers", org);
    expect(
      await query(
        `select voucher_id, exam_code, level::text, purchased_on::text from exam_vouchers where org_id = '${org}' order by 1`,
      ),
    ).toEqual([
      { voucher_id: "V-1", exam_code: "AZ-104", level: "advanced", purchased_on: "2026-09-15" },
      { voucher_id: "V-2", exam_code: "AZ-900", level: "fundamentals", purchased_on: "2026-10-01" },
    ]);
  });

  it("mtm-surveys: unanswered = null, other columns kept in other_answers", async () => {
    await load("mtm-surveys", org);
    expect(
      await query(
        `select survey_id, course_code, completed_on::text, q1, q2, q3, q4, q5, other_answers from mtm_surveys where org_id = '${org}' order by 1`,
      ),
    ).toEqual([
      {
        survey_id: "S-1",
        course_code: "AZ-104T00",
        completed_on: "2026-10-02",
        q1: 5,
        q2: 4,
        q3: null,
        q4: 3,
        q5: 5,
        other_answers: { "Instructor comment": "Great, really", q6: "2" },
      },
      {
        survey_id: "S-2",
        course_code: "PL-300T00",
        completed_on: "2026-10-03",
        q1: null,
        q2: null,
        q3: null,
        q4: null,
        q5: null,
        other_answers: null,
      },
      {
        survey_id: "S-3",
        course_code: "AZ-900T00",
        completed_on: "2026-09-30",
        q1: 1,
        q2: 2,
        q3: 3,
        q4: 4,
        q5: 5,
        other_answers: null,
      },
    ]);
  });

  it("customers: one row per customer, area and association", async () => {
    await load("customers", org);
    expect(
      await query(
        `select customer_id, customer_name, solution_area, segment::text, association::text, eligible_from::text, eligible_until::text from customers where org_id = '${org}' order by 1, 5`,
      ),
    ).toEqual([
      {
        customer_id: "C-1",
        customer_name: "Contoso Ltd",
        solution_area: "modern-work",
        segment: "enterprise",
        association: "cpor",
        eligible_from: "2025-01-01",
        eligible_until: null,
      },
      {
        customer_id: "C-1",
        customer_name: "Contoso Ltd",
        solution_area: "modern-work",
        segment: "enterprise",
        association: "dpor",
        eligible_from: "2025-01-01",
        eligible_until: "2026-06-30",
      },
      {
        customer_id: "C-2",
        customer_name: "Fabrikam",
        solution_area: "security",
        segment: "smb",
        association: "pal",
        eligible_from: "2026-02-01",
        eligible_until: null,
      },
    ]);
  });

  it("certifications: codes normalized against the catalog", async () => {
    await load("certifications", org);
    expect(
      await query(
        `select person_id, person_name, certification_code, earned_on::text, expires_on::text from certifications where org_id = '${org}' order by 1, 3`,
      ),
    ).toEqual([
      {
        person_id: "P-1",
        person_name: "Ada Lovelace",
        certification_code: "AZ-104",
        earned_on: "2025-03-01",
        expires_on: "2026-03-01",
      },
      {
        person_id: "P-1",
        person_name: "Ada Lovelace",
        certification_code: "AZ-305",
        earned_on: "2025-06-01",
        expires_on: null,
      },
      {
        person_id: "P-2",
        person_name: "Grace Hopper",
        certification_code: "MS-700",
        earned_on: "2026-01-15",
        expires_on: "2027-01-15",
      },
    ]);
  });

  it("usage: values stay exact decimals", async () => {
    await load("usage", org);
    expect(
      await query(
        `select solution_area, association::text, measure, month, value::text from usage where org_id = '${org}' order by 1, 4`,
      ),
    ).toEqual([
      {
        solution_area: "data-ai",
        association: "csp",
        measure: "azure-consumption-usd",
        month: "2025-10",
        value: "1000.50",
      },
      {
        solution_area: "data-ai",
        association: "csp",
        measure: "azure-consumption-usd",
        month: "2026-10",
        value: "12345678901234.12345678",
      },
      { solution_area: "modern-work", association: "cpor", measure: "active-users", month: "2026-10", value: "250" },
    ]);
  });

  it("deployments: workload normalized to lower case", async () => {
    await load("deployments", org);
    expect(
      await query(
        `select customer_id, solution_area, workload, association::text, deployed_on::text, removed_on::text from deployments where org_id = '${org}' order by 1`,
      ),
    ).toEqual([
      {
        customer_id: "C-1",
        solution_area: "modern-work",
        workload: "teams",
        association: "cpor",
        deployed_on: "2025-05-01",
        removed_on: null,
      },
      {
        customer_id: "C-2",
        solution_area: "data-ai",
        workload: "virtual-machines",
        association: "csp",
        deployed_on: "2026-01-01",
        removed_on: "2026-08-31",
      },
    ]);
  });

  it("every import is recorded with its audit row, and rows stay in their organization", async () => {
    expect(await count("imports", `org_id = '${org}'`)).toBe(7);
    const audits = await query<{ org_id: string | null; detail: { kind: string; rows: number } }>(
      `select org_id, detail from audit_log where action = 'import' order by id`,
    );
    expect(audits.map((a) => a.detail.kind)).toEqual([
      "courses",
      "courses",
      "courseware-completions",
      "exam-vouchers",
      "mtm-surveys",
      "customers",
      "certifications",
      "usage",
      "deployments",
    ]);
    expect(audits.slice(2).every((a) => a.org_id === org)).toBe(true);
    const other = await createOrg("kinds-2");
    for (const table of [
      "courseware_completions",
      "exam_vouchers",
      "mtm_surveys",
      "customers",
      "certifications",
      "usage",
      "deployments",
    ]) {
      expect(await count(table, `org_id = '${other}'`)).toBe(0);
    }
  });
});
