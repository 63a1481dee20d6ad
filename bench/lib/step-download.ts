// Step 4 of `npm run bench`: the Training Services courseware download of the import step's
// organization (1M rows) through the running server — on PostgreSQL one COPY streamed into the
// response (lib/csv.ts csvCopyResponse) — vs `COPY (the same rows) TO STDOUT` on a connection of
// its own; a warm-up run, then 5 runs each, alternated, medians; the server's RSS sampled every 50 ms.
import { get, type IncomingMessage } from "node:http";
import postgres from "postgres";
import { type BenchContext, fmt, log, noteLoad, type Session } from "./context";
import { MB, memoryOf, processTree, sampleMemory } from "./measure";
import type { Server } from "./server";

const RUNS = 5; // each side, alternated; medians (odd)

export const DOWNLOAD_PATH = "/membership/training-services/download?criterion=courseware";

// Both sides read the same way, a Node readable consumed by "data" events (node:http for the route, postgres.js's
// COPY stream for the baseline), and count the rows they received the same way (a builtin search, not a JS byte loop:
// this process shares the 2 cores with the server and PostgreSQL), so the client's work weighs on both alike.
// (The route was read through fetch's web stream before, a heavier client than the baseline's.)
function countLines(chunk: Uint8Array): number {
  let lines = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  return lines;
}

async function downloadOnce(srv: Server, session: Session) {
  const pids = processTree(srv.pid);
  const before = pids.reduce((s, pid) => s + (memoryOf(pid)?.rss ?? 0), 0);
  const sampler = sampleMemory(() => pids, 50);
  const t = performance.now();
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    get(srv.url + DOWNLOAD_PATH, { headers: { cookie: session.cookie } }, resolve).once("error", reject);
  });
  if (res.statusCode !== 200) {
    res.resume();
    throw new Error(`download: HTTP ${res.statusCode}`);
  }
  let bytes = 0;
  let lines = 0;
  let firstByteMs = 0;
  await new Promise<void>((resolve, reject) => {
    res.on("data", (chunk: Buffer) => {
      if (bytes === 0) firstByteMs = performance.now() - t;
      bytes += chunk.byteLength;
      lines += countLines(chunk);
    });
    res.once("end", resolve);
    res.once("error", reject);
  });
  const seconds = (performance.now() - t) / 1000;
  const mem = sampler.stop();
  return {
    seconds,
    bytes,
    rows: lines - 1,
    firstByteMs,
    rssBeforeMB: before / MB,
    peakRssMB: mem.peakRss / MB,
    peakHwmMB: mem.peakHwm / MB,
  };
}

// A dedicated connection per COPY, consumed by events: a pooled connection's COPY … TO readable
// can stay open after the data (an upstream postgres.js bug, its tracker number 917).
async function copyOutOnce(ctx: BenchContext, org: string) {
  const conn = postgres(ctx.benchUrl, { max: 1, onnotice: () => {} });
  await conn`select 1`;
  const t = performance.now();
  const stream = await conn
    .unsafe(`copy (select achievement_code, course_code, redeemed_on from courseware_completions
    where org_id = '${org}' and redeemed_on between '${ctx.window.start}' and '${ctx.window.end}'
    order by achievement_code) to stdout with (format csv, header true)`)
    .readable();
  let bytes = 0;
  let lines = 0;
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => {
      bytes += chunk.byteLength;
      lines += countLines(chunk);
    });
    stream.once("end", resolve);
    stream.once("close", resolve);
    stream.once("error", reject);
  });
  const seconds = (performance.now() - t) / 1000;
  await conn.end({ timeout: 1 });
  return { seconds, bytes, rows: lines - 1 };
}

export async function downloadStep(
  ctx: BenchContext,
  srv: Server,
  org: string,
  session: Session,
  expectedRows: number,
): Promise<void> {
  log(
    `Download of ${fmt(expectedRows)} rows through ${DOWNLOAD_PATH} and COPY … TO STDOUT (a warm-up, then 5 runs each, alternated)`,
  );
  noteLoad(ctx, "download");
  const downloads: Awaited<ReturnType<typeof downloadOnce>>[] = [];
  const copies: Awaited<ReturnType<typeof copyOutOnce>>[] = [];
  // One untimed run of each first, as the pages get their warm-up requests: the first download after the
  // server's start also compiles its code path (1.3–1.6 s where the next ones take 0.7–1.1 s).
  await downloadOnce(srv, session);
  await copyOutOnce(ctx, org);
  for (let i = 0; i < RUNS; i++) {
    downloads.push(await downloadOnce(srv, session));
    copies.push(await copyOutOnce(ctx, org));
  }
  const middle = (RUNS - 1) / 2;
  const dl = [...downloads].sort((a, b) => a.seconds - b.seconds)[middle]!;
  const co = [...copies].sort((a, b) => a.seconds - b.seconds)[middle]!;
  const result = {
    rows: dl.rows,
    bytes: dl.bytes,
    routeSeconds: dl.seconds,
    copySeconds: co.seconds,
    copyBytes: co.bytes,
    routeRowsPerSec: dl.rows / dl.seconds,
    copyRowsPerSec: dl.rows / co.seconds,
    ratio: co.seconds / dl.seconds,
    firstByteMs: dl.firstByteMs,
    serverRssBeforeMB: dl.rssBeforeMB,
    serverPeakRssMB: Math.max(...downloads.map((d) => d.peakRssMB)),
    serverPeakHwmMB: Math.max(...downloads.map((d) => d.peakHwmMB)),
    runs: downloads.map((d) => d.seconds),
    copyRuns: copies.map((c) => c.seconds),
  };
  ctx.results.download = result;
  if (dl.rows !== expectedRows) throw new Error(`download returned ${dl.rows} rows, expected ${expectedRows}`);
  if (co.rows !== expectedRows) throw new Error(`COPY TO returned ${co.rows} rows, expected ${expectedRows}`);
  log(
    `Download ${fmt(dl.seconds, 2)} s vs COPY TO ${fmt(co.seconds, 2)} s (${fmt(result.ratio, 2)}×); ` +
      `server RSS ${fmt(dl.rssBeforeMB)} → peak ${fmt(result.serverPeakRssMB)} MB; first byte after ${fmt(dl.firstByteMs)} ms`,
  );
}
