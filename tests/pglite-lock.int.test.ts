import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { DatabaseInUseError } from "@/db/pglite-lock";

// STACK.md: two processes on one PGlite folder silently lose data, so the second must stop.
describe("embedded database single-process lock", () => {
  it("refuses a second process with a clear error, and allows it once the first has exited", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pmc-lock-")), "pglite");
    const holder = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/hold-pglite.ts", dir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on("data", (d: Buffer) => d.toString().includes("holding") && resolve());
      holder.on("exit", (code) => reject(new Error(`holder exited early (${code})`)));
    });
    try {
      expect(() => openDatabase({ dir })).toThrow(DatabaseInUseError);
      expect(() => openDatabase({ dir })).toThrow(new RegExp(`already open in process ${holder.pid}`));
    } finally {
      holder.kill("SIGTERM");
      await new Promise((r) => holder.once("exit", r));
    }
    const handle = openDatabase({ dir }); // a dead holder's lock is taken over
    await handle.close();
  }, 120_000); // two CLI processes start (tsx compiles each): slow on a loaded 2-core machine
});
