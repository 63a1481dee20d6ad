import { spawnSync } from "node:child_process";
import { ensureE2eBrowser } from "./e2e-browser";
import { buildIsStale } from "./server-env";

// `npm test`: the whole suite — unit and integration (vitest), then end-to-end (Playwright)
// against a production build. Uses DATABASE_URL's server when set, else the embedded database.
function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n▶ ${[cmd, ...args].join(" ")}`);
  const result = spawnSync(cmd, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  if (result.status !== 0) {
    console.error(`\n✗ ${[cmd, ...args].join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const mode = process.env.DATABASE_URL
  ? `PostgreSQL server (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, "//")})`
  : "embedded PGlite";
console.log(`Test database: ${mode}`);
ensureE2eBrowser(); // before anything runs: a machine without a browser stops here with the command to run
run(process.execPath, ["node_modules/vitest/vitest.mjs", "run"]);
if (buildIsStale()) run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"]);
