// The files of one import, in a temporary folder (SPEC §6, §9):
// - the upload as received (`receive`), written at the sender's pace with no database connection held, so that a
//   slow or stalled upload never blocks other organizations; its header is checked as soon as it arrives;
// - the validated rows (`sink`), written in blocks of about 256 KiB, each holding whole rows (the spool records where
//   blocks end and the last row number in each), so the replay needs no parsing and sends one write per block.
// The database's COPY can follow the validator (`progress`, `changed`, `copyBlocks`): it replays the blocks written so
// far while later rows are still being checked.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { firstRecordReader, type ImportInput, inputBuffers } from "./csv";
import type { CopySink } from "./tx";

const BLOCK = 256 * 1024; // characters per block
const RECEIVE_WRITE = 64 * 1024; // bytes of the upload per write

/** The validated rows' sink: each line is one row, ending in \n; `row` is its row number in the file. */
export type SpoolSink = {
  write(line: string, row: number): Promise<void> | undefined;
  /** The validator is done; `keep` = every row was valid. */
  end(keep: boolean): Promise<void>;
};

export type SpoolProgress = {
  /** Blocks written to the file so far (readable by copyBlocks). */
  blocks: number;
  /** The row number of the last row of those blocks (0 before the first). */
  lastRow: number;
  /** The validator has ended: no more blocks will come. */
  done: boolean;
  /** It ended with every row valid. */
  kept: boolean;
};

export type Spool = {
  /**
   * Writes the upload to the spool's folder as it arrives and gives it back as an input to read from local disk.
   * `header` gets the first CSV record as soon as it has arrived and may throw to refuse the file before the rest.
   */
  receive(input: ImportInput, header: (record: string[]) => void): Promise<ImportInput>;
  sink: SpoolSink;
  progress(): SpoolProgress;
  /** Resolves when more blocks are written or the validator ends. */
  changed(): Promise<void>;
  /** Replays blocks [from, to) into the database's COPY, one block of whole rows per write. */
  copyBlocks(target: CopySink, from: number, to: number): Promise<void>;
  /** Deletes the folder; safe to call more than once. */
  remove(): Promise<void>;
};

export async function createSpool(): Promise<Spool> {
  const dir = await mkdtemp(path.join(tmpdir(), "pmc-import-"));
  const file = path.join(dir, "rows.csv");
  const out = createWriteStream(file);
  const blocks: { bytes: number; lastRow: number }[] = []; // in file order
  let written = 0; // blocks whose write has completed
  let pending = "";
  let pendingRow = 0;
  let ending = false;
  let closed = false;
  let kept = false;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };
  const flush = (): Promise<void> | undefined => {
    if (!pending) return undefined;
    const bytes = Buffer.from(pending, "utf8");
    pending = "";
    blocks.push({ bytes: bytes.length, lastRow: pendingRow });
    const more = out.write(bytes, () => {
      written++;
      wake();
    });
    return more ? undefined : once(out, "drain").then(() => undefined);
  };
  const close = async (keep: boolean) => {
    if (ending) return;
    ending = true;
    await flush();
    const done = once(out, "close");
    out.end();
    await done;
    closed = true;
    kept = keep;
    wake();
  };
  return {
    async receive(input, header) {
      const upload = path.join(dir, "upload.csv");
      const raw = createWriteStream(upload);
      const first = firstRecordReader();
      let held: Buffer[] = []; // small chunks are written together: one write per 64 KiB, not per network packet
      let size = 0;
      const write = async () => {
        const bytes = held.length === 1 ? held[0]! : Buffer.concat(held, size);
        held = [];
        size = 0;
        if (!raw.write(bytes)) await once(raw, "drain");
      };
      try {
        for await (const chunk of inputBuffers(input)) {
          const record = await first.feed(chunk);
          if (record) header(record);
          held.push(chunk);
          size += chunk.length;
          if (size >= RECEIVE_WRITE) await write();
        }
        if (size > 0) await write();
      } finally {
        first.close();
        const done = once(raw, "close");
        raw.end();
        await done;
      }
      return createReadStream(upload, { highWaterMark: 64 * 1024 });
    },
    sink: {
      write(line, row) {
        pending += line;
        pendingRow = row;
        return pending.length >= BLOCK ? flush() : undefined;
      },
      end: close,
    },
    progress: () => ({ blocks: written, lastRow: blocks[written - 1]?.lastRow ?? 0, done: closed, kept }),
    changed: () => new Promise<void>((resolve) => waiters.push(resolve)),
    async copyBlocks(target, from, to) {
      if (to > written) throw new Error("copyBlocks: those blocks are not written yet");
      let offset = 0;
      for (let i = 0; i < from; i++) offset += blocks[i]!.bytes;
      const handle = await open(file, "r");
      try {
        for (let i = from; i < to; i++) {
          const length = blocks[i]!.bytes;
          const buffer = Buffer.allocUnsafe(length);
          const { bytesRead } = await handle.read(buffer, 0, length, offset);
          if (bytesRead !== length) throw new Error("the spool file is shorter than what was written");
          offset += length;
          const wait = target.write(buffer.toString("utf8"));
          if (wait) await wait;
        }
      } finally {
        await handle.close();
      }
    },
    async remove() {
      if (!ending) {
        ending = closed = true;
        pending = "";
        out.destroy();
        wake();
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
