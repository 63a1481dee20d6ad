// SPEC §9 — the PostgreSQL pool after a backend is killed mid-statement and mid-transaction
// (db/pool.ts): the next statements on the same pool succeed at once, where postgres.js 3.4.9
// alone answers the old backend's 57P01 and then CONNECT_TIMEOUT for ever. PostgreSQL only.
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { backendEnded, lostInFlight } from "@/db/pool";

it("classifies lost connections", () => {
  const fatal = Object.assign(new Error("terminating connection due to administrator command"), {
    name: "PostgresError",
    severity: "FATAL",
    code: "57P01",
  });
  expect(backendEnded(fatal) && lostInFlight(fatal)).toBe(true);
  expect(lostInFlight(Object.assign(new Error("closed"), { code: "CONNECTION_CLOSED" }))).toBe(true);
  expect(
    lostInFlight(Object.assign(new Error("starting"), { name: "PostgresError", severity: "FATAL", code: "57P03" })),
  ).toBe(false);
  expect(lostInFlight(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }))).toBe(false);
  expect(
    backendEnded(Object.assign(new Error("dup"), { name: "PostgresError", severity: "ERROR", code: "23505" })),
  ).toBe(false);
});

it.skipIf(!process.env.DATABASE_URL)(
  "recovers from backends killed in a statement and in a transaction",
  () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "tests/reliability/pool-faults.ts"], {
      encoding: "utf8",
      timeout: 60_000,
      env: process.env,
    });
    const line = run.stdout.split("\n").find((l) => l.startsWith("{"));
    expect(line, `${run.stdout}\n${run.stderr}`).toBeTruthy();
    const r = JSON.parse(line!) as Record<string, { ok: boolean; ms: number; killed?: number; code?: string }> & {
      stats: { retired: number };
    };
    expect(r.killedStatement!.killed).toBe(1);
    expect(r.killedStatement!.ok).toBe(false);
    expect(r.killedTransaction!.killed).toBe(1);
    expect(r.killedTransaction!.ok).toBe(false);
    for (const next of ["afterStatement", "afterTransaction", "beginAfterTransaction"]) {
      expect(r[next], next).toMatchObject({ ok: true });
      expect(r[next]!.ms, next).toBeLessThan(2_000);
    }
    expect(r.stats.retired).toBeGreaterThanOrEqual(2);
  },
  90_000,
);
