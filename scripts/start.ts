import { spawn } from "node:child_process";
import { env } from "@/lib/env";
import { ensureAuthSecret } from "./server-env";

// `npm start`: serve an existing production build (migrations run in the server at start-up).
const e = env();
const secret = ensureAuthSecret(e.PGLITE_DIR);
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(e.PORT)], {
  stdio: "inherit",
  env: { ...process.env, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
