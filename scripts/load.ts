// `npm run test:load` (SPEC §9): 50 connections for 60 s on the signed-in dashboards and the
// JSON endpoints of a production server on 127.0.0.1 → 0 errors; reports req/s and p50/p90/p99.
// LOAD_CONNECTIONS and LOAD_SECONDS change the shape. Uses DATABASE_URL's server when set.
import { spawnSync } from "node:child_process";
import { db } from "@/db/client";
import { loadCatalog, REL_PASSWORD, relOrg } from "../tests/reliability/scenario";
import { describeLoad, runLoad } from "./reliability/load";
import { freshDatabase, signIn, startServer } from "./reliability/server";
import { buildIsStale } from "./server-env";

const connections = Number(process.env.LOAD_CONNECTIONS ?? 50);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
if (buildIsStale()) {
  console.log("▶ building the app");
  if (spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" }).status !== 0)
    process.exit(1);
}
const database = await freshDatabase(async () => {
  await loadCatalog();
  await relOrg(db(), "load-1");
});
const server = await startServer(database, Number(process.env.REL_PORT ?? 3120));
let errors = 1;
try {
  const cookies = await Promise.all(
    ["partner_admin", "account_admin", "global_admin"].map((r) =>
      signIn(server.base, `${r.replace("_", "-")}@load-1.example`, REL_PASSWORD),
    ),
  );
  const paths = [
    "/membership",
    "/membership/training-services",
    "/membership/solutions-partner",
    "/api/v1/membership/training-services",
    "/api/v1/membership/solutions-partner",
    "/membership/offers",
  ];
  console.log(`▶ ${connections} connections for ${seconds} s on ${database.describe}`);
  const report = await runLoad(
    server.base,
    cookies.flatMap((cookie) => paths.map((path) => ({ path, cookie }))),
    { connections, seconds },
  );
  console.log(describeLoad(report));
  for (const s of report.samples.filter((x) => x.error).slice(0, 10)) console.log(`  ${s.path}: ${s.error}`);
  errors = report.errors;
} finally {
  await server.stop();
  await database.drop();
}
console.log(errors === 0 ? "✓ 0 errors" : `✗ ${errors} errors`);
process.exit(errors === 0 ? 0 : 1);
