// Test servers for the reliability suite (SPEC §9): a fresh database (a new PostgreSQL database
// on DATABASE_URL's server, else a temporary PGlite folder), seeded through the app's own verbs,
// and production `next start` instances on 127.0.0.1 whose logs are kept for inspection.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { closeDatabase, type DbHandle, openDatabase, useDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export const AUTH_SECRET = "reliability-secret-0123456789-abcdef";
export const TODAY = "2026-11-15";

export type TestDatabase = {
  env: Record<string, string>;
  url: string | null;
  describe: string;
  drop: () => Promise<void>;
};

/** A fresh, migrated database; `seed` runs on it in this process before any server opens it. */
export async function freshDatabase(seed: (handle: DbHandle) => Promise<void>): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL;
  let db: TestDatabase;
  if (server) {
    const name = `pmc_rel_${process.pid}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    db = {
      env: { DATABASE_URL: url.toString() },
      url: url.toString(),
      describe: `PostgreSQL database ${name}`,
      drop: async () => {
        const a = postgres(server, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
        await a.end();
      },
    };
  } else {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pmc-rel-")), "pglite");
    db = {
      env: { PGLITE_DIR: dir, DATABASE_URL: "" },
      url: null,
      describe: `embedded PGlite ${dir}`,
      drop: async () => fs.rmSync(path.dirname(dir), { recursive: true, force: true }),
    };
  }
  process.env.AUTH_SECRET ??= AUTH_SECRET; // order keys issued while seeding must verify in the servers
  const handle = openDatabase(db.url ? { url: db.url } : { dir: db.env.PGLITE_DIR! });
  await migrateDatabase(handle);
  useDatabase(handle);
  await seed(handle);
  await closeDatabase();
  return db;
}

export type AppServer = {
  port: number;
  base: string;
  logs: string[];
  process: ChildProcess;
  stop: () => Promise<void>;
};

/** The first port from `from` on that nothing listens: a server left over from an earlier run
 *  must neither fail the start nor, worse, answer the health check in the new server's place. */
async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net
        .createServer()
        .once("error", () => resolve(false))
        .once("listening", () => probe.close(() => resolve(true)));
      probe.listen(port, "127.0.0.1");
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${from + 99}`);
}

/** `next start` on 127.0.0.1 (the first free port from `wanted`) against the database; resolves
 *  once /api/health answers. */
export async function startServer(db: TestDatabase, wanted: number): Promise<AppServer> {
  const port = await freePort(wanted);
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ...db.env,
        NODE_ENV: "production",
        AUTH_SECRET,
        APP_TODAY: TODAY,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  const logs: string[] = [];
  const logFile = path.join(os.tmpdir(), `pmc-reliability-${process.pid}-${port}.log`);
  const sink = fs.createWriteStream(logFile);
  const keep = (chunk: Buffer) => {
    sink.write(chunk);
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) logs.push(line);
    if (logs.length > 50_000) logs.splice(0, logs.length - 50_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} exited: ${logs.slice(-20).join("\n")}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL"); // never left behind holding its port
      throw new Error(`the server on port ${port} did not start: ${logs.slice(-20).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`  server on ${base}, logs in ${logFile}`);
  return {
    port,
    base,
    logs,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

/** A signed-in cookie header, through Auth.js's credentials endpoint. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/membership" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.headers.get("location")}`);
  return session;
}

/** The outcome of a sign-in attempt: "ok", "invalid" or "locked" (from Auth.js's redirect). */
export async function trySignIn(base: string, email: string, password: string): Promise<"ok" | "invalid" | "locked"> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; "),
      origin: base,
    },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/membership" }),
  });
  if (res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))) return "ok";
  return /code=locked/.test(res.headers.get("location") ?? "") ? "locked" : "invalid";
}

/** The idempotency key of an order form on the offers page (issued by the server, as for a browser). */
export async function orderKey(
  base: string,
  cookie: string,
  offer: "training-services" | "solutions-partner",
  kind: "purchase" | "renewal" = "purchase",
): Promise<string> {
  let last = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(`${base}/membership/offers`, { headers: { cookie }, redirect: "manual" });
    const html = await res.text();
    const key = new RegExp(`${offer}\\.${kind}\\.[A-Za-z0-9_-]+\\.[0-9a-z]+\\.[A-Za-z0-9_-]+`).exec(html)?.[0];
    if (key) return key;
    last = `${res.status} ${res.headers.get("location") ?? ""} ${html
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .slice(0, 300)}`;
  }
  throw new Error(`no ${offer} ${kind} form on the offers page: ${last}`);
}

/** The id of a server action in the build (see e2e/support/http.ts). */
export function actionId(exportedName: string): string {
  const file = path.join(process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`no server action ${exportedName} in the build`);
  return id;
}

/** Calls a `(previousState, formData)` server action over HTTP, as React's client does. */
export async function callAction(
  base: string,
  cookie: string,
  pagePath: string,
  id: string,
  fields: Record<string, string>,
  opts: { origin?: string | null } = {},
): Promise<{ status: number; body: string; redirect: string }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
  form.append("0", JSON.stringify([{}, "$K1"]));
  const origin = opts.origin === undefined ? base : opts.origin;
  const res = await fetch(`${base}${pagePath}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, ...(origin === null ? {} : { origin }), "next-action": id, accept: "text/x-component" },
    body: form,
  });
  // an action that redirects names its target in x-action-redirect (the body carries that page when Next could render it)
  return { status: res.status, body: await res.text(), redirect: res.headers.get("x-action-redirect") ?? "" };
}

/** The PostgreSQL cluster version and name on this machine (for pg_ctlcluster). */
export function pgCluster(): { version: string; name: string } | null {
  try {
    const version = fs.readdirSync("/etc/postgresql").sort().at(-1);
    return version ? { version, name: "main" } : null;
  } catch {
    return null;
  }
}
