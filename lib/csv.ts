import type { Readable } from "node:stream";
import type { Sql } from "postgres";

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
  return values.map(csvCell).join(",") + "\r\n";
}

const FORMULA_START_SQL = (text: string) => `ascii(${text}) in (61, 43, 45, 64, 9, 13)`; // = + - @ tab CR
const NEEDS_QUOTES_SQL = (text: string) => `${text} ~ E'[",\\r\\n]'`;

/**
 * The same cell rules as csvCell, in SQL, for a text expression (NULL → empty cell). The ' prefix
 * never adds a character that needs quoting, so the quoting test may look at the raw value.
 * tests/csv-download.test.ts checks byte equality with csvCell on both databases.
 */
export function csvCellSql(text: string): string {
  const prefixed = `(case when ${FORMULA_START_SQL(text)} then '''' || ${text} else ${text} end)`;
  return `coalesce(case when ${NEEDS_QUOTES_SQL(text)} then '"' || replace(${prefixed}, '"', '""') || '"' else ${prefixed} end, '')`;
}

/**
 * One CSV line (with its CRLF) as one SQL text value: csvLine of the given text expressions. Most
 * rows need neither a prefix nor quotes: one test of the whole row (first characters, then one
 * regular expression over all its cells) sends them down a plain concatenation, about half the
 * cost per row of the cell-by-cell rules. A NULL cell counts as safe (empty in either branch).
 */
export function csvLineSql(texts: string[]): string {
  const special = [...texts.map(FORMULA_START_SQL), NEEDS_QUOTES_SQL(texts.length === 1 ? texts[0]! : `concat(${texts.join(", ")})`)].join(" or ");
  const plain = texts.map((t) => `coalesce(${t}, '')`).join(` || ',' || `);
  return `(case when ${special} then ${texts.map(csvCellSql).join(` || ',' || `)} else ${plain} end) || E'\\r\\n'`;
}

const headers = (fileName: string) => ({
  "content-type": "text/csv; charset=utf-8",
  "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
  "cache-control": "no-store",
});
const firstLine = (header: string[]) => new TextEncoder().encode("\uFEFF" + csvLine(header));

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
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/**
 * Reads PostgreSQL's binary COPY format of a one-column text result (each value a whole CSV line)
 * and hands on the values' bytes, unchanged, in chunks of about 64 KiB. Binary rather than CSV
 * COPY because COPY's CSV writer differs from csvLine (LF line ends, quoted empty strings): here
 * the SELECT writes every byte (csvLineSql) and COPY only frames it. Any split of the input works.
 */
export class CopyLineReader {
  private carry: Buffer | null = null;
  private header = true;
  private out = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  /** True once the trailer has been read: the result is complete. */
  done = false;

  constructor(private readonly emit: (chunk: Uint8Array) => void) {}

  push(input: Buffer): void {
    if (input.length === 0) return;
    if (this.done) throw new Error("COPY data after its trailer");
    const buf = this.carry ? Buffer.concat([this.carry, input]) : input;
    this.carry = null;
    let pos = 0;
    if (this.header) {
      if (buf.length < 19) return void (this.carry = buf);
      if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error("not a binary COPY stream");
      const extension = buf.readInt32BE(15);
      if (buf.length < 19 + extension) return void (this.carry = buf);
      pos = 19 + extension;
      this.header = false;
    }
    while (buf.length - pos >= 2) {
      const fields = buf.readInt16BE(pos);
      if (fields === -1) {
        this.done = true;
        pos += 2;
        break;
      }
      if (fields !== 1) throw new Error(`binary COPY: expected one column, got ${fields}`);
      if (buf.length - pos < 6) break;
      const length = buf.readInt32BE(pos + 2);
      if (length < 0) throw new Error("binary COPY: a NULL line");
      if (buf.length - pos < 6 + length) break;
      this.append(buf, pos + 6, pos + 6 + length);
      pos += 6 + length;
    }
    if (this.done && pos < buf.length) throw new Error("COPY data after its trailer");
    if (pos < buf.length) this.carry = Buffer.from(buf.subarray(pos));
  }

  private append(src: Buffer, start: number, end: number): void {
    if (this.used + (end - start) > this.out.length) {
      this.flush();
      if (end - start > this.out.length) return this.emit(Buffer.from(src.subarray(start, end)));
    }
    this.used += src.copy(this.out, this.used, start, end);
  }

  /** Hands on what is buffered (call at the end of the data). */
  flush(): void {
    if (this.used === 0) return;
    this.emit(this.out.subarray(0, this.used));
    this.out = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
  }
}

/**
 * Sends PostgreSQL a cancel request for a COPY whose stream has been handed over, and resolves once
 * it is delivered. postgres.js's own query.cancel() does nothing then (the query counts as
 * finished once it resolved with the stream), so this calls its canceller, marked active again:
 * internals of postgres 3.4.9 (pinned; tests/csv-download.test.ts fails if they change). The
 * request goes over a new connection of its own, as the protocol wants: cancelling through the
 * pool (pg_cancel_backend) could wait forever for a connection held by the downloads themselves.
 */
function cancelCopy(query: object): Promise<void> {
  const q = query as { active?: boolean; state?: { pid: number | null }; canceller?: ((q: object) => Promise<void>) | null };
  if (typeof q.canceller !== "function" || !q.state?.pid) return Promise.reject(new Error("postgres.js internals changed: cannot cancel the COPY"));
  q.active = true;
  const done = q.canceller(q);
  q.canceller = null;
  return done;
}

/**
 * A streamed CSV download straight from PostgreSQL (issue #7: a million rows at the speed of
 * `COPY … TO STDOUT`): `select` must return one text column, each value a whole CSV line
 * (csvLineSql). COPY takes no bind parameters, so every value in `select` must be a checked,
 * quoted literal. The COPY runs on a reserved connection: postgres.js pipelines queries onto busy
 * pooled connections, and one sent to a connection in COPY fails (COPY_IN_PROGRESS). Backpressure:
 * the socket is paused while the client is behind. A client that goes away cancels the statement;
 * the rest is drained and the connection goes back clean. Setup errors (bad SQL…) throw here,
 * before any byte is sent.
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
  const query = conn.unsafe(`copy (${select}) to stdout with (format binary)`);
  let source: Readable;
  try {
    source = await query.readable();
  } catch (error) {
    release();
    throw error;
  }
  source.once("end", release).once("close", release).on("error", release);
  let finished = false; // the controller was closed, errored or cancelled
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(firstLine(header));
      const fail = (error: unknown) => {
        if (finished) return;
        finished = true;
        controller.error(error);
        source.resume(); // drain what is left
      };
      const reader = new CopyLineReader((chunk) => {
        if (!finished) controller.enqueue(chunk);
      });
      source.on("data", (chunk: Buffer) => {
        if (finished) return;
        try {
          reader.push(chunk);
        } catch (error) {
          return fail(error);
        }
        if ((controller.desiredSize ?? 1) <= 0) source.pause();
      });
      source.on("error", fail);
      source.once("end", () => {
        if (finished) return;
        reader.flush();
        if (!reader.done) return fail(new Error("the COPY ended before its trailer"));
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
  }, new ByteLengthQueuingStrategy({ highWaterMark: 4 * CHUNK }));
  return new Response(stream, { headers: headers(fileName) });
}
