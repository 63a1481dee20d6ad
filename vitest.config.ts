import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: [
      "lib/**/*.test.ts",
      "db/**/*.test.ts",
      "cli/**/*.test.ts",
      "tests/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
    ],
    environment: "node",
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["./tests/setup-env.ts"],
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses:
    // let Vite resolve it (tests/auth-cookies.int.test.ts drives the real Auth.js handlers).
    server: { deps: { inline: ["next-auth"] } },
  },
});
