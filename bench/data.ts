// `npm run bench:data -- --org ID --scale N` — fills one organization (partner id ID, created when
// missing) with realistic, reproducible data through the app's import path, and a small twin
// organization (ID-twin, scale 10,000 by default) for comparison. Uses the configured database:
// DATABASE_URL (PostgreSQL, what the benchmark runs on), else the embedded PGlite folder.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/pmc npm run bench:data -- --org BENCH-1M --scale 1000000
//
// Options: --scale N (default 1,000,000) · --twin-scale N (default min(10,000, N); 0 = no twin) ·
// --seed N (default 7) · --today YYYY-MM-DD (default APP_TODAY or the real date; data_through is
// the last day of the month before it).
import { closeDatabase, dbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { today as realToday } from "@/lib/clock";
import { parseArgs } from "./lib/args";
import { benchData, DEFAULT_SCALE, DEFAULT_SEED, DEFAULT_TWIN_SCALE } from "./lib/load";

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    org: "string",
    scale: "number",
    "twin-scale": "number",
    seed: "number",
    today: "string",
  });
  if (args.help || typeof args.org !== "string") {
    console.log(
      "Usage: npm run bench:data -- --org PARTNER_ID [--scale 1000000] [--twin-scale 10000] [--seed 7] [--today YYYY-MM-DD]",
    );
    return args.help ? 0 : 2;
  }
  const scale = (args.scale as number | undefined) ?? DEFAULT_SCALE;
  const handle = dbHandle();
  console.log(`Database: ${handle.describe}`);
  await migrateDatabase(handle);
  const started = performance.now();
  const { main: m, twin } = await benchData(
    {
      org: args.org,
      scale,
      twinScale: (args["twin-scale"] as number | undefined) ?? Math.min(DEFAULT_TWIN_SCALE, scale),
      seed: (args.seed as number | undefined) ?? DEFAULT_SEED,
      today: (args.today as string | undefined) ?? realToday(),
    },
    (line) => console.log(line),
  );
  console.log(
    `Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${m.partnerId} (org ${m.orgId})${twin ? `, ${twin.partnerId} (org ${twin.orgId})` : ""}`,
  );
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
