// `npm run bench -- --embedded`: the README's default database, the embedded PGlite, measured too
// (SPEC §9 "fast at any size"): an organization at --scale (default 100,000 completions) and its
// twin at --twin-scale (10,000) loaded through the app's import path into a PGlite folder of its
// own (--pglite-dir, default /tmp/pmc-bench-pglite-<db>), the time of each import recorded; then
// the folder is closed (one process at a time) and the HTTP step runs against a `next start`
// whose DATABASE_URL is unset and PGLITE_DIR points there: the dashboards' p50 and req/s.
import fs from "node:fs";
import { closeDatabase, openDatabase, useDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { windowFor } from "@/lib/rules/time";
import { BENCH_TODAY, type BenchContext, type BenchOptions, fmt, lineItems, log, MAIN, orgId, signIn } from "./context";
import { benchData, type FillResult, twinPartnerId } from "./load";
import { buildAndStart, checkRoutes, httpStep } from "./step-http";

const MARKER_FILE = "bench-marker";

export async function embeddedBench(
  opts: BenchOptions,
  results: Record<string, unknown>,
  dataThrough: string,
): Promise<void> {
  const dir = opts.pgliteDir;
  const marker = `scale=${opts.scale};twin=${opts.twinScale};seed=${opts.seed};today=${BENCH_TODAY}`;
  const markerPath = `${dir}.${MARKER_FILE}`;
  const reuse = opts.reuseData && fs.existsSync(markerPath) && fs.readFileSync(markerPath, "utf8") === marker;
  if (!reuse) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(markerPath, { force: true });
  }
  log(`${reuse ? "Reusing" : "Creating"} the embedded database (PGlite) in ${dir}`);
  const handle = openDatabase({ dir });
  await migrateDatabase(handle);
  useDatabase(handle);
  if (!reuse) {
    const started = performance.now();
    log(`Loading data: ${MAIN} at scale ${fmt(opts.scale)}, ${twinPartnerId(MAIN)} at ${fmt(opts.twinScale)}`);
    const filled = await benchData(
      { org: MAIN, scale: opts.scale, twinScale: opts.twinScale, seed: opts.seed, today: BENCH_TODAY },
      (l) => log(l),
    );
    const completions = (f: FillResult | null) => f?.imports["courseware-completions"];
    const main = completions(filled.main)!;
    results.embeddedImport = {
      completions: { ...main, rowsPerSec: main.rows / main.seconds },
      twinCompletions: completions(filled.twin) ?? null,
      organizationSeconds: filled.main.seconds,
      main: filled.main.imports,
      twin: filled.twin?.imports ?? null,
      seconds: (performance.now() - started) / 1000,
    };
    log(
      `Completions import on PGlite: ${fmt(main.rows)} rows in ${fmt(main.seconds, 1)} s (${fmt(main.rows / main.seconds)} rows/s); the whole organization in ${fmt(filled.main.seconds, 1)} s`,
    );
  }
  const main = await orgId(MAIN);
  const twin = await orgId(twinPartnerId(MAIN));
  const ctx: Omit<BenchContext, "client"> = {
    opts,
    benchUrl: "",
    pgliteDir: dir,
    dataThrough,
    window: windowFor(dataThrough),
    results,
    orgs: {
      main: { label: `${fmt(opts.scale)} (${MAIN})`, id: main },
      twin: { label: `${fmt(opts.twinScale)} (${twinPartnerId(MAIN)})`, id: twin },
    },
    sessions: {
      main: await signIn(main, "bench-main@bench.example"),
      twin: await signIn(twin, "bench-twin@bench.example"),
    },
  };
  results.organizations = {
    main: { partnerId: MAIN, ...(await lineItems(main)) },
    twin: { partnerId: twinPartnerId(MAIN), ...(await lineItems(twin)) },
  };
  log(`Line items: ${JSON.stringify(results.organizations)}`);
  await closeDatabase(); // the server opens the folder next: one process at a time
  if (!reuse) fs.writeFileSync(markerPath, marker);

  const srv = await buildAndStart(ctx);
  const stop = () => srv.stop().catch(() => {});
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  process.once("SIGTERM", () => void stop().then(() => process.exit(143)));
  try {
    await checkRoutes(ctx, srv);
    await httpStep(ctx, srv);
  } finally {
    log("Stopping the server");
    await stop();
  }
}
