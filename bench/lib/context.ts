// What every step of `npm run bench` shares: the options, the databases, the results being
// collected, the signed-in organizations, and small formatting helpers.
import os from "node:os";
import path from "node:path";
import { sql as dsql, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import type postgres from "postgres";
import { type Db, db, rowsOf } from "@/db/client";
import { organizations, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { SESSION_TTL_MS } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import type { Window } from "@/lib/rules/time";
import { createUser } from "@/lib/users/verbs";
import { parseArgs } from "./args";
import { CLI_ACTOR, DEFAULT_SEED } from "./load";

export const BENCH_TODAY = "2026-11-15"; // a fixed "today" (APP_TODAY) keeps data and windows reproducible
export const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0123";
/** The server's environment besides the database: the same clock and session secret as this process. */
export const APP_ENV = { AUTH_SECRET, APP_TODAY: BENCH_TODAY };
export const MAIN = "BENCH-MAIN";
export const IMPORT_PARTNER = "BENCH-IMPORT";
export const PASSWORD = "bench-password-0123";

/** The measuring steps, in the order they run (the server runs for download, http and profile; operator
 * runs its own two servers on its own two databases). */
export const STEPS = ["import", "download", "http", "profile", "queries", "operator"] as const;
export type Step = (typeof STEPS)[number];

export type BenchOptions = {
  scale: number;
  twinScale: number;
  importRows: number;
  duration: number;
  connections: number;
  runs: number;
  seed: number;
  dbName: string;
  outFile: string;
  distDir: string;
  only: Set<Step>;
  reuseData: boolean;
  rebuild: boolean;
  skipBuild: boolean;
  /** The operator step's two databases: this many organizations, vs opOrgsSmall. */
  opOrgs: number;
  opOrgsSmall: number;
  /** The embedded database (PGlite) instead of PostgreSQL: data, then the HTTP step only (bench/lib/embedded.ts). */
  embedded: boolean;
  pgliteDir: string;
};

export function parseOptions(argv: string[]): BenchOptions | "help" {
  const args = parseArgs(argv, {
    scale: "number",
    "twin-scale": "number",
    "import-rows": "number",
    duration: "number",
    connections: "number",
    runs: "number",
    db: "string",
    "reuse-data": "boolean",
    rebuild: "boolean",
    "skip-build": "boolean",
    "skip-profile": "boolean",
    out: "string",
    seed: "number",
    only: "string",
    "dist-dir": "string",
    "op-orgs": "number",
    "op-orgs-small": "number",
    embedded: "boolean",
    "pglite-dir": "string",
  });
  if (args.help) return "help";
  const embedded = !!args.embedded;
  const scale = (args.scale as number | undefined) ?? (embedded ? 100_000 : 1_000_000);
  const only = new Set<Step>(
    args.only === undefined
      ? STEPS
      : (String(args.only)
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean) as Step[]),
  );
  for (const s of only)
    if (!STEPS.includes(s)) throw new Error(`--only: unknown step ${s} (steps: ${STEPS.join(", ")})`);
  if (args["skip-profile"]) only.delete("profile");
  const db = (args.db as string | undefined) ?? "pmc_bench";
  const o: BenchOptions = {
    scale,
    twinScale: (args["twin-scale"] as number | undefined) ?? Math.min(10_000, scale),
    importRows: (args["import-rows"] as number | undefined) ?? scale,
    duration: (args.duration as number | undefined) ?? 10,
    connections: (args.connections as number | undefined) ?? 20,
    runs: (args.runs as number | undefined) ?? 20,
    seed: (args.seed as number | undefined) ?? DEFAULT_SEED,
    dbName: db,
    outFile: (args.out as string | undefined) ?? "bench/results/latest.json",
    distDir: (args["dist-dir"] as string | undefined) ?? ".next-bench",
    only,
    reuseData: !!args["reuse-data"],
    rebuild: !!args.rebuild,
    skipBuild: !!args["skip-build"],
    opOrgs: (args["op-orgs"] as number | undefined) ?? 10_000,
    opOrgsSmall: (args["op-orgs-small"] as number | undefined) ?? 100,
    embedded,
    pgliteDir: path.resolve(
      (args["pglite-dir"] as string | undefined) ?? path.join(os.tmpdir(), `pmc-bench-pglite-${db}`),
    ),
  };
  if (!/^[a-z_][a-z0-9_]*$/.test(o.dbName)) throw new Error("--db must be a plain lower-case database name");
  if (!/^\.next[\w.-]*$/.test(o.distDir)) throw new Error("--dist-dir must be a folder named .next…");
  // The folder is deleted and recreated: only ever one of the benchmark's own, under the temp folder.
  if (path.dirname(o.pgliteDir) !== os.tmpdir() || !path.basename(o.pgliteDir).startsWith("pmc-bench-"))
    throw new Error(`--pglite-dir must be a folder ${path.join(os.tmpdir(), "pmc-bench-…")}`);
  return o;
}

export type Org = { label: string; id: string };
export type Session = { sessionId: string; cookie: string };

export type BenchContext = {
  opts: BenchOptions;
  /** postgres.js on the benchmark database (the app's own connection pool). */
  client: postgres.Sql;
  benchUrl: string;
  /** Set in --embedded runs: the server opens this PGlite folder (DATABASE_URL unset). */
  pgliteDir?: string;
  dataThrough: string;
  window: Pick<Window, "start" | "end">;
  results: Record<string, unknown>;
  orgs: { main: Org; twin: Org };
  sessions: { main: Session; twin: Session };
};

export const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
export const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2))) as [number, number, number];
export const short = (n: number) =>
  n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);
export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "—";

/** Records the load average under `key` (the machine is shared: every step notes how busy it was). */
export function noteLoad(ctx: Pick<BenchContext, "results">, key: string): void {
  ctx.results.loadAverage = { ...(ctx.results.loadAverage as object), [key]: loadavg() };
}

export async function orgId(partnerId: string): Promise<string> {
  const [o] = await db()
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.partnerId, partnerId));
  if (!o) throw new Error(`organization ${partnerId} is missing`);
  return o.id;
}

/** A partner admin of the organization, signed in: the session row and the Auth.js cookie. */
export async function signIn(org: string, email: string): Promise<Session> {
  const [existing] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!existing)
    await createUser(db(), CLI_ACTOR, org, {
      name: `Bench ${email}`,
      email,
      role: "partner_admin",
      password: PASSWORD,
    });
  return sessionOf(db(), email);
}

/**
 * The session the between-runs tools (probe.ts, ab.ts) load pages with: an existing user of the database when
 * `email` is given (the operator step's operator, say), else the main organization's bench admin.
 */
export async function toolSession(email?: string): Promise<Session> {
  return email ? sessionOf(db(), email) : signIn(await orgId(MAIN), "bench-main@bench.example");
}

/** A session of an existing user whose password is PASSWORD: the session row and the Auth.js cookie. */
export async function sessionOf(database: Db, email: string): Promise<Session> {
  const result = await verifyCredentials(database, email, PASSWORD, now());
  if (!result.ok) throw new Error(`sign-in of ${email} failed: ${result.reason}`);
  const salt = "authjs.session-token";
  const token = await encode({
    token: { sub: result.sessionId },
    secret: AUTH_SECRET,
    salt,
    maxAge: SESSION_TTL_MS / 1000,
  });
  return { sessionId: result.sessionId, cookie: `${salt}=${token}` };
}

export async function lineItems(id: string): Promise<Record<string, number>> {
  return rowsOf<Record<string, number>>(
    await db().execute(dsql`
    select (select count(*)::int from courseware_completions where org_id = ${id}) as completions,
      (select count(*)::int from exam_vouchers where org_id = ${id}) as vouchers,
      (select count(*)::int from mtm_surveys where org_id = ${id}) as surveys,
      (select count(*)::int from customers where org_id = ${id}) as customers,
      (select count(*)::int from certifications where org_id = ${id}) as certifications,
      (select count(*)::int from usage where org_id = ${id}) as usage,
      (select count(*)::int from deployments where org_id = ${id}) as deployments,
      (select count(*)::int from ts_monthly where org_id = ${id}) as ts_monthly_rows`),
  )[0]!;
}
