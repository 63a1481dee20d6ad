// The validated rows of an import, spooled to a temporary file before the transaction opens
// (SPEC §6, §9): reading and checking the upload runs at the sender's pace with no database
// connection held, so a slow or stalled upload never blocks other organizations; the
// transaction then copies from local disk. Memory stays bounded: the file is written and read
// as a stream, one row at a time.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CopySink } from "./tx";

export type Spool = {
  /** Where the validator writes COPY lines (one row each, ending in \n). */
  sink: CopySink;
  /** Replays the rows into the database's COPY, one row per write (PGlite batches by rows). */
  copyInto(target: CopySink): Promise<void>;
  /** Deletes the file; safe to call more than once. */
  remove(): Promise<void>;
};

export async function createSpool(): Promise<Spool> {
  const dir = await mkdtemp(path.join(tmpdir(), "pmc-import-"));
  const file = path.join(dir, "rows.csv");
  const out = createWriteStream(file);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    const done = once(out, "close");
    out.end();
    await done;
  };
  return {
    sink: {
      write(line) {
        return out.write(line) ? undefined : once(out, "drain").then(() => undefined);
      },
      end: close,
    },
    async copyInto(target) {
      await close();
      for await (const row of rowsOf(file)) {
        const wait = target.write(row);
        if (wait) await wait;
      }
    },
    async remove() {
      if (!closed) {
        closed = true;
        out.destroy();
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The rows of a spool file. A row's quoted cells may hold line breaks; every cell is either
 * empty or quoted with inner quotes doubled, so a line break ends a row exactly when the
 * quotes seen so far in the row are even.
 */
async function* rowsOf(file: string): AsyncGenerator<string> {
  let row = "";
  let quotes = 0;
  let rest = "";
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 256 * 1024 })) {
    const lines = (rest + (chunk as string)).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      row += `${line}\n`;
      quotes += countQuotes(line);
      if (quotes % 2 === 0) {
        yield row;
        row = "";
        quotes = 0;
      }
    }
  }
  if (rest || row) throw new Error("spool file ends inside a row");
}

function countQuotes(line: string): number {
  let n = 0;
  for (let i = line.indexOf('"'); i !== -1; i = line.indexOf('"', i + 1)) n++;
  return n;
}
