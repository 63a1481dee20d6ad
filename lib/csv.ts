import type { Readable } from "node:stream";
import type { Sql } from "postgres";
import { cancelCopy } from "@/db/postgres-internals";

// SPEC §6: downloads use RFC 4180 quoting, and cells that begin with =, +, -, @, tab or
// carriage return are prefixed with ' so that spreadsheets never run them.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/**
 * The select list of a CSV download done by PostgreSQL (csvCopyResponse): the given text
 * expressions with csvCell's formula rule applied in SQL (a ' before =, +, -, @, tab or CR first)
 * and NULL as the empty string. The quoting is left to COPY's CSV writer, whose rule is csvCell's:
 * a value holding the delimiter, the quote, CR or LF is quoted, quotes doubled. Its one other
 * rule — a value equal to the NULL string is quoted — never applies: csvCopyResponse sets NULL to
 * "=", which no cell can be (a value starting with = gets the prefix).
 */
export function csvCellsSql(texts: string[]): string {
  // ascii(): 61 =, 43 +, 45 -, 64 @, 9 tab, 13 CR (NULL for NULL, 0 for ''). All are below 65 ('A'): one
  // comparison first spares most cells the list's six (the list cost a quarter of a 1M-row COPY).
  return texts
    .map(
      (t) =>
        `case when ascii(${t}) < 65 and ascii(${t}) in (61, 43, 45, 64, 9, 13) then '''' || ${t} else coalesce(${t}, '') end`,
    )
    .join(", ");
}

const headers = (fileName: string) => ({
  "content-type": "text/csv; charset=utf-8",
  "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
  "cache-control": "no-store",
});
const firstLine = (header: string[]) => new TextEncoder().encode(`\uFEFF${csvLine(header)}`);

/** A streamed CSV download: header, then pages of rows pulled on demand (bounded memory). */
export function csvResponse(fileName: string, header: string[], pages: AsyncIterable<unknown[][]>): Response {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(firstLine(header));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, { headers: headers(fileName) });
}

const CHUNK = 64 * 1024;

/** One line with no quote: its only LF is its last byte. A plain loop: for the short chunks of one row each,
 * cheaper than native indexOf calls. */
function isPlainLine(bytes: Uint8Array): boolean {
  const last = bytes.length - 1;
  if (last < 0 || bytes[last] !== 0x0a) return false;
  for (let i = 0; i < last; i++) if (bytes[i] === 0x22 || bytes[i] === 0x0a) return false;
  return true;
}

/**
 * COPY's CSV ends rows with LF (on every platform); csvLine, like RFC 4180, with CRLF. Turns each
 * row end into CRLF — an LF outside quotes; one inside a quoted cell stays as it is — and hands the
 * bytes on in chunks of about 64 KiB. Any split of the input works (in UTF-8 these bytes never
 * occur inside a multi-byte character).
 */
export class CsvRowEnds {
  private out = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private quoted = false;

  constructor(private readonly emit: (chunk: Uint8Array) => void) {}

  push(input: Uint8Array): void {
    // PostgreSQL sends COPY … TO one row per message, so a chunk is usually one whole row; when it
    // is a plain line, it is copied at once and a CR put before its LF.
    const n = input.length;
    if (!this.quoted && n < CHUNK / 2 && isPlainLine(input)) {
      if (this.used + n + 1 >= CHUNK - 1) this.flush(); // the loop below needs 2 bytes free
      this.out.set(input, this.used);
      this.used += n + 1;
      this.out[this.used - 2] = 0x0d;
      this.out[this.used - 1] = 0x0a;
      return;
    }
    let out = this.out;
    let used = this.used;
    let quoted = this.quoted;
    for (let i = 0; i < n; i++) {
      const byte = input[i]!;
      if (byte === 0x22)
        quoted = !quoted; // a doubled quote toggles twice
      else if (byte === 0x0a && !quoted) out[used++] = 0x0d;
      out[used++] = byte;
      if (used >= CHUNK - 1) {
        this.emit(out.subarray(0, used));
        out = Buffer.allocUnsafe(CHUNK);
        used = 0;
      }
    }
    this.out = out;
    this.used = used;
    this.quoted = quoted;
  }

  private flush(): void {
    if (this.used > 0) this.emit(this.out.subarray(0, this.used));
    this.out = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
  }

  /** Hands on the rest; throws when the data ended inside a quoted cell. */
  end(): void {
    if (this.quoted) throw new Error("the CSV ended inside a quoted cell");
    if (this.used > 0) this.emit(this.out.subarray(0, this.used));
    this.out = Buffer.allocUnsafe(0);
    this.used = 0;
  }
}

/**
 * A streamed CSV download straight from PostgreSQL (SPEC §9, fast at any size: a million rows at the speed of
 * `COPY … TO STDOUT`): `select`'s columns must be csvCellsSql's; the bytes are then csvResponse's
 * (tests/csv-download.test.ts). COPY takes no bind parameters, so every value in `select` must be
 * a checked, quoted literal. The COPY runs on a reserved connection: postgres.js pipelines
 * queries onto busy pooled connections, and one sent to a connection in COPY fails
 * (COPY_IN_PROGRESS). Backpressure: the socket is paused while the client is behind. A client
 * that goes away cancels the statement; the rest is drained and the connection goes back clean.
 * Setup errors (bad SQL…) throw here, before any byte is sent.
 */
export async function csvCopyResponse(fileName: string, header: string[], sql: Sql, select: string): Promise<Response> {
  const conn = await sql.reserve();
  let released = false;
  // Released once the COPY is over (CopyDone or an error), behind one more query on the same
  // connection: released earlier (before the COPY's ReadyForQuery), postgres.js 3.4.9 can leave
  // later queries of the pool waiting forever (seen in tests/csv-download.test.ts).
  const release = () => {
    if (released) return;
    released = true;
    void conn`select 1`.catch(() => {}).finally(() => conn.release());
  };
  const query = conn.unsafe(`copy (${select}) to stdout with (format csv, null '=')`);
  let source: Readable;
  try {
    source = await query.readable();
  } catch (error) {
    release();
    throw error;
  }
  source.once("end", release).once("close", release).on("error", release);
  let finished = false; // the controller was closed, errored or cancelled
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(firstLine(header));
        const fail = (error: unknown) => {
          if (finished) return;
          finished = true;
          controller.error(error);
          source.resume(); // drain what is left
        };
        const rows = new CsvRowEnds((chunk) => {
          if (!finished) controller.enqueue(chunk);
        });
        source.on("data", (chunk: Buffer) => {
          if (finished) return;
          rows.push(chunk);
          if ((controller.desiredSize ?? 1) <= 0) source.pause();
        });
        source.on("error", fail);
        source.once("end", () => {
          if (finished) return;
          try {
            rows.end();
          } catch (error) {
            return fail(error);
          }
          finished = true;
          controller.close();
        });
      },
      pull() {
        if (!finished) source.resume();
      },
      async cancel() {
        if (finished) return;
        finished = true;
        // The client went away mid-download. Paused, the copy cannot end (so the connection cannot
        // go back to the pool and run someone else's query) until the cancel has been delivered; a
        // backend that finished the COPY meanwhile ignores it. Then the rest is read and dropped.
        source.pause();
        if (!released) await cancelCopy(query).catch(() => {});
        source.resume();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 4 * CHUNK }),
  );
  return new Response(stream, { headers: headers(fileName) });
}
