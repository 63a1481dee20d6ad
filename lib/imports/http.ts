// HTTP helpers of the upload route: the CSRF origin check and the streamed, size-limited body.
import { InputError } from "./errors";

export const MAX_UPLOAD_BYTES = 1024 ** 3; // 1 GB

/**
 * CSRF: a state-changing request must carry an Origin naming this host (browsers send it on
 * every POST; a cross-site page cannot forge it). A missing Origin is refused as well.
 */
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!origin || !host || origin === "null") return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The file name sent by the upload page (URI-encoded, since headers are Latin-1 only). */
export function fileNameFrom(header: string | null): string {
  if (!header) return "upload.csv";
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

export const DEFAULT_STALL_MS = 30_000;

/**
 * The request body as it arrives, never buffered whole; beyond `limit` bytes it fails with an
 * InputError, and so does a body that sends nothing for `stallMs` (SPEC §9: a stalled upload
 * must not hold the server). When the import stops early (a header problem), the rest of the
 * body is read and dropped so that the browser, still sending, receives the answer instead of a reset.
 */
export async function* requestBody(
  body: ReadableStream<Uint8Array>,
  limit = MAX_UPLOAD_BYTES,
  stallMs = DEFAULT_STALL_MS,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await readWithin(reader, stallMs);
      if (done) {
        finished = true;
        return;
      }
      total += value.byteLength;
      if (total > limit) {
        finished = true;
        await reader.cancel().catch(() => {});
        throw new InputError(
          `The file is larger than the ${Math.round(limit / 1024 ** 3)} GB limit. Split it into several files.`,
        );
      }
      yield value;
    }
  } finally {
    if (!finished) void drain(reader, limit - total);
  }
}

async function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: NodeJS.Timeout | undefined;
  let stalledOut = false;
  const seconds = Math.max(1, Math.round(ms / 1000));
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stalledOut = true;
      reject(
        new InputError(
          `The upload stalled: no data arrived for ${seconds} second${seconds === 1 ? "" : "s"}. Nothing was imported; upload the file again.`,
        ),
      );
    }, ms);
  });
  try {
    return await Promise.race([reader.read(), stalled]);
  } finally {
    clearTimeout(timer);
    if (stalledOut) reader.cancel().catch(() => {}); // after the race: the refusal, not an early end, is the answer
  }
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      budget -= value.byteLength;
      if (budget < 0) return void (await reader.cancel());
    }
  } catch {
    // the client went away: nothing to answer
  }
}
