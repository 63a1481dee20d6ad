// Streaming CSV (RFC 4180) records from bytes or text: csv-parse, BOM dropped, bounded record
// size. Invalid UTF-8 decodes to U+FFFD, which fields.ts reports with its row and column.
import { CsvError, Parser } from "csv-parse";
import { type ImportError, InputError } from "./errors";

/** A Node Readable, an async generator, or any (async) iterable of byte or text chunks. */
export type ImportInput = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export const MAX_RECORD_SIZE = 64 * 1024; // characters in one row

/** The input's chunks as Buffers; a failure to read it becomes an InputError. */
export async function* inputBuffers(input: ImportInput): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of input) {
      if (typeof chunk === "string") yield Buffer.from(chunk, "utf8");
      else yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  } catch (error) {
    throw error instanceof InputError
      ? error
      : new InputError("The file could not be read to the end (was the upload interrupted?).", { cause: error });
  }
}

/**
 * csv-parse's parser with every record kept in `batch` as it is parsed (synchronously, in order,
 * so the records before a fatal parse error still reach the caller) instead of flowing through the
 * stream side. Not `on_record`: csv-parse builds an info object per record for it, which was a
 * third of the parse time on a million rows.
 */
class BatchParser extends Parser {
  batch: string[][] = [];

  override push(record: unknown): boolean {
    if (record === null) return super.push(null);
    this.batch.push(record as string[]);
    return true;
  }
}

const parserOptions = () =>
  ({ bom: true, relax_column_count: true, max_record_size: MAX_RECORD_SIZE, skip_empty_lines: false }) as const;

/**
 * The first record of a CSV stream fed chunk by chunk, as soon as it is complete (the header, checked before the rest
 * of an upload arrives). A chunk the parser refuses ends the reading: the full read reports it with its row.
 */
export function firstRecordReader() {
  const parser = new BatchParser(parserOptions());
  let done = false;
  parser.on("error", () => (done = true));
  parser.resume();
  return {
    async feed(chunk: Buffer): Promise<string[] | null> {
      if (done) return null;
      await new Promise<void>((resolve) => parser.write(chunk, () => resolve()));
      const record = parser.batch[0];
      if (!record) return null;
      done = true;
      return record;
    },
    close: () => parser.destroy(),
  };
}

/**
 * The records of a CSV stream, in batches (one per input chunk), each record an array of
 * strings; the caller numbers them from 1.
 */
export async function* csvBatches(input: ImportInput): AsyncGenerator<string[][]> {
  const parser = new BatchParser(parserOptions());
  let failure: unknown = null;
  parser.on("error", (error) => (failure ??= error));
  parser.resume();
  const take = () => {
    const out = parser.batch;
    parser.batch = [];
    return out;
  };
  try {
    for await (const chunk of inputBuffers(input)) {
      await new Promise<void>((resolve) => parser.write(chunk, (error) => resolve(void (failure ??= error ?? null))));
      yield take();
      if (failure) throw failure;
    }
    await new Promise<void>((resolve) =>
      parser.end((error?: Error | null) => resolve(void (failure ??= error ?? null))),
    );
    yield take();
    if (failure) throw failure;
  } finally {
    parser.destroy();
  }
}

const MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED:
    "A quoted value is never closed: the quote that opens it has no closing quote before the end of the file.",
  CSV_INVALID_CLOSING_QUOTE:
    "Bad quoting: a quoted value is followed by other characters before the next comma " +
    '(write a quote inside a quoted value as two quotes "").',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
    "Bad quoting: a quoted value is followed by other characters before the next comma.",
  INVALID_OPENING_QUOTE:
    "Bad quoting: a quote appears inside a value that does not start with a quote (quote the whole value and double the quotes inside it).",
  CSV_MAX_RECORD_SIZE: `The row is too large: more than ${MAX_RECORD_SIZE / 1024} KiB of text in one row (is a quote missing?).`,
};

/** A CsvError as a row-numbered import error (row = the record being read when it failed). */
export function csvProblem(error: unknown, header: string[] | null): ImportError | null {
  if (!(error instanceof CsvError)) return null;
  const info = error as CsvError & { records?: number; column?: number | string | null };
  const row = (typeof info.records === "number" ? info.records : 0) + 1;
  const column = header && typeof info.column === "number" ? header[info.column] || undefined : undefined;
  const message =
    MESSAGES[error.code] ?? "The file is not valid CSV (comma-separated values with a header row) at this row.";
  return { row, column, message };
}
