// SPEC §9 (fast at any size): the Training Services CSV download streams one `COPY (select …) TO STDOUT` on
// PostgreSQL (formula neutralization in SQL, quoting by COPY's CSV writer, CRLF row ends in Node)
// and keyset pages on PGlite. Both must give exactly the bytes of lib/csv.ts's csvLine (SPEC §6),
// for hostile values. PGlite runs the same COPY into a blob, so the SQL side is checked on both.

import { sql } from "drizzle-orm";
import postgres from "postgres";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, dbHandle } from "@/db/client";
import { loadFreshness } from "@/db/queries/freshness";
import { TS_KINDS } from "@/db/queries/training-services";
import {
  TS_LINE_ITEM_COLUMNS,
  type TsLineItemKind,
  tsLineItemCsvSql,
  tsLineItemPages,
} from "@/db/queries/training-services-items";
import { courses, users } from "@/db/schema";
import type { UserCaller } from "@/lib/auth/caller";
import { today } from "@/lib/clock";
import { CsvRowEnds, csvCellsSql, csvCopyResponse, csvLine, csvResponse } from "@/lib/csv";
import { env } from "@/lib/env";
import { windowFor } from "@/lib/rules/time";
import { createOrg, query } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

const session = vi.hoisted(() => ({ ctx: null as UserCaller | null }));
vi.mock("@/lib/auth/guard", () => {
  class AccessError extends Error {
    constructor(readonly status: 401 | 403) {
      super("Sign in to continue.");
    }
  }
  return {
    AccessError,
    requireAccess: async () => {
      if (!session.ctx) throw new AccessError(401);
      return session.ctx;
    },
  };
});
const { GET } = await import("@/app/membership/training-services/download/route");

useTestDatabase();

// Every cell rule: formula starts (=, +, -, @, tab, CR), quoting (", comma, CR, LF), both at
// once, characters that are not special (space, ', \, non-ASCII) and the empty string.
const HOSTILE = [
  "",
  "plain",
  "=1+2",
  "+SUM(A1)",
  "-3",
  "@cmd",
  "\tTAB",
  "\rCR",
  "\nLF first",
  "a,b",
  'say "hi"',
  "line\nbreak",
  "cr\r\nlf",
  '=HYPERLINK("http://x.example","a,b")',
  "-",
  "=",
  "\\.",
  "\\N",
  "'already",
  " =spaced",
  "back\\slash",
  "é漢字🙂",
  "trailing,",
  '"',
];

async function bytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

/** The bytes csvCopyResponse sends for `select` (header ["h"]): through it on PostgreSQL, and on
 * PGlite as the same COPY into a blob, its rows then through CsvRowEnds like csvCopyResponse does. */
async function copied(select: string): Promise<Buffer> {
  const { driver } = dbHandle();
  if (driver.kind === "postgres") return bytes(await csvCopyResponse("x.csv", ["h"], driver.sql, select));
  const result = await driver.pg.query(`copy (${select}) to '/dev/blob' with (format csv, null '=')`);
  const parts: Uint8Array[] = [Buffer.from("\uFEFFh\r\n")];
  const rows = new CsvRowEnds((c) => parts.push(Buffer.from(c)));
  rows.push(new Uint8Array(await result.blob!.arrayBuffer()));
  rows.end();
  return Buffer.concat(parts);
}
const sqlText = (v: string | null) => (v === null ? "null" : `'${v.replace(/'/g, "''")}'`);

describe("the cells of a COPY download", () => {
  it("are neutralized and quoted exactly like csvLine, NULL and empty strings included", async () => {
    const values = [...HOSTILE, null];
    const pairs = values.flatMap(
      (a, i) =>
        [
          [a, values[(i * 5 + 3) % values.length]!],
          [a, null],
        ] as const,
    );
    const select = `select ${csvCellsSql(["a", "b", "'plain'"])} from (values ${pairs.map(([a, b], i) => `(${i}, ${sqlText(a)}::text, ${sqlText(b)}::text)`).join(", ")}) v(i, a, b) order by i`;
    const expected = Buffer.from(`\uFEFFh\r\n${pairs.map(([a, b]) => csvLine([a, b, "plain"])).join("")}`);
    const body = await copied(select);
    expect(body.toString()).toBe(expected.toString());
    expect(body.equals(expected)).toBe(true);
  });
});

describe("CsvRowEnds", () => {
  const run = (pieces: Uint8Array[]) => {
    const out: Buffer[] = [];
    const rows = new CsvRowEnds((c) => out.push(Buffer.from(c)));
    for (const p of pieces) rows.push(p);
    rows.end();
    return { text: Buffer.concat(out).toString(), chunks: out.length };
  };

  it("ends rows with CRLF, keeps line breaks inside quoted cells, however the input is split", () => {
    const input = Buffer.from('a,b\n"x\ny",""""\n,"q""\n""",é漢字\n\n"\r\n"\n');
    const expected = 'a,b\r\n"x\ny",""""\r\n,"q""\n""",é漢字\r\n\r\n"\r\n"\r\n';
    for (let i = 0; i <= input.length; i++) {
      for (let j = i; j <= input.length; j += 3) {
        expect(run([input.subarray(0, i), input.subarray(i, j), input.subarray(j)]), `${i}/${j}`).toEqual({
          text: expected,
          chunks: 1,
        });
      }
    }
  });

  it("hands on ~64 KiB chunks and refuses data that ends inside quotes", () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `${"x".repeat(i % 40)},${i}\n`).join("");
    const r = run([Buffer.from(lines)]);
    expect(r.text).toBe(lines.replace(/\n/g, "\r\n"));
    expect(r.chunks).toBeGreaterThan(5);
    expect(run([])).toEqual({ text: "", chunks: 0 });
    expect(() => run([Buffer.from('a,"b\n')])).toThrow(/inside a quoted cell/);
  });
});

describe("GET /membership/training-services/download", () => {
  let orgId = "";
  let otherOrg = "";
  const window = () => loadFreshness(db(), orgId, TS_KINDS, today()).then((f) => windowFor(f.asOf));

  beforeAll(async () => {
    orgId = await createOrg("dl-1");
    otherOrg = await createOrg("dl-2");
    const [user] = await db()
      .insert(users)
      .values({ orgId, email: "ada@dl.example", name: "Ada", role: "partner_admin", passwordHash: "-" })
      .returning();
    session.ctx = {
      kind: "user",
      sessionId: "s",
      userId: user!.id,
      email: "ada@dl.example",
      name: "Ada",
      role: "partner_admin",
      orgId,
      orgName: "Org",
      partnerId: "dl-1",
      country: "US",
      verified: true,
    };
    // Courses with hostile codes, straight into the tables (the import would refuse most of these values).
    const codes = ["AZ-104T00", "=CMD", "+C,1", 'Q"1'];
    await db()
      .insert(courses)
      .values(
        codes.map((c, i) => ({
          courseCode: c,
          title: c,
          solutionArea: i % 2 ? "security" : "infrastructure",
          category: i === 3 ? ("fundamentals" as const) : ("three-days-or-more" as const),
        })),
      );
    const w = await window();
    const days = [w.start, w.end, "2020-01-01", `${w.end.slice(0, 8)}01`];
    const lit = (v: string | null) => (v === null ? "null" : `'${v.replace(/'/g, "''")}'`);
    const values = (org: string, n: number, row: (i: number) => (string | number | null)[]) =>
      Array.from(
        { length: n },
        (_, i) =>
          `('${org}', ${row(i)
            .map((v) => (typeof v === "number" ? String(v) : lit(v)))
            .join(", ")})`,
      ).join(",\n");
    const key = (i: number) => `${HOSTILE[i % HOSTILE.length]}#${i}`;
    const N = 700;
    for (const org of [orgId, otherOrg]) {
      await db().execute(
        sql.raw(`insert into courseware_completions (org_id, achievement_code, course_code, redeemed_on) values
        ${values(org, N, (i) => [key(i), codes[i % 4]!, days[i % 4]!])}`),
      );
      await db().execute(
        sql.raw(`insert into exam_vouchers (org_id, voucher_id, exam_code, level, purchased_on) values
        ${values(org, N, (i) => [key(i), HOSTILE[(i * 7) % HOSTILE.length]!, i % 2 ? "advanced" : "fundamentals", days[i % 3]!])}`),
      );
      await db().execute(
        sql.raw(`insert into mtm_surveys (org_id, survey_id, course_code, completed_on, q1, q2, q3, q4, q5) values
        ${values(org, N, (i) => [key(i), codes[i % 4]!, days[i % 4]!, i % 5, i % 3 ? null : -i, 5, null, 1])}`),
      );
    }
  });

  const cases: { query: string; kind: TsLineItemKind; area: "security" | "infrastructure" | null }[] = [
    { query: "criterion=courseware", kind: "courseware", area: null },
    { query: "criterion=courseware&area=security", kind: "courseware", area: null }, // the route ignores the area for completions
    { query: "criterion=exam-vouchers", kind: "exam-vouchers", area: null },
    { query: "criterion=average-score", kind: "surveys", area: null },
    { query: "criterion=survey-completions&area=security", kind: "surveys", area: "security" },
    { query: "criterion=survey-completions&area=infrastructure", kind: "surveys", area: "infrastructure" },
  ];

  /** What the keyset pages + csvLine give (the PGlite path, and the implementation before COPY). */
  async function reference(
    kind: TsLineItemKind,
    area: "security" | "infrastructure" | null,
    pageSize: number,
  ): Promise<Buffer> {
    return bytes(
      csvResponse(
        "x.csv",
        TS_LINE_ITEM_COLUMNS[kind],
        tsLineItemPages(db(), orgId, kind, await window(), area, pageSize),
      ),
    );
  }

  it("answers with exactly the bytes of the keyset pages and csvLine, for every criterion", async () => {
    for (const c of cases) {
      const response = await GET(new Request(`http://app.example/membership/training-services/download?${c.query}`), {
        params: Promise.resolve({}),
      });
      expect(response.status, c.query).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const body = await bytes(response);
      const expected = await reference(c.kind, c.area, 7);
      expect(
        body.equals(expected),
        `${c.query}\n${body.toString().slice(0, 300)}\n---\n${expected.toString().slice(0, 300)}`,
      ).toBe(true);
      const lines = expected.toString().split("\r\n").length;
      expect(lines, c.query).toBeGreaterThan(50); // hostile rows in the window, not an empty file
    }
  });

  it("the COPY select gives the same bytes as the pages (on PGlite too, as a COPY into a blob)", async () => {
    const w = await window();
    for (const c of cases) {
      const body = await copied(tsLineItemCsvSql(orgId, c.kind, w, c.area));
      const expected = await reference(c.kind, c.area, 5000);
      // copied() writes the header "h": compare what follows the header lines.
      const rest = (b: Buffer) => b.subarray(b.indexOf("\r\n") + 2);
      expect(rest(body).equals(rest(expected)), c.query).toBe(true);
    }
  });

  it("refuses values that are not what they claim (COPY takes no parameters)", () => {
    const w = { start: "2026-01-01", end: "2026-12-31" };
    expect(() => tsLineItemCsvSql("x' or true --", "courseware", w, null)).toThrow(/uuid/);
    expect(() => tsLineItemCsvSql(orgId, "courseware", { ...w, end: "2026-12-31'" }, null)).toThrow(/date/);
    expect(() => tsLineItemCsvSql(orgId, "surveys", w, "x' or true --" as "security")).toThrow(/area/);
  });

  it("only the session's organization and role: 401 without a session", async () => {
    const saved = session.ctx;
    session.ctx = null;
    try {
      const response = await GET(
        new Request("http://app.example/membership/training-services/download?criterion=courseware"),
        { params: Promise.resolve({}) },
      );
      expect(response.status).toBe(401);
    } finally {
      session.ctx = saved;
    }
  });
});

describe.runIf(!!env().DATABASE_URL)("csvCopyResponse (PostgreSQL)", () => {
  const url = () => {
    const opts = (dbHandle().driver as { kind: "postgres"; sql: postgres.Sql }).sql.options;
    return `postgres://${opts.user}@${opts.host[0]}:${opts.port[0]}/${opts.database}`;
  };
  // generate_series in the select list streams (in FROM it would be materialized first).
  const many = (n: number) =>
    `select ${csvCellsSql(["g::text", "'=x' || g", "'a,b'"])} from (select generate_series(1, ${n}) as g) s`;
  const expected = (n: number) =>
    `\uFEFFn,f,q\r\n${Array.from({ length: n }, (_, i) => `${i + 1},'=x${i + 1},"a,b"\r\n`).join("")}`;

  it("streams a large result to a slow reader, ends, and leaves the one connection usable", async () => {
    const one = postgres(url(), { max: 1, onnotice: () => {} });
    try {
      for (let round = 0; round < 2; round++) {
        const response = await csvCopyResponse("x.csv", ["n", "f", "q"], one, many(60_000));
        const reader = response.body!.getReader();
        const parts: Uint8Array[] = [];
        for (let i = 0; ; i++) {
          const { value, done } = await reader.read();
          if (done) break;
          parts.push(value);
          if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5)); // the socket pauses meanwhile
        }
        expect(Buffer.concat(parts).toString()).toBe(expected(60_000));
        expect((await one`select 1 as one`)[0]!.one).toBe(1);
      }
    } finally {
      await one.end({ timeout: 5 });
    }
  });

  it("other queries of the pool neither fail nor wait while a download streams (no pipelining onto the COPY)", async () => {
    const two = postgres(url(), { max: 2, onnotice: () => {} });
    try {
      const response = await csvCopyResponse("x.csv", ["n", "f", "q"], two, many(200_000));
      const reader = response.body!.getReader();
      await reader.read();
      await reader.read(); // the COPY is under way, its connection paused
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => two`select ${i}::int as i`.then((r) => r[0]!.i)),
      );
      expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => i));
      let rest = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        rest += value.byteLength;
      }
      expect(rest).toBeGreaterThan(1_000_000);
      expect(
        (await Promise.all([two`select 1 as x`, two`select 2 as x`, two`select 3 as x`])).map((r) => r[0]!.x),
      ).toEqual([1, 2, 3]);
    } finally {
      await two.end({ timeout: 5 });
    }
  });

  it("a client that goes away cancels the COPY; the pooled connection comes back clean", async () => {
    const one = postgres(url(), { max: 1, onnotice: () => {} });
    try {
      const response = await csvCopyResponse("x.csv", ["n", "f", "q"], one, many(50_000_000));
      const reader = response.body!.getReader();
      await reader.read();
      await reader.read();
      const started = performance.now();
      await reader.cancel();
      expect((await one`select 2 as two`)[0]!.two).toBe(2); // not after 50 million rows
      expect(performance.now() - started).toBeLessThan(10_000);
      const [running] =
        await one`select count(*)::int as n from pg_stat_activity where query like 'copy (select%50000000%' and state = 'active'`;
      expect(running!.n).toBe(0);
    } finally {
      await one.end({ timeout: 5 });
    }
  });

  it("an error before the first row is thrown to the caller (a 500, not a truncated file)", async () => {
    await expect(
      csvCopyResponse(
        "x.csv",
        ["a"],
        (dbHandle().driver as { kind: "postgres"; sql: postgres.Sql }).sql,
        "select no_such_column from courses",
      ),
    ).rejects.toThrow(/no_such_column/);
  });

  it("an error mid-stream errors the body (the client sees a broken download, not a short one)", async () => {
    const response = await csvCopyResponse(
      "x.csv",
      ["a"],
      (dbHandle().driver as { kind: "postgres"; sql: postgres.Sql }).sql,
      `select case when g < 30000 then g::text else (1 / (g - g))::text end from (select generate_series(1, 40000) as g) s`,
    );
    await expect(response.arrayBuffer()).rejects.toThrow(/division by zero/);
    expect((await query<{ n: number }>("select 3 as n"))[0]!.n).toBe(3);
  });
});
