// SPEC §6, §9: the staging COPY follows the validator batch by batch, and a first load inserts each batch as soon as
// it is staged. Driven by hand here (the validator's side written line by line, the consumer observed between
// batches), so that the batches are certain rather than left to timing: every row lands once, a key repeated
// across batches is refused with its rows named, and a file that fails after a batch was inserted writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { dbHandle } from "@/db/client";
import { ErrorList, Rejected } from "@/lib/imports/errors";
import { kindSpec, targetColumns } from "@/lib/imports/kinds";
import { loadRows } from "@/lib/imports/load";
import { createSpool, type Spool } from "@/lib/imports/spool";
import { inCopyTransaction } from "@/lib/imports/tx";
import { count, createOrg, importCourses } from "./fixtures/csv/helpers";
import { useTestDatabase } from "./test-db";

useTestDatabase();
beforeAll(async () => {
  await importCourses();
});

const spec = kindSpec("courseware-completions");
const ROWS_PER_BLOCK = 7_000; // lines of about 40 characters: more than one 256 KiB block

function line(row: number, code: string): string {
  const values: Record<string, string> = {
    achievement_code: code,
    course_code: "AZ-104T00",
    redeemed_on: "2026-09-01",
  };
  return `${row},${targetColumns(spec)
    .map((c) => `"${values[c]}"`)
    .join(",")}\n`;
}

/** The spool as loadRows sees it, recording each batch it copies and when it waits for more. */
function observed(spool: Spool) {
  const batches: number[] = [];
  let copied = 0;
  let copiedWhenIdle = 0;
  const view: Spool = {
    ...spool,
    async copyBlocks(target, from, to) {
      batches.push(to - from);
      await spool.copyBlocks(target, from, to);
      copied = to;
    },
    changed() {
      copiedWhenIdle = copied;
      return spool.changed();
    },
  };
  /** Resolves once loadRows waits with every block written so far handled (staged, and inserted on a first load). */
  const caughtUp = async () => {
    const written = () => spool.progress().blocks;
    while (written() === 0 || copiedWhenIdle !== written()) await new Promise((r) => setTimeout(r, 5));
  };
  return { view, batches, caughtUp };
}

/** Writes rows first..last (file row numbers) with the codes `code(row)`; returns when the spool has taken them. */
async function write(spool: Spool, first: number, last: number, code: (row: number) => string) {
  for (let row = first; row <= last; row++) {
    const wait = spool.sink.write(line(row, code(row)), row);
    if (wait) await wait;
  }
}

async function loadInBatches(org: string, second: (spool: Spool) => Promise<void>, keep = true) {
  const spool = await createSpool();
  const { view, batches, caughtUp } = observed(spool);
  let finish: (rows: number) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const validated = new Promise<number>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  validated.catch(() => {}); // loadRows awaits it after the last batch
  try {
    const loading = inCopyTransaction(dbHandle().driver, (conn) => loadRows(conn, spec, org, view, validated));
    const settled = loading.then(
      (value) => ({ value, error: null }),
      (error: unknown) => ({ value: null, error }),
    );
    await write(spool, 2, ROWS_PER_BLOCK + 1, (row) => `B-${row}`);
    await caughtUp(); // the first batch is staged and inserted while the "validator" has not ended
    await second(spool);
    await spool.sink.end(keep);
    if (keep) finish(spool.progress().lastRow - 1);
    else fail(new Rejected(new ErrorList()));
    return { ...(await settled), batches };
  } finally {
    await spool.remove();
  }
}

const countOf = (org: string) => count("courseware_completions", `org_id = '${org}'`);

describe("a first load in batches", () => {
  it("inserts each batch once, the first before the validator ends", async () => {
    const org = await createOrg("batches-ok");
    const r = await loadInBatches(org, (spool) =>
      write(spool, ROWS_PER_BLOCK + 2, 2 * ROWS_PER_BLOCK + 1, (n) => `B-${n}`),
    );
    expect(r.error).toBeNull();
    expect(r.batches.length).toBeGreaterThanOrEqual(2);
    expect(r.value).toEqual({ rows: 2 * ROWS_PER_BLOCK, inserted: 2 * ROWS_PER_BLOCK, updated: 0, firstLoad: true });
    expect(await countOf(org)).toBe(2 * ROWS_PER_BLOCK);
    expect(await count("courseware_completions", `org_id = '${org}' and achievement_code = 'B-2'`)).toBe(1);
  });

  it("refuses a key of an earlier batch repeated in a later one, naming both rows, and writes nothing", async () => {
    const org = await createOrg("batches-dup");
    const last = 2 * ROWS_PER_BLOCK + 1;
    const r = await loadInBatches(org, (spool) =>
      write(spool, ROWS_PER_BLOCK + 2, last, (n) => (n === last ? "B-5" : `B-${n}`)),
    );
    expect(r.batches.length).toBeGreaterThanOrEqual(2);
    expect(r.error).toBeInstanceOf(Rejected);
    const list = (r.error as Rejected).list;
    expect(list.count).toBe(1);
    expect(list.items[0]).toMatchObject({ row: last, column: "achievement_code" });
    expect(list.items[0]!.message).toContain("as row 5");
    expect(await countOf(org)).toBe(0);
  });

  it("writes nothing when the file turns out bad after a batch was inserted", async () => {
    const org = await createOrg("batches-bad");
    const r = await loadInBatches(org, async () => {}, false);
    expect(r.batches.length).toBeGreaterThanOrEqual(1);
    expect(r.error).toBeInstanceOf(Rejected);
    expect(await countOf(org)).toBe(0);
  });
});
