// `npm run test:reliability`, step 4 (SPEC §9): PostgreSQL restarted, then stopped for 10 s, while
// pages and JSON are loaded → clean errors only while it is down (the browser's generic error page
// with a reference, no stack or SQL), and every request succeeds again within 5 s of its return.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { REL_PASSWORD } from "../../tests/reliability/scenario";
import { launchBrowser } from "./browser-sign-in";
import { runLoad } from "./load";
import { check, figures, step } from "./report";
import { type AppServer, AUTH_SECRET, pgCluster, signIn, startServer, type TestDatabase } from "./server";

/** The pages and endpoints loaded while the database is away. */
export const faultTargets = (cookie: string) =>
  ["/api/health", "/membership", "/api/v1/membership/training-services", "/membership/training-services"].map(
    (path) => ({ path, cookie }),
  );

/** A browser signed in as `cookie`, launched ahead so that looking at a page takes only the page's time. */
async function browserAt(base: string, cookie: string) {
  const browser = await launchBrowser();
  const context = await browser.newContext();
  const at = cookie.indexOf("=");
  await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`); // warm: the browser's first page costs the most
  return {
    /** What the browser shows for a page while the database is away: the generic error page and its reference. */
    async errorPage(): Promise<{ status: number; text: string; ref?: string; headers: Record<string, string> }> {
      const res = await page.goto(`${base}/membership/training-services`, { timeout: 25_000 }); // queries wait out the driver's reconnect backoff
      await page.getByText("Something went wrong").first().waitFor({ timeout: 5_000 });
      const text = await page.locator("body").innerText();
      return {
        status: res?.status() ?? 0,
        text,
        ref: /Reference: ([0-9A-Za-z]+)/.exec(text)?.[1],
        headers: (await res?.allHeaders()) ?? {},
      };
    },
    close: () => browser.close(),
  };
}

/** Runs step 4 against server `a` signed in as `cookie`; returns the number of requests it made. */
export async function postgresFaults(
  a: AppServer,
  cookie: string,
  database: TestDatabase,
  signInAs: { email: string; password: string },
): Promise<number> {
  const databaseUrl = database.url!;
  let requestsMade = 0;
  // RELIABILITY_PGDATA names a private cluster (its own port in DATABASE_URL) to stop and restart
  // instead of the machine's main one, so that a local run disturbs no one else's database.
  const pgdata = process.env.RELIABILITY_PGDATA;
  const cluster = pgdata ? { version: "", name: pgdata } : pgCluster();
  const pgPort = new URL(databaseUrl).port || "5432";

  // ---- 4. PostgreSQL restart under load ----
  step("4. PostgreSQL restarted during load");
  if (process.env.RELIABILITY_NO_RESTART) {
    console.log("  skipped: RELIABILITY_NO_RESTART is set (other work is using this PostgreSQL server)");
    figures.push("PostgreSQL restart: skipped (RELIABILITY_NO_RESTART)");
  } else if (!cluster) {
    console.log("  skipped: no local PostgreSQL cluster (/etc/postgresql) to restart");
    figures.push("PostgreSQL restart: skipped (no local cluster)");
  } else {
    // a private cluster: pg_ctl as its owner (runuser when we are root), its log beside its folder
    const pgCtl = [
      `/usr/lib/postgresql/${fs
        .readdirSync("/usr/lib/postgresql")
        .sort((x, y) => Number(x) - Number(y))
        .at(-1)}/bin/pg_ctl`,
      "-D",
      pgdata ?? "",
      "-w",
      "-o",
      `-p ${pgPort} -k ${pgdata} -c listen_addresses=127.0.0.1`,
      "-l",
      `${pgdata}.log`,
    ];
    const pg = (action: string) =>
      pgdata
        ? process.getuid?.() === 0
          ? execFileSync("runuser", ["-u", "postgres", "--", ...pgCtl, action], { stdio: "inherit" })
          : execFileSync(pgCtl[0]!, [...pgCtl.slice(1), action], { stdio: "inherit" })
        : execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", cluster.version, cluster.name, action], {
            stdio: "inherit",
          });
    // a restart (shorter than the app's 5 s connect timeout: requests wait), then an outage of 10 s (requests fail)
    let downAt = 0;
    for (const fault of [
      { name: "restart", run: async () => ((downAt = Date.now()), pg("restart")) },
      {
        name: "stopped for 10 s",
        run: async () => {
          const browser = await browserAt(a.base, cookie);
          downAt = Date.now();
          pg("stop");
          const stoppedAt = Date.now();
          try {
            const shown = await browser.errorPage();
            check(
              shown.status === 500 &&
                Boolean(shown.ref) &&
                !/\n\s+at |node_modules|ECONNREFUSED|select /i.test(shown.text),
              `a browser gets the generic error page with reference ${shown.ref} (HTTP ${shown.status}), no stack or SQL`,
            );
            const h = shown.headers;
            check(
              /frame-ancestors 'none'/.test(h["content-security-policy"] ?? "") &&
                h["x-frame-options"] === "DENY" &&
                h["x-content-type-options"] === "nosniff" &&
                Boolean(h["referrer-policy"]),
              "the error page carries the security headers",
            );
            if (shown.ref)
              check(
                a.logs.some(
                  (l) => l.startsWith("{") && l.includes(`"ref":"${shown.ref}"`) && /"level":"error"/.test(l),
                ),
                `the server logged reference ${shown.ref} as one structured JSON line`,
              );
          } catch (error) {
            check(false, `a browser gets the generic error page (${(error as Error).message.split("\n")[0]})`);
          } finally {
            await browser.close();
          }
          await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - stoppedAt))));
          pg("start");
        },
      },
    ]) {
      console.log(`  PostgreSQL ${fault.name}:`);
      const during = runLoad(a.base, faultTargets(cookie), {
        connections: 8,
        seconds: 30,
        keepBodies: (x) => Boolean(x.error),
      });
      await new Promise((r) => setTimeout(r, 4000));
      await fault.run();
      for (let i = 0; i < 60; i++) {
        if (spawnSync("pg_isready", ["-h", "127.0.0.1", "-p", pgPort, "-q"]).status === 0) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      const upAt = Date.now();
      const report = await during;
      requestsMade += report.requests;
      const failed = report.samples.filter((x) => x.error);
      // recovery: from how long after PostgreSQL's return every request made succeeded
      const recoveryMs = Math.max(0, ...failed.map((x) => x.start - upAt));
      console.log(
        `    down ${upAt - downAt} ms; ${report.requests} requests, ${failed.length} failed (${[...new Set(failed.map((x) => x.status))].join(", ") || "none"}); every request made from ${recoveryMs} ms after its return succeeded`,
      );
      for (const x of [...failed].sort((p, q) => q.start - p.start).slice(0, 5))
        console.log(
          `      ${x.status} ${x.path}: started ${x.start - downAt} ms after the fault, ended ${x.end - upAt} ms after recovery`,
        );
      check(
        failed.every((x) => x.start >= downAt - 1000 && x.start <= upAt + 5000),
        `${fault.name}: only requests made while PostgreSQL was down (or within 5 s of its return) failed`,
      );
      check(
        report.samples.filter((x) => x.start > upAt + 5000).every((x) => !x.error),
        `${fault.name}: every request succeeds again within 5 s of PostgreSQL coming back, without restarting the app`,
      );
      check(
        failed.every((x) => x.status >= 500 && x.status < 600),
        `${fault.name}: failures are clean 5xx answers, never dropped connections`,
      );
      // the pool waits at most 1 s between reconnects (db/pool.ts): no request waits out the outage
      const slowest = Math.max(...report.samples.map((x) => x.end - x.start));
      check(
        slowest <= 10_000,
        `${fault.name}: no request waits more than 10 s, during the outage or after it (slowest ${slowest} ms)`,
      );
      const leaks = failed.filter(
        (x) =>
          x.body &&
          (/\n\s+at |node_modules|\.ts:\d+|ECONNREFUSED|select |terminating connection/i.test(x.body) ||
            x.body.includes(AUTH_SECRET)),
      );
      check(
        leaks.length === 0,
        `${fault.name}: no failure shows a stack, SQL or a secret${leaks[0] ? ` (${leaks[0].path}: ${leaks[0].body!.slice(0, 300)})` : ""}`,
      );
      const page = failed.find((x) => x.path.startsWith("/membership") && x.body);
      if (page)
        check(
          /digest\W+\w+/.test(page.body!),
          `${fault.name}: a failed page carries only an error digest for the browser's error page`,
        );
      const json = failed.find((x) => x.path.startsWith("/api/v1") && x.body);
      if (json)
        check(
          /reference/.test(json.body!) && !/stack/i.test(json.body!),
          `${fault.name}: JSON failures answer an error with a reference only (${json.body!.slice(0, 120)})`,
        );
      const health = failed.find((x) => x.path === "/api/health" && x.body);
      if (health)
        check(
          health.status === 503 && /"database":"unreachable"/.test(health.body!),
          `${fault.name}: /api/health answers 503 with the database unreachable`,
        );
      figures.push(
        `PostgreSQL ${fault.name}: down ${upAt - downAt} ms, ${report.requests} requests, ${failed.length} failed, every request made from ${recoveryMs} ms after its return succeeded; slowest request ${slowest} ms`,
      );
    }
    // An app started while PostgreSQL is down (a reboot, a deploy starting both) must serve once it
    // is up, without a restart (db/startup.ts): its start hook no longer fails for good.
    console.log("  an app started while PostgreSQL is down:");
    pg("stop");
    let late: AppServer | undefined;
    const starting = startServer(database, a.port + 10).then((s) => (late = s));
    starting.catch(() => {});
    await new Promise((r) => setTimeout(r, 8000));
    const upAt = Date.now();
    pg("start");
    try {
      await starting;
      const readyMs = Date.now() - upAt;
      const page = await fetch(`${late!.base}/membership`, {
        headers: { cookie: await signIn(late!.base, signInAs.email, signInAs.password) },
        redirect: "manual",
      });
      requestsMade += 3;
      check(
        late!.logs.some((l) => /database unreachable at start/.test(l)),
        "it noticed the database was away and waited (logged once)",
      );
      check(
        readyMs < 15_000 && page.status === 200,
        `it answered /api/health 200 ${readyMs} ms after PostgreSQL's return, and a signed-in page ${page.status}, without a restart`,
      );
      figures.push(`app started while PostgreSQL was down: ready ${readyMs} ms after its return`);
    } catch (error) {
      check(
        false,
        `an app started while PostgreSQL is down serves once it is up (${(error as Error).message.split("\n")[0]})`,
      );
    } finally {
      await late?.stop();
    }
    check(
      !a.logs.some((l) => l.includes(AUTH_SECRET) || l.includes(REL_PASSWORD)),
      "no log line contains the secret or a password",
    );
  }
  return requestsMade;
}
