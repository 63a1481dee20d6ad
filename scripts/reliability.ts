// `npm run test:reliability` (SPEC §9): the slow reliability and security checks, against a
// production build. Uses DATABASE_URL's PostgreSQL server when set (CI's PostgreSQL pass), else
// the embedded database, where the PostgreSQL-only parts are skipped with the reason printed.
//   1. the full hostile-CSV corpus (≥ 1,000 files and 10 MB lines) and the invariant suite (vitest)
//   2. hostile HTTP: malformed server-action payloads, addresses and oversized bodies → never 5xx
//   3. load: 50 connections for 60 s on the dashboards and JSON endpoints → 0 errors, p99 reported
//   4. PostgreSQL restarted under load → clean errors only while it is down, all succeed within 5 s
//   5. a database connection killed in the middle of a purchase → no order; a retry creates it once
//   6. two app instances on one database → 20 concurrent purchases make exactly one order; the
//      sign-in rate limit holds across both
//   7. the SQL invariants on the database the servers used
import { spawnSync } from "node:child_process";
import postgres from "postgres";
import { closeDatabase, db, openDatabase, useDatabase } from "@/db/client";
import { findViolations, INVARIANT_COUNT } from "../tests/invariants";
import { loadCatalog, REL_PASSWORD, relOrg } from "../tests/reliability/scenario";
import { browserSignIn, launchBrowser, type SignInProbe } from "./reliability/browser-sign-in";
import { announcedUpload, hostileRequests, sendHostile } from "./reliability/hostile";
import { describeLoad, runLoad } from "./reliability/load";
import { faultTargets, postgresFaults } from "./reliability/pg-faults";
import { check, failures, figures, step } from "./reliability/report";
import {
  type AppServer,
  actionId,
  callAction,
  freshDatabase,
  orderKey,
  signIn,
  startServer,
  TODAY,
  trySignIn,
} from "./reliability/server";
import { buildIsStale } from "./server-env";

const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const LOAD_CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const SIGN_INS = Number(process.env.REL_SIGN_INS ?? 12);
const PORTS = [Number(process.env.REL_PORT ?? 3110), Number(process.env.REL_PORT ?? 3110) + 1];

function run(cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`  $ ${[cmd, ...args].join(" ")}`);
  return (
    spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } }).status ===
    0
  );
}

const postgresMode = Boolean(process.env.DATABASE_URL);
const started = Date.now();
console.log(`Reliability suite on ${postgresMode ? "PostgreSQL" : "the embedded PGlite database"}`);

// ---- 1. the full hostile-CSV corpus and the invariants (vitest, their own databases) ----
step("1. hostile CSV files through importCsv (full corpus) and the invariant suite");
check(
  run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "tests/fuzz", "tests/invariants.int.test.ts"], {
    FUZZ_FILES: process.env.FUZZ_FILES ?? "1000",
    FUZZ_HUGE_LINES: "3",
  }),
  "every hostile file rejected with a named problem and nothing written, or imported correctly; invariants hold",
);
figures.push(`hostile CSV files tried: ${Number(process.env.FUZZ_FILES ?? 1000) + 3} (incl. 3 lines of 10 MB)`);

if (buildIsStale()) {
  step("building the app");
  if (!run(process.execPath, ["node_modules/next/dist/bin/next", "build"])) process.exit(1);
}

// ---- the servers' database, seeded through the app's own verbs ----
step("seeding a fresh database");
const orgs = { load: "rel-load", fault: "rel-fault", two: "rel-two", rate: "rel-rate", import: "rel-import" } as const;
const database = await freshDatabase(async () => {
  await loadCatalog();
  for (const partnerId of Object.values(orgs))
    await relOrg(db(), partnerId, { qualified: partnerId !== orgs.rate && partnerId !== orgs.import });
});
console.log(`  ${database.describe}`);
const email = (partnerId: string, role: string) => `${role.replace("_", "-")}@${partnerId}.example`;
const servers: AppServer[] = [];
// An error thrown outside the awaited steps (say, in a browser event handler) ends the process:
// its servers must not outlive it and hold their ports.
for (const event of ["uncaughtException", "unhandledRejection"] as const)
  process.on(event, (error) => {
    console.error(error);
    for (const s of servers) s.process.kill("SIGKILL");
    process.exit(1);
  });
let requestsMade = 0;

try {
  const a = await startServer(database, PORTS[0]!);
  servers.push(a);
  const loadCookies = await Promise.all(
    ["partner_admin", "account_admin", "global_admin"].map((r) => signIn(a.base, email(orgs.load, r), REL_PASSWORD)),
  );

  // ---- 2. hostile HTTP ----
  step("2. hostile HTTP requests: malformed server-action payloads, addresses, oversized bodies");
  const pages: Record<string, string> = {
    changeRoleAction: "/membership/users",
    addUserAction: "/membership/users",
    disableUserAction: "/membership/users",
    placeOrderAction: "/membership/offers",
    saveBillingProfileAction: "/membership/billing-profile",
    cancelOrderAction: "/membership/orders/PMC-1",
    uploadProofAction: "/membership/orders/PMC-1",
    signInAction: "/sign-in",
  };
  const actions = Object.entries(pages).map(([n, page]) => ({ id: actionId(n), page }));
  const hostileCookie = await signIn(a.base, email(orgs.load, "global_admin"), REL_PASSWORD); // a session of its own
  const hostile = await sendHostile(
    a.base,
    hostileCookie,
    hostileRequests(Number(process.env.HOSTILE_REQUESTS ?? 400), actions),
  );
  requestsMade += hostile.sent;
  for (const f of hostile.failures.slice(0, 20)) console.log(`    ${f}`);
  check(
    hostile.failures.length === 0,
    `${hostile.sent} hostile requests answered below 500 within 5 s (statuses ${JSON.stringify(hostile.statuses)})`,
  );
  const big = hostile.results.filter((r) => r.name.startsWith("oversized:"));
  check(
    big.length === 5 && big.every((r) => r.status === 413 && r.ms < 5_000),
    `bodies over the limits are refused with 413 (${big.map((r) => `${r.name.slice(11)}: ${r.status} in ${r.ms} ms`).join("; ")})`,
  );
  check((await fetch(`${a.base}/api/health`)).ok, "the server is still up");
  figures.push(`hostile HTTP requests: ${hostile.sent}, 5xx or slow: ${hostile.failures.length}`);

  // Origin: every server action, sign-in and sign-out included, refuses a missing Origin
  const noOrigin = await Promise.all(
    ["signInAction", "signOutAction", "addUserAction"].map(async (name) => {
      const r = await callAction(
        a.base,
        hostileCookie,
        name === "signInAction" ? "/sign-in" : "/membership/users",
        actionId(name),
        { email: "x@y.example", password: "p" },
        { origin: null },
      );
      return `${name} ${r.status}`;
    }),
  );
  requestsMade += noOrigin.length;
  check(
    noOrigin.every((x) => x.endsWith(" 403")),
    `server actions without an Origin are refused (${noOrigin.join(", ")})`,
  );
  check(
    (await fetch(`${a.base}/api/auth/session`, { headers: { cookie: hostileCookie } }).then((r) => r.json()))
      .sessionId !== undefined,
    "and the session they carried is still signed in",
  );

  // the import route takes files far larger than the action limit (streamed; up to 1 GB)
  const importCookie = await signIn(a.base, email(orgs.import, "partner_admin"), REL_PASSWORD);
  const rows = 330_000;
  const csv = Buffer.from(
    `achievement_code,course_code,redeemed_on\n${Array.from({ length: rows }, (_, i) => `ACH-IMP-${String(i).padStart(7, "0")},REL-300T00,2026-09-${String((i % 28) + 1).padStart(2, "0")}`).join("\n")}\n`,
  );
  const uploadStarted = Date.now();
  const upload = await fetch(`${a.base}/api/v1/imports?kind=courseware-completions`, {
    method: "POST",
    headers: { cookie: importCookie, origin: a.base, "content-type": "text/csv", "x-file-name": "big.csv" },
    body: csv,
  });
  const uploaded = (await upload.json()) as { ok?: boolean; rows?: number };
  const uploadMs = Date.now() - uploadStarted;
  check(
    upload.status === 200 && uploaded.ok === true && uploaded.rows === rows,
    `a ${(csv.length / 1024 / 1024).toFixed(1)} MB CSV through the import page's route: HTTP ${upload.status}, ${uploaded.rows} of ${rows} rows imported in ${uploadMs} ms`,
  );
  const announced = await announcedUpload(
    `${a.base}/api/v1/imports?kind=courseware-completions`,
    { cookie: importCookie, origin: a.base, "content-type": "text/csv" },
    2 * 1024 ** 3,
  );
  check(
    announced.status === 413 && announced.ms < 5_000 && /1 GB/.test(announced.body),
    `an upload announcing 2 GB is refused at once: ${announced.status} in ${announced.ms} ms (${announced.body.slice(0, 90)})`,
  );
  requestsMade += 3;
  figures.push(
    `body limits: 5 oversized bodies → 413; ${(csv.length / 1024 / 1024).toFixed(1)} MB CSV import → ${upload.status} in ${uploadMs} ms; 2 GB announced → ${announced.status} in ${announced.ms} ms`,
  );

  // ---- 3. load ----
  step(`3. load: ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s on the dashboards and JSON endpoints`);
  const paths = [
    "/membership",
    "/membership/training-services",
    "/membership/solutions-partner",
    "/api/v1/membership/training-services",
    "/api/v1/membership/solutions-partner",
    "/membership/offers",
  ];
  const targets = loadCookies.flatMap((cookie) => paths.map((path) => ({ path, cookie })));
  const load = await runLoad(a.base, targets, { connections: LOAD_CONNECTIONS, seconds: LOAD_SECONDS });
  requestsMade += load.requests;
  console.log(describeLoad(load));
  for (const s of load.samples.filter((x) => x.error).slice(0, 5)) console.log(`    ${s.path}: ${s.error}`);
  check(load.errors === 0, `load: ${load.requests} requests, ${load.errors} errors, p99 ${load.p99} ms`);
  figures.push(
    `load: ${LOAD_CONNECTIONS} connections × ${LOAD_SECONDS} s: ${load.requests} requests, ${load.errors} errors, ${load.perSecond} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms`,
  );

  if (!postgresMode) {
    console.log(
      "\n▶ 4–6 skipped: restarting PostgreSQL, killing connections and two app instances need a PostgreSQL server (DATABASE_URL is unset; the embedded database is one process's)",
    );
    figures.push("PostgreSQL faults and two instances: skipped (DATABASE_URL unset)");
  } else {
    const admin = postgres(database.url!, { max: 2, onnotice: () => {} });

    requestsMade += await postgresFaults(a, loadCookies[0]!, database, {
      email: email(orgs.load, "partner_admin"),
      password: REL_PASSWORD,
    });

    // ---- 5. a connection killed in the middle of a purchase ----
    step("5. a database connection killed in the middle of a purchase");
    const faultCookie = await signIn(a.base, email(orgs.fault, "account_admin"), REL_PASSWORD);
    const key = await orderKey(a.base, faultCookie, "training-services");
    const placeOrder = actionId("placeOrderAction");
    const fields = {
      kind: "purchase",
      offer: "training-services",
      paymentMethod: "billing_profile",
      acceptAgreement: "on",
      idempotencyKey: key,
    };
    const ordersOf = async () =>
      (
        await admin`select o.number from orders o join organizations g on g.id = o.org_id where g.partner_id = ${orgs.fault}`
      ).map((r) => r.number as string);
    const locker = await admin.reserve();
    await locker`begin`;
    await locker`lock table orders in share mode`; // the purchase blocks at its insert, inside its transaction
    const purchase = callAction(a.base, faultCookie, "/membership/offers", placeOrder, fields);
    let victim: { pid: number; query: string } | undefined;
    for (let i = 0; i < 100 && !victim; i++) {
      await new Promise((r) => setTimeout(r, 100));
      [victim] =
        (await admin`select pid, query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`) as unknown as {
          pid: number;
          query: string;
        }[];
    }
    check(
      Boolean(victim),
      `the purchase was caught mid-transaction${victim ? ` (${victim.query.slice(0, 60)}…)` : ""}`,
    );
    if (victim) await admin`select pg_terminate_backend(${victim.pid})`;
    await locker`rollback`;
    locker.release();
    const killed = await purchase;
    requestsMade++;
    check(
      killed.status < 500 && /Nothing was changed|went wrong/.test(killed.body) && !/"ok":true/.test(killed.body),
      `the interrupted purchase answers a clean error (${killed.body.match(/"message":"([^"]+)"/)?.[1] ?? killed.status})`,
    );
    check((await ordersOf()).length === 0, "the interrupted order is wholly absent");
    const retry1 = await callAction(a.base, faultCookie, "/membership/offers", placeOrder, fields);
    const retry2 = await callAction(a.base, faultCookie, "/membership/offers", placeOrder, fields);
    requestsMade += 2;
    const placed = await ordersOf();
    check(placed.length === 1, `a retry with the same key places it exactly once (${placed.join(", ")})`);
    const where = (r: { body: string; redirect: string }) =>
      /\/membership\/orders\/(PMC-\d+)/.exec(r.redirect + r.body)?.[1];
    check(
      Boolean(placed[0]) && [retry1, retry2].every((r) => r.status < 500) && (where(retry2) ?? placed[0]) === placed[0],
      "and a second retry returns the same order",
    );

    // ---- 5b. browser sign-ins through the form after the faults, with pages loading alongside ----
    // A connection lost inside a transaction used to stay broken in postgres.js (CONNECT_TIMEOUT on
    // every reuse) and a lost one replayed its old error: sign-ins then stalled at random (db/pool.ts).
    step(`5b. ${SIGN_INS} browser sign-ins through the form after the faults, with 8 connections loading pages`);
    let signInsDone = false;
    const busy = runLoad(a.base, faultTargets(loadCookies[0]!), {
      connections: 8,
      seconds: 600,
      until: () => signInsDone,
    });
    const browser = await launchBrowser();
    const probes: SignInProbe[] = [];
    try {
      for (let i = 0; i < SIGN_INS; i++)
        probes.push(
          await browserSignIn(
            browser,
            a.base,
            email(orgs.load, ["partner_admin", "account_admin", "global_admin"][i % 3]!),
            REL_PASSWORD,
            15_000,
          ),
        );
    } finally {
      signInsDone = true;
      await browser.close();
    }
    const background = await busy;
    requestsMade += background.requests + probes.length * 3;
    for (const p of probes.filter((x) => !x.ok).slice(0, 3))
      console.log(`    ${p.email} after ${p.ms} ms: ${p.detail}`);
    const slowestSignIn = Math.max(...probes.map((p) => p.ms));
    check(
      probes.every((p) => p.ok),
      `${probes.filter((p) => p.ok).length} of ${SIGN_INS} browser sign-ins reached the workspace within 15 s (slowest ${slowestSignIn} ms)`,
    );
    check(
      background.errors === 0,
      `meanwhile ${background.requests} page and JSON requests, ${background.errors} errors, slowest ${background.max} ms`,
    );
    figures.push(
      `browser sign-ins after the faults: ${probes.filter((p) => p.ok).length} of ${SIGN_INS} within 15 s (slowest ${slowestSignIn} ms); alongside ${background.requests} requests, ${background.errors} errors`,
    );

    // ---- 6. two instances on one database ----
    step("6. two app instances on one PostgreSQL database");
    const b = await startServer(database, PORTS[1]!);
    servers.push(b);
    const twoCookie = await signIn(a.base, email(orgs.two, "account_admin"), REL_PASSWORD);
    const sharedKey = await orderKey(b.base, twoCookie, "training-services");
    const keys = Array.from({ length: 10 }, () => sharedKey);
    for (let i = 0; i < 10; i++) keys.push(await orderKey((i % 2 ? a : b).base, twoCookie, "training-services")); // ten fresh forms
    const answers = await Promise.all(
      keys.map((k, i) =>
        callAction((i % 2 ? a : b).base, twoCookie, "/membership/offers", placeOrder, { ...fields, idempotencyKey: k }),
      ),
    );
    requestsMade += answers.length + 11;
    const twoOrders = (
      await admin`select o.number from orders o join organizations g on g.id = o.org_id where g.partner_id = ${orgs.two}`
    ).length;
    check(twoOrders === 1, `20 concurrent purchases split across two instances made exactly one order (${twoOrders})`);
    const odd = answers.filter(
      (r) =>
        !(r.status < 500 && (/\/membership\/orders\/PMC-/.test(r.redirect + r.body) || /Already ordered/.test(r.body))),
    );
    for (const r of odd.slice(0, 5)) {
      console.log(`    unexpected answer ${r.status} ${r.redirect}: ${r.body.slice(0, 300)}`);
      const ref = /reference ([0-9a-f]+)/.exec(r.body)?.[1];
      for (const [server, logs] of [
        ["A", a.logs],
        ["B", b.logs],
      ] as const) {
        for (const l of logs.filter((x) => ref && x.includes(ref))) {
          let cause: unknown = l.slice(0, 600);
          try {
            cause = (JSON.parse(l) as { error?: { cause?: unknown; message?: string } }).error?.cause ?? cause;
          } catch {
            /* not JSON */
          }
          console.log(`      instance ${server} logged: ${JSON.stringify(cause)}`);
        }
      }
    }
    check(
      odd.length === 0,
      `each submission answers its order or “Already ordered” (${answers.length - odd.length} of ${answers.length})`,
    );
    const rateEmail = email(orgs.rate, "partner_admin");
    const attempts: string[] = []; // sequential: the limit counts failures in order
    for (let i = 0; i < 10; i++) attempts.push(await trySignIn((i % 2 ? a : b).base, rateEmail, `wrong-password-${i}`));
    const lockedA = await trySignIn(a.base, rateEmail, REL_PASSWORD);
    const lockedB = await trySignIn(b.base, rateEmail, REL_PASSWORD);
    requestsMade += 24;
    check(
      attempts.every((x) => x === "invalid") && lockedA === "locked" && lockedB === "locked",
      `the sign-in rate limit holds across both instances (after 10 failures split across them: ${lockedA} on A, ${lockedB} on B)`,
    );
    const leaked = [...a.logs, ...b.logs].filter((l) => /params: (?!\[redacted\])\S/.test(l));
    check(
      leaked.length === 0,
      `no log line quotes query parameters (session ids, hashes)${leaked[0] ? `: ${leaked[0].slice(0, 200)}` : ""}`,
    );
    figures.push(
      `two instances: 20 concurrent purchases → ${twoOrders} order; rate limit across instances: ${lockedA}/${lockedB}`,
    );
    await admin.end();
  }
} catch (error) {
  failures.push(`the suite stopped: ${(error as Error).stack ?? error}`);
  console.error(error);
} finally {
  for (const s of servers) await s.stop();
}

// ---- 7. invariants on the servers' database ----
step(`7. SQL invariants (${INVARIANT_COUNT} checks) on the database the servers used`);
try {
  const handle = openDatabase(database.url ? { url: database.url } : { dir: database.env.PGLITE_DIR! });
  useDatabase(handle);
  const violations = await findViolations(handle.db, TODAY);
  for (const v of violations) console.log(`    ${v.invariant}: ${v.rows} rows, e.g. ${JSON.stringify(v.sample)}`);
  check(
    violations.length === 0,
    "0 duplicate active orders, 0 orphans, 0 points that are not whole halves, 0 audit gaps",
  );
  await closeDatabase();
} catch (error) {
  failures.push(`invariants: ${(error as Error).message}`);
}
await database.drop();

console.log(
  `\n== reliability figures\n${figures.map((f) => `  ${f}`).join("\n")}\n  HTTP requests made (besides the CSV corpus): ${requestsMade}\n  took ${Math.round((Date.now() - started) / 1000)} s`,
);
if (failures.length) {
  console.error(`\n✗ ${failures.length} reliability check(s) failed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log("\n✓ reliability suite passed");
process.exit(0);
