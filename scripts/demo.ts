import { spawn, spawnSync } from "node:child_process";
import { closeDatabase, dbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { DEMO_PASSWORD, demoSignIns } from "@/db/seed/users";
import { today } from "@/lib/clock";
import { env } from "@/lib/env";
import { buildIsStale, ensureAuthSecret } from "./server-env";

// `npm run demo`: embedded database + migrations + demo data (once) + production build + server.
async function main() {
  const e = env();
  const secret = ensureAuthSecret(e.PGLITE_DIR);
  const handle = dbHandle();
  console.log(`Database: ${handle.describe}`);
  await migrateDatabase(handle);
  const seeded = await seedDemo(handle.db, today());
  console.log(seeded ? "Demo data loaded." : "Existing data kept.");
  await closeDatabase(); // release the embedded database for the server process

  if (buildIsStale()) {
    console.log("Building the app (first run takes a minute or two)…");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const port = String(e.PORT);
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], {
    stdio: "inherit",
    env: { ...process.env, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(
    `\nPartner Membership Center: http://localhost:${port}\nDemo sign-ins (password "${DEMO_PASSWORD}"):\n  ${demoSignIns().join("\n  ")}\n`,
  );
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
