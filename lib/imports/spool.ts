// The validated rows of an import, spooled to a temporary file before the transaction opens
// (SPEC §6, §9): reading and checking the upload runs at the sender's pace with no database
// connection held, so a slow or stalled upload never blocks other organizations; the
// transaction then copies from local disk. Memory stays bounded: the rows are written and read
// back in blocks of about 256 KiB, each holding whole rows (the file records where blocks end),
// so the replay needs no parsing and sends one write per block, not per row.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CopySink } from "./tx";

const BLOCK = 256 * 1024; // characters per block

export type Spool = {
  /** Where the validator writes COPY lines (one row each, ending in \n). */
  sink: CopySink;
  /** Replays the rows into the database's COPY, one block of whole rows per write. */
  copyInto(target: CopySink): Promise<void>;
  /** Deletes the file; safe to call more than once. */
  remove(): Promise<void>;
};

export async function createSpool(): Promise<Spool> {
  const dir = await mkdtemp(path.join(tmpdir(), "pmc-import-"));
  const file = path.join(dir, "rows.csv");
  const out = createWriteStream(file);
  const blocks: number[] = []; // byte length of each block, in file order
  let pending = "";
  let closed = false;
  const flush = (): Promise<void> | undefined => {
    if (!pending) return undefined;
    const bytes = Buffer.from(pending, "utf8");
    pending = "";
    blocks.push(bytes.length);
    return out.write(bytes) ? undefined : once(out, "drain").then(() => undefined);
  };
  const close = async () => {
    if (closed) return;
    closed = true;
    await flush();
    const done = once(out, "close");
    out.end();
    await done;
  };
  return {
    sink: {
      write(line) {
        pending += line;
        return pending.length >= BLOCK ? flush() : undefined;
      },
      end: close,
    },
    async copyInto(target) {
      await close();
      const handle = await open(file, "r");
      try {
        for (const length of blocks) {
          const buffer = Buffer.allocUnsafe(length);
          const { bytesRead } = await handle.read(buffer, 0, length);
          if (bytesRead !== length) throw new Error("the spool file is shorter than what was written");
          const wait = target.write(buffer.toString("utf8"));
          if (wait) await wait;
        }
      } finally {
        await handle.close();
      }
    },
    async remove() {
      if (!closed) {
        closed = true;
        pending = "";
        out.destroy();
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
