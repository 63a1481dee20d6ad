import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, useDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed";
import { E2E_AUTH_SECRET, E2E_TODAY, E2E_TOKEN_RATE_LIMIT, e2eServerLogPath } from "./fixtures";
import { startOidcProvider } from "./oidc-provider";
import { seedE2eOrgs } from "./seed-e2e";
import { seedE2ePrograms } from "./seed-programs";
import { OIDC_CLIENT, OIDC_ISSUER } from "./sso-fixtures";

// The web server for Playwright: a fresh database (a temp PGlite folder, or a new database on
// the DATABASE_URL server), demo data plus one organization per test, then `next start`.
const port = process.env.E2E_PORT ?? "3100";
process.env.APP_TODAY = E2E_TODAY; // the seed's clock matches the app's
const server = process.env.DATABASE_URL;
let dbEnv: Record<string, string>;
let cleanup = async () => {};

if (server) {
  const name = `pmc_e2e_${process.pid}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  dbEnv = { DATABASE_URL: url.toString() };
  cleanup = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
} else {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pmc-e2e-")), "pglite");
  dbEnv = { PGLITE_DIR: dir, DATABASE_URL: "" };
  cleanup = async () => fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

const handle = openDatabase(dbEnv.DATABASE_URL ? { url: dbEnv.DATABASE_URL } : { dir: dbEnv.PGLITE_DIR });
await migrateDatabase(handle);
useDatabase(handle); // imports run on the process's database
await seedDemo(handle.db, E2E_TODAY);
await seedE2eOrgs(handle.db);
await seedE2ePrograms(handle.db);
await handle.close();
const stopOidc = await startOidcProvider(); // the identity provider of the single sign-on tests

// The server's output also goes to a file, so that a spec can check what it logged (no secrets).
const serverLog = fs.createWriteStream(e2eServerLogPath(port));
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: ["ignore", "pipe", "pipe"],
  env: {
    ...process.env,
    ...dbEnv,
    NODE_ENV: "production",
    AUTH_SECRET: E2E_AUTH_SECRET,
    APP_TODAY: E2E_TODAY,
    NEXT_TELEMETRY_DISABLED: "1",
    API_TOKEN_RATE_LIMIT: String(E2E_TOKEN_RATE_LIMIT),
    // every spec runs with single sign-on on: the sign-in page shows its button
    AUTH_OIDC_ISSUER: OIDC_ISSUER,
    AUTH_OIDC_ID: OIDC_CLIENT.id,
    AUTH_OIDC_SECRET: OIDC_CLIENT.secret,
    AUTH_OIDC_NAME: OIDC_CLIENT.name,
  },
});
child.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  serverLog.write(chunk);
});
child.stderr.on("data", (chunk: Buffer) => {
  process.stderr.write(chunk);
  serverLog.write(chunk);
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
  await stopOidc().catch(() => {});
  await cleanup().catch(() => {});
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", () => void stop());
